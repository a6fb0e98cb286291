"""The admin schema: everything a signed-in seller (or an admin token) can read and change."""
