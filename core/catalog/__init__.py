"""The catalog domain: syncing products, categories, promotions and orders from marketplace
sources into each shop's catalog.

`engine` runs the syncs (full, incremental, reconcile, change messages, webhooks), `writer`
stores batches idempotently and order-safely, `records` validates what sources hand over,
`ledger` keeps the lock, the resumable runs and the sync state, `report` says what a run did,
`sync` runs a shop's enabled source as a job or the CLI does, and `editing` changes the
CloudCat-owned content a sync never touches.
"""
