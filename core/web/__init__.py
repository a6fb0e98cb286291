"""The HTTP layer: the GraphQL endpoints, the event collector, the themed site, rate limits."""
