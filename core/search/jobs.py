"""The `search.reindex` job (rebuild one shop's search index in a worker) and, at start, one
such job for every shop that has published products but no index yet (products stored before
search existed: a sync that changes nothing would never index them)."""

from __future__ import annotations

from typing import Any

from cloudcat.core.catalog.queries import published_products
from cloudcat.core.errors import NotFound
from cloudcat.core.jobs import JobContext, enqueue
from cloudcat.core.search.index import STATE, reindex_shop
from cloudcat.core.storage.database import RawDatabase, register_raw_indexes

SEARCH_REINDEX = "search.reindex"
INITIAL_KEY = "initial-index"


def reindex_handler(job: JobContext) -> dict[str, Any]:
    """Rebuild the index of the job's shop, reporting "n of N" products."""
    if job.shop_id is None:
        raise NotFound("a search index belongs to a shop")
    count = reindex_shop(job.shop_id, lambda done, total: job.progress(done, total, "indexing"))
    return {"indexed": count}


def enqueue_missing_indexes(db: RawDatabase) -> int:
    """Queue `search.reindex` once (ever) for each shop with published products and no index;
    return how many shops were queued."""
    indexed = {doc["_id"] for doc in db[STATE].find({"g": {"$exists": True}}, {"_id": 1})}
    queued = 0
    for shop in db["shops"].find({}, {"_id": 1}):
        if shop["_id"] in indexed:
            continue
        if db["products"].find_one(published_products(shop["_id"]), {"_id": 1}) is None:
            continue
        enqueue(db, SEARCH_REINDEX, {}, shop_id=shop["_id"], idempotency_key=INITIAL_KEY)
        queued += 1
    return queued


def _at_start(db: RawDatabase) -> None:
    enqueue_missing_indexes(db)


register_raw_indexes(_at_start)
