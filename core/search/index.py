"""The search index of each shop's published products, kept in five raw collections.

Every document carries the shop and the index **generation** `g` the shop's state points at
(`search_state`, ``_id`` = shop id): a full rebuild writes a new generation beside the current
one, switches the state to it in one write and then drops the old one, so a search never sees a
half-built index.

* ``search_terms``: one document per (shop, generation, term) with the postings of the term,
  ``p: {product id: weight}``, its count ``n``, and the kind and display word of its first
  product (`cloudcat.core.search.analyzer`). A query reads the few terms it needs with one
  ``$in`` on the unique (shop, g, term) index.
* ``search_words``: the vocabulary a shopper types (words, pinyin, initials) as small documents,
  for prefixes (a range on (shop, g, word)), typos (every word of the same first letter, on
  (shop, g, first)) and suggestions.
* ``search_docs``: per indexed product, the terms it is in, so a change removes exactly those.
* ``search_facets``: the price and categories of every indexed product, in `BUCKETS` documents
  per shop (``items: {product id: "price|cat\x1fcat"}``), read whole for filters and facets;
  the state's facet version ``fv`` moves on each change of them, so a process may keep them in
  memory while (shop, g, fv) stays the same.

`reindex_products` and `remove_products` keep the index current after a catalog change (the
sync engine and the seller's edits call them); `reindex_shop` rebuilds a shop's index.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from bson import Decimal128, ObjectId
from pymongo import DeleteOne, ReplaceOne, UpdateOne
from pymongo.collection import Collection

from cloudcat.core.catalog.queries import is_published, published_products
from cloudcat.core.documents import Product
from cloudcat.core.documents.base import utcnow
from cloudcat.core.search.analyzer import SUGGESTED_KINDS, Term, document_terms
from cloudcat.core.storage.database import RawDatabase, register_raw_indexes

log = logging.getLogger(__name__)

STATE = "search_state"
TERMS = "search_terms"
WORDS = "search_words"
DOCS = "search_docs"
FACETS = "search_facets"
BUCKETS = 16
"""Facet documents per shop: small enough to rewrite one on each change, few enough to read."""
CHUNK = 50
"""Products reindexed per step (the `$in` lookups stay short)."""
REBUILD_SHARE = 5
"""A change touching more than 1/REBUILD_SHARE of a shop's products rebuilds it whole."""
REBUILD_MIN = 200
"""...and never fewer products than this."""
INSERT_BATCH = 1000
CATEGORY_SEPARATOR = "\x1f"

PRODUCT_FIELDS = {
    "shop_id": 1,
    "status": 1,
    "title": 1,
    "description": 1,
    "owned.title": 1,
    "owned.description": 1,
    "owned.published": 1,
    "price": 1,
    "price_min": 1,
    "category_ids": 1,
    "external_id": 1,
    "variants.sku": 1,
    "variants.options": 1,
}
"""What indexing reads of a product."""

Progress = Callable[[int, int], None]
"""`progress(done, total)` while a shop is rebuilt."""


def ensure_search_indexes(db: RawDatabase) -> None:
    """Create the search collections' indexes (idempotent)."""
    db[TERMS].create_index([("shop_id", 1), ("g", 1), ("t", 1)], unique=True)
    db[WORDS].create_index([("shop_id", 1), ("g", 1), ("w", 1)], unique=True)
    db[WORDS].create_index([("shop_id", 1), ("g", 1), ("f", 1)])
    db[DOCS].create_index([("shop_id", 1), ("g", 1), ("pid", 1)], unique=True)
    db[FACETS].create_index([("shop_id", 1), ("g", 1), ("b", 1)], unique=True)


register_raw_indexes(ensure_search_indexes)


def search_db() -> RawDatabase:
    """The database holding the catalog and its search index."""
    db: RawDatabase = Product._get_db()
    return db


def bucket_of(product_id: str) -> int:
    """The facet document a product's facts live in."""
    return int(product_id[-4:], 16) % BUCKETS


def decimal_of(value: Any) -> Decimal | None:
    """A stored amount as a Decimal (None stays None)."""
    if value is None:
        return None
    if isinstance(value, Decimal128):
        return value.to_decimal()
    return Decimal(str(value))


def display_title(raw: Mapping[str, Any]) -> str:
    """The seller's own title when set, else the marketplace's (as the storefront shows)."""
    return str((raw.get("owned") or {}).get("title") or raw.get("title") or "")


