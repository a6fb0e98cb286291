"""The storefront API's response cache: published answers kept in memory, never stale.

An answer is keyed by the shop, the **normalized** document (its hash: the same query however
it is spaced or commented), the operation name, the variables, the caller's locale and the
shop's **site version** (`cloudcat.core.site_version`). Every committed change a shop's public
face shows bumps that version, so the next request has a new key and misses: no entry ever has
to be found and dropped. An entry is only used or stored while `SiteState.cacheable(now)`
holds (a scheduled change that fell due and has not been bumped yet makes the shop uncacheable
until it is). Only whole answers are kept: errors and partial results are never stored.

The key's first part is the shop the request's publishable key belongs to (checked before the
cache is asked), so one shop's answer can never serve another. Memory is bounded by bytes: the
least recently used entries go first once `max_bytes` would be exceeded, and an answer larger
than a tenth of it is never kept. Each entry keeps the query cost measured when it was computed,
which a hit charges to the caller's budget again (the cost limit holds on hits too).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from bson import ObjectId
from graphql import GraphQLError, parse, print_ast

ENTRY_OVERHEAD_BYTES = 300
"""What an entry costs besides its body and key texts (objects, the LRU's links)."""

NORMALIZED_MEMO_SIZE = 2_000
"""Query texts whose normalized hash is remembered (by the text's own hash)."""

CacheKey = tuple[ObjectId, str, str, str, str, int]
"""(shop id, normalized document hash, operation name, variables JSON, locale, site version)."""


def text_hash(query: str) -> str:
    """The SHA-256 (hex) of a query's exact text, as Apollo's persisted queries hash it."""
    return hashlib.sha256(query.encode()).hexdigest()


class DocumentHashes:
    """Normalized document hashes (of graphql-core's printed AST), remembered per query text."""

    def __init__(self, size: int = NORMALIZED_MEMO_SIZE) -> None:
        self.size = size
        self._memo: OrderedDict[str, str | None] = OrderedDict()
        self._lock = threading.Lock()

    def of(self, query: str) -> str | None:
        """The normalized hash of `query`, or None when it does not parse (no caching then:
        executing it reports the syntax error)."""
        exact = text_hash(query)
        with self._lock:
            if exact in self._memo:
                self._memo.move_to_end(exact)
                return self._memo[exact]
        try:
            normalized: str | None = text_hash(print_ast(parse(query, no_location=True)))
        except (GraphQLError, RecursionError):
            normalized = None
        with self._lock:
            self._memo[exact] = normalized
            while len(self._memo) > self.size:
                self._memo.popitem(last=False)
        return normalized


def variables_key(variables: dict[str, Any] | None) -> str:
    """The variables as canonical JSON (sorted keys), so equal variables make one key."""
    return json.dumps(variables or {}, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def cache_key(
    shop_id: ObjectId,
    document: str,
    operation_name: str | None,
    variables: dict[str, Any] | None,
    locale: str,
    version: int,
) -> CacheKey:
    """The key of one storefront answer (see the module docstring)."""
    return (shop_id, document, operation_name or "", variables_key(variables), locale, version)


@dataclass(frozen=True)
class CachedAnswer:
    """A whole storefront answer: its JSON bytes, the cost it was charged and its ETag."""

    body: bytes
    cost: int
    etag: str


def etag_of(body: bytes) -> str:
    """A strong ETag of an answer's bytes."""
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


class StorefrontCache:
    """An in-memory LRU of storefront answers bounded by their size in bytes."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_bytes // 10
        self.size = 0
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[CacheKey, tuple[CachedAnswer, int]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: CacheKey) -> CachedAnswer | None:
        """The answer stored under `key`, or None (and it becomes the most recently used)."""
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found[0]

    def put(self, key: CacheKey, answer: CachedAnswer) -> bool:
        """Keep `answer` under `key`, dropping the least recently used entries to make room;
        False (nothing kept) when the answer alone is too large."""
        cost = len(answer.body) + len(key[3]) + len(key[2]) + ENTRY_OVERHEAD_BYTES
        if cost > self.max_entry_bytes:
            return False
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self.size -= previous[1]
            self._entries[key] = (answer, cost)
            self.size += cost
            while self.size > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self.size -= dropped
        return True
