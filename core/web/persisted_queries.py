"""Persisted storefront queries, as Apollo's automatic persisted queries (APQ) use them.

A client sends `extensions: {"persistedQuery": {"version": 1, "sha256Hash": "<hex>"}}` and no
query (by GET, so CDNs can cache the answer). An unknown hash answers the error
`PersistedQueryNotFound` (code `PERSISTED_QUERY_NOT_FOUND`, HTTP 200, as Apollo clients expect);
the client then POSTs the query with its hash, which registers it for the key's shop once it has
executed without errors (a document that does not validate is never kept; a GET never writes).
Queries are stored per shop in the `persisted_queries` collection, so they survive restarts and
one shop's registrations never fill another's; each shop may keep `max_per_shop` of them (past
that, queries still run, they are just not stored). Lookups are remembered in-process, bounded.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections import OrderedDict

from bson import ObjectId
from mongoengine.errors import NotUniqueError

from cloudcat.core.documents import PersistedQuery

log = logging.getLogger(__name__)

PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
PERSISTED_QUERY_NOT_SUPPORTED = "PERSISTED_QUERY_NOT_SUPPORTED"
MEMO_SIZE = 5_000


class PersistedQueries:
    """The shops' persisted queries, read through a bounded in-process memo."""

    def __init__(self, max_per_shop: int, memo_size: int = MEMO_SIZE) -> None:
        self.max_per_shop = max_per_shop
        self.memo_size = memo_size
        self._memo: OrderedDict[tuple[ObjectId, str], str] = OrderedDict()
        self._lock = threading.Lock()

    def _remember(self, key: tuple[ObjectId, str], query: str) -> None:
        with self._lock:
            self._memo[key] = query
            self._memo.move_to_end(key)
            while len(self._memo) > self.memo_size:
                self._memo.popitem(last=False)

    def find(self, shop_id: ObjectId, sha256: str) -> str | None:
        """The query shop `shop_id` registered under `sha256`, or None. Read only."""
        key = (shop_id, sha256)
        with self._lock:
            query = self._memo.get(key)
        if query is not None:
            return query
        doc = PersistedQuery._get_collection().find_one(
            {"shop_id": shop_id, "sha256": sha256}, {"query": 1}
        )
        if doc is None:
            return None
        self._remember(key, doc["query"])
        return str(doc["query"])

    def register(self, shop_id: ObjectId, sha256: str, query: str) -> bool:
        """Store `query` (whose SHA-256 the caller checked) for the shop; False when the shop
        already has `max_per_shop` queries (nothing stored)."""
        if self.find(shop_id, sha256) is not None:
            return True
        collection = PersistedQuery._get_collection()
        if collection.count_documents({"shop_id": shop_id}) >= self.max_per_shop:
            log.info("shop %s has %s persisted queries: none stored", shop_id, self.max_per_shop)
            return False
        with contextlib.suppress(NotUniqueError):  # a concurrent request registered it
            PersistedQuery(shop_id=shop_id, sha256=sha256, query=query).save()
        self._remember((shop_id, sha256), query)
        return True