def display_description(raw: Mapping[str, Any]) -> str:
    """The seller's own description when set, else the marketplace's."""
    return str((raw.get("owned") or {}).get("description") or raw.get("description") or "")


def product_terms(raw: Mapping[str, Any]) -> dict[str, Term]:
    """The index terms of a stored product document."""
    variants = raw.get("variants") or []
    options = [o.get("value", "") for v in variants for o in v.get("options") or []]
    identifiers = [raw.get("external_id") or ""] + [v.get("sku") or "" for v in variants]
    return document_terms(
        display_title(raw),
        display_description(raw),
        dict.fromkeys(options),
        [i for i in dict.fromkeys(identifiers) if i],
    )


def facet_item(raw: Mapping[str, Any]) -> str:
    """A product's price (its lowest) and category ids, packed for `search_facets`."""
    price = decimal_of(raw.get("price_min"))
    if price is None:
        price = decimal_of(raw.get("price"))
    categories = CATEGORY_SEPARATOR.join(raw.get("category_ids") or [])
    return f"{price if price is not None else ''}|{categories}"


def parse_facet_item(item: str) -> tuple[Decimal | None, list[str]]:
    """(price, category ids) of a packed facet item."""
    price, _, categories = item.partition("|")
    return (Decimal(price) if price else None), (
        categories.split(CATEGORY_SEPARATOR) if categories else []
    )


def _weight(term: Term) -> float:
    return round(term.weight, 3)


# --- full rebuild -------------------------------------------------------------------------


def _allocate_generation(db: RawDatabase, shop_id: ObjectId) -> int:
    state = db[STATE].find_one_and_update(
        {"_id": shop_id}, {"$inc": {"next": 1}}, upsert=True, return_document=True
    )
    if state is None:  # upsert with the document after the update: never
        raise RuntimeError("the search state was not stored")
    return int(state["next"])


def _insert(collection: Collection[dict[str, Any]], docs: list[dict[str, Any]]) -> None:
    for start in range(0, len(docs), INSERT_BATCH):
        collection.insert_many(docs[start : start + INSERT_BATCH], ordered=False)


def _drop_generations_below(db: RawDatabase, shop_id: ObjectId, g: int) -> None:
    for name in (TERMS, WORDS, DOCS, FACETS):
        db[name].delete_many({"shop_id": shop_id, "g": {"$lt": g}})


def reindex_shop(shop_id: ObjectId, progress: Progress | None = None) -> int:
    """Rebuild the search index of shop `shop_id` from its published products; return how
    many products it holds. Searches use the old index until the new one is complete."""
    db = search_db()
    ensure_search_indexes(db)
    g = _allocate_generation(db, shop_id)
    query = published_products(shop_id)
    total = db["products"].count_documents(query)
    postings: dict[str, dict[str, float]] = defaultdict(dict)
    first: dict[str, Term] = {}
    docs: list[dict[str, Any]] = []
    facets: list[dict[str, str]] = [{} for _ in range(BUCKETS)]
    cursor = db["products"].find(query, PRODUCT_FIELDS).batch_size(500)
    for done, raw in enumerate(cursor, start=1):
        pid = str(raw["_id"])
        terms = product_terms(raw)
        for term, found in terms.items():
            postings[term][pid] = _weight(found)
            first.setdefault(term, found)
        docs.append({"shop_id": shop_id, "g": g, "pid": raw["_id"], "terms": list(terms)})
        facets[bucket_of(pid)][pid] = facet_item(raw)
        if progress is not None and (done % 100 == 0 or done == total):
            progress(done, total)
    term_docs = [
        {
            "shop_id": shop_id,
            "g": g,
            "t": term,
            "k": first[term].kind.value,
            "d": first[term].display,
            "n": len(found),
            "p": found,
        }
        for term, found in postings.items()
    ]
    word_docs = [
        {"shop_id": shop_id, "g": g, "w": term, "f": term[0], "d": first[term].display}
        for term in postings
        if first[term].kind in SUGGESTED_KINDS
    ]
    facet_docs = [{"shop_id": shop_id, "g": g, "b": b, "items": facets[b]} for b in range(BUCKETS)]
    _drop_generation(db, shop_id, g)  # what a lost state may have left under this number
    for name, batch in ((TERMS, term_docs), (WORDS, word_docs), (DOCS, docs), (FACETS, facet_docs)):
        _insert(db[name], batch)
    switched = db[STATE].update_one(
        {"_id": shop_id, "$or": [{"g": {"$exists": False}}, {"g": {"$lt": g}}]},
        {"$set": {"g": g, "count": len(docs), "built_at": utcnow()}},
    )
    if switched.matched_count == 0:  # a newer rebuild finished first: this one is stale
        _drop_generation(db, shop_id, g)
        return len(docs)
    _drop_generations_below(db, shop_id, g)
    if progress is not None and total == 0:
        progress(0, 0)
    return len(docs)


