"""Storage: the embedded SecantusDB server, the MongoDB connection, and transient-error retries."""
