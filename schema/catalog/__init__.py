"""The catalog in GraphQL: products with variants, categories, promotions, orders and the sync
ledger, with keyset-paginated, filtered and sorted connections shared by both schemas."""