def _drop_generation(db: RawDatabase, shop_id: ObjectId, g: int) -> None:
    for name in (TERMS, WORDS, DOCS, FACETS):
        db[name].delete_many({"shop_id": shop_id, "g": g})


# --- incremental changes ------------------------------------------------------------------


@dataclass
class TermChange:
    """What one change does to one term's postings."""

    set: dict[str, float] = field(default_factory=dict)
    unset: list[str] = field(default_factory=list)
    count: int = 0
    first: Term | None = None

    def update(self) -> dict[str, Any]:
        """The MongoDB update of the term document."""
        update: dict[str, Any] = {}
        if self.set:
            update["$set"] = {f"p.{pid}": weight for pid, weight in self.set.items()}
        if self.unset:
            update["$unset"] = {f"p.{pid}": "" for pid in self.unset}
        if self.count:
            update["$inc"] = {"n": self.count}
        if self.first is not None and self.set:
            update["$setOnInsert"] = {"k": self.first.kind.value, "d": self.first.display}
        return update


@dataclass
class Changes:
    """The writes of one chunk of changed products, gathered per collection."""

    terms: dict[str, TermChange] = field(default_factory=lambda: defaultdict(TermChange))
    docs: list[ReplaceOne[dict[str, Any]] | DeleteOne] = field(default_factory=list)
    facets: dict[int, dict[str, Any]] = field(default_factory=lambda: defaultdict(dict))
    count: int = 0

    def product(
        self,
        key: dict[str, Any],
        pid: str,
        old: set[str],
        new: dict[str, Term],
        facet: str | None,
    ) -> None:
        """Move product `pid` from its `old` terms to its `new` ones (none: remove it)."""
        for term, found in new.items():
            change = self.terms[term]
            change.set[pid] = _weight(found)
            if term not in old:
                change.count += 1
                change.first = change.first or found
        for term in old - new.keys():
            change = self.terms[term]
            change.unset.append(pid)
            change.count -= 1
        doc_key = {**key, "pid": ObjectId(pid)}
        bucket = self.facets[bucket_of(pid)]
        if new:
            self.docs.append(ReplaceOne(doc_key, {**doc_key, "terms": list(new)}, upsert=True))
            bucket[f"items.{pid}"] = facet
            self.count += 0 if old else 1
        elif old:
            self.docs.append(DeleteOne(doc_key))
            bucket[f"items.{pid}"] = None
            self.count -= 1

    def write(self, db: RawDatabase, key: dict[str, Any]) -> None:
        """Store the gathered changes."""
        updates = {term: change.update() for term, change in self.terms.items()}
        term_ops = [
            UpdateOne({**key, "t": term}, update, upsert=bool(self.terms[term].set))
            for term, update in updates.items()
            if update
        ]
        if term_ops:
            db[TERMS].bulk_write(term_ops, ordered=False)
        word_ops = [
            UpdateOne(
                {**key, "w": term},
                {"$setOnInsert": {"f": term[0], "d": change.first.display}},
                upsert=True,
            )
            for term, change in self.terms.items()
            if change.count > 0
            and change.first is not None
            and change.first.kind in SUGGESTED_KINDS
        ]
        if word_ops:
            db[WORDS].bulk_write(word_ops, ordered=False)
        shrunk = [term for term, change in self.terms.items() if change.count < 0]
        if shrunk:
            left = db[TERMS].find({**key, "t": {"$in": shrunk}}, {"t": 1, "n": 1})
            empty = [doc["t"] for doc in left if int(doc.get("n") or 0) <= 0]
            if empty:
                db[TERMS].delete_many({**key, "t": {"$in": empty}})
                db[WORDS].delete_many({**key, "w": {"$in": empty}})
        if self.docs:
            db[DOCS].bulk_write(self.docs, ordered=False)
        facet_ops = []
        for bucket, items in self.facets.items():
            sets = {k: v for k, v in items.items() if v is not None}
            unsets = {k: "" for k, v in items.items() if v is None}
            update: dict[str, Any] = {}
            if sets:
                update["$set"] = sets
            if unsets:
                update["$unset"] = unsets
            if update:
                facet_ops.append(UpdateOne({**key, "b": bucket}, update, upsert=True))
        if facet_ops:
            db[FACETS].bulk_write(facet_ops, ordered=False)
            # A new facet version tells every process its cached facets are old.
            db[STATE].update_one({"_id": key["shop_id"]}, {"$inc": {"count": self.count, "fv": 1}})


