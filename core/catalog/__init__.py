"""The catalog domain: syncing products from marketplace sources into each shop's catalog."""