def _object_ids(product_ids: Iterable[ObjectId | str]) -> list[ObjectId]:
    found = []
    for pid in product_ids:
        if isinstance(pid, ObjectId):
            found.append(pid)
        elif ObjectId.is_valid(pid):
            found.append(ObjectId(pid))
    return list(dict.fromkeys(found))


def _apply(shop_id: ObjectId, ids: list[ObjectId], *, remove: bool) -> None:
    db = search_db()
    state = db[STATE].find_one({"_id": shop_id}, {"g": 1, "count": 1})
    if state is None or "g" not in state:
        if not remove:
            reindex_shop(shop_id)
        return
    count = int(state.get("count") or 0)
    if not remove and len(ids) > max(REBUILD_MIN, count // REBUILD_SHARE):
        reindex_shop(shop_id)
        return
    key = {"shop_id": shop_id, "g": state["g"]}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        products: dict[ObjectId, dict[str, Any]] = {}
        if not remove:
            query = {"_id": {"$in": chunk}, "shop_id": shop_id}
            products = {raw["_id"]: raw for raw in db["products"].find(query, PRODUCT_FIELDS)}
        old = {
            doc["pid"]: set(doc.get("terms") or [])
            for doc in db[DOCS].find({**key, "pid": {"$in": chunk}})
        }
        changes = Changes()
        for pid in chunk:
            raw = products.get(pid)
            shown = raw is not None and is_published(raw)
            new = product_terms(raw) if raw is not None and shown else {}
            facet = facet_item(raw) if raw is not None and shown else None
            changes.product(key, str(pid), old.get(pid, set()), new, facet)
        changes.write(db, key)


def reindex_products(shop_id: ObjectId, product_ids: Iterable[ObjectId | str]) -> None:
    """Bring the index of shop `shop_id` up to date for these products (by id): a published
    one is (re)indexed, any other (hidden, delisted, deleted, missing) leaves the index. A shop
    without an index yet, or a change touching a large part of it, is rebuilt whole."""
    ids = _object_ids(product_ids)
    if ids:
        _apply(shop_id, ids, remove=False)


def remove_products(shop_id: ObjectId, product_ids: Iterable[ObjectId | str]) -> None:
    """Take these products (by id) out of the index of shop `shop_id`."""
    ids = _object_ids(product_ids)
    if ids:
        _apply(shop_id, ids, remove=True)


def reindex_catalog_change(shop_id: ObjectId, source: str, change: Mapping[str, Any]) -> None:
    """Follow a sync's change (the `cloudcat_catalog_changed` argument: products' external
    ids of `source`). Lists cut at their cap, or a large change, rebuild the shop."""
    external = [
        *change.get("created", []),
        *change.get("updated", []),
        *change.get("removed", []),
    ]
    if not external:
        return
    db = search_db()
    state = db[STATE].find_one({"_id": shop_id}, {"count": 1})
    count = int((state or {}).get("count") or 0)
    if len(external) > max(REBUILD_MIN, count // REBUILD_SHARE):
        reindex_shop(shop_id)
        return
    ids: list[ObjectId] = []
    for start in range(0, len(external), CHUNK):
        query = {
            "shop_id": shop_id,
            "source": source,
            "external_id": {"$in": external[start : start + CHUNK]},
        }
        ids.extend(raw["_id"] for raw in db["products"].find(query, {"_id": 1}))
    reindex_products(shop_id, ids)


__all__ = [
    "BUCKETS",
    "DOCS",
    "FACETS",
    "STATE",
    "TERMS",
    "WORDS",
    "ensure_search_indexes",
    "parse_facet_item",
    "reindex_catalog_change",
    "reindex_products",
    "reindex_shop",
    "remove_products",
    "search_db",
]
