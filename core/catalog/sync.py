"""Syncing a shop's catalog from a marketplace source into the `products` collection.

`sync_catalog` reads every record of a source and bulk-upserts products keyed by (shop_id,
source, external_id) with raw pymongo. A product whose content hash (title, description, price,
currency, images, url, status) matches what is stored is not written at all. Products of that
source and shop that the source no longer lists are marked ``delisted``. A record that cannot be
read or stored fails alone; its reason is kept in the `SyncReport`. Every query is scoped by the
shop, so no other shop's products are ever read or touched.

When given the `ShopPlugins`, `sync_catalog` also calls the `cloudcat_catalog_changed` observer
hook for that shop's enabled plugins once something changed (also when the source fails
part-way, for what was stored before it failed). `run_source_sync` is the whole job in one call:
build the shop's source, sync, record the plugin's health, tell observers.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from bson import Decimal128, ObjectId
from pymongo import UpdateOne
from pymongo.collection import Collection
from pymongo.errors import BulkWriteError

from cloudcat.core.catalog.report import SyncFailed, SyncReport
from cloudcat.core.documents import Product, Shop
from cloudcat.core.documents.base import utcnow
from cloudcat.core.errors import BadInput, PluginFailure
from cloudcat.core.providers import MarketplaceSource, ProductRecord, RejectedRecord
from cloudcat.core.storage.retry import call_with_retries
from cloudcat.core.tenancy import ShopPlugins

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int | None, str], None]
"""Called as ``progress(done, total_or_None, message)``; sources rarely know their total."""

BATCH_SIZE = 500
DELIST_CHUNK = 1000
MAX_EXTERNAL_ID_LENGTH = 500
MAX_TITLE_LENGTH = 500
STATUSES = ("active", "delisted")
CONTENT_FIELDS = ("title", "description", "price", "currency", "image_urls", "url", "status")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_CENT = Decimal("0.01")


class RecordProblem(ValueError):
    """A source record that cannot be stored as a product; the message says why."""


# --- records and hashes --------------------------------------------------------------------


def _price(value: object) -> Decimal:
    if isinstance(value, Decimal128):
        value = value.to_decimal()
    if not isinstance(value, Decimal):
        raise RecordProblem(f"price must be a Decimal, not {type(value).__name__}")
    if not value.is_finite() or value < 0:
        raise RecordProblem(f"price {value} is not a non-negative amount")
    try:
        exact = value.quantize(_CENT)
    except InvalidOperation as exc:
        raise RecordProblem(f"price {value} is out of range") from exc
    if exact != value:
        raise RecordProblem(f"price {value} has more than two decimals")
    return exact


def product_fields(record: ProductRecord) -> dict[str, Any]:
    """The stored content of `record`, validated; raise `RecordProblem` if it cannot be stored."""
    if not isinstance(record.external_id, str) or not record.external_id.strip():
        raise RecordProblem("missing external id")
    if len(record.external_id) > MAX_EXTERNAL_ID_LENGTH:
        raise RecordProblem(f"external id is longer than {MAX_EXTERNAL_ID_LENGTH} characters")
    if not isinstance(record.title, str) or not record.title.strip():
        raise RecordProblem("missing title")
    if len(record.title) > MAX_TITLE_LENGTH:
        raise RecordProblem(f"title is longer than {MAX_TITLE_LENGTH} characters")
    if not isinstance(record.currency, str) or not _CURRENCY.match(record.currency):
        raise RecordProblem(f"currency {record.currency!r} is not a three-letter code")
    if record.status not in STATUSES:
        raise RecordProblem(f"status {record.status!r} is not one of {', '.join(STATUSES)}")
    images = record.image_urls
    if not isinstance(images, list) or not all(isinstance(url, str) for url in images):
        raise RecordProblem("image_urls must be a list of texts")
    if not isinstance(record.url, str) or not isinstance(record.description, str):
        raise RecordProblem("url and description must be texts")
    return {
        "title": record.title,
        "description": record.description,
        "price": _price(record.price),
        "currency": record.currency,
        "image_urls": list(images),
        "url": record.url,
        "status": record.status,
    }


def content_hash(fields: Mapping[str, Any]) -> str:
    """A digest of a product's content, equal for equal content however it was stored."""
    price = fields.get("price")
    if isinstance(price, Decimal128):
        price = price.to_decimal()
    canonical = [
        fields.get("title", ""),
        fields.get("description", ""),
        f"{Decimal(str(price)).quantize(_CENT)}" if price is not None else "",
        fields.get("currency", ""),
        list(fields.get("image_urls") or []),
        fields.get("url", ""),
        fields.get("status", "active"),
    ]
    encoded = json.dumps(canonical, ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.sha256(encoded).hexdigest()


def _source_records(source: MarketplaceSource) -> Iterator[ProductRecord | RejectedRecord]:
    """The source's records; anything it raises becomes a `PluginFailure` naming the source."""
    iterator = iter(source.iter_products())
    while True:
        try:
            item = next(iterator)
        except StopIteration:
            return
        except PluginFailure:
            raise
        except Exception as exc:
            raise PluginFailure(
                f"the {source.name} source failed: {type(exc).__name__}: {exc}"
            ) from exc
        yield item


# --- the sync ------------------------------------------------------------------------------


@dataclass
class _Pending:
    external_id: str
    is_new: bool


class _CatalogWriter:
    """Batches upserts for one (shop, source) and records their outcome in the report."""

    def __init__(
        self, collection: Collection[dict[str, Any]], shop_id: ObjectId, report: SyncReport
    ):
        self.collection = collection
        self.shop_id = shop_id
        self.report = report
        self.operations: list[UpdateOne] = []
        self.pending: list[_Pending] = []

    def key(self, external_id: str) -> dict[str, Any]:
        return {"shop_id": self.shop_id, "source": self.report.source, "external_id": external_id}

    def upsert(self, external_id: str, fields: dict[str, Any], is_new: bool) -> None:
        now = utcnow()
        stored = {**fields, "price": Decimal128(fields["price"]), "updated_at": now}
        self.operations.append(
            UpdateOne(
                self.key(external_id),
                {"$set": stored, "$setOnInsert": {"created_at": now}},
                upsert=True,
            )
        )
        self.pending.append(_Pending(external_id, is_new))

    def flush(self) -> None:
        if not self.operations:
            return
        operations, pending = self.operations, self.pending
        self.operations, self.pending = [], []
        failed: dict[int, str] = {}
        try:
            call_with_retries(lambda: self.collection.bulk_write(operations, ordered=False))
        except BulkWriteError as exc:
            for error in exc.details.get("writeErrors", []):
                failed[int(error["index"])] = str(error.get("errmsg", "write error"))
        for index, item in enumerate(pending):
            if index in failed:
                self.report.reject(item.external_id, f"could not be stored: {failed[index]}")
            elif item.is_new:
                self.report.created += 1
                self.report.created_ids.append(item.external_id)
            else:
                self.report.updated += 1
                self.report.updated_ids.append(item.external_id)

    def delist(self, external_ids: list[str]) -> None:
        for start in range(0, len(external_ids), DELIST_CHUNK):
            chunk = external_ids[start : start + DELIST_CHUNK]
            query: dict[str, Any] = {
                "shop_id": self.shop_id,
                "source": self.report.source,
                "external_id": {"$in": chunk},
                "status": {"$ne": "delisted"},
            }
            update = {"$set": {"status": "delisted", "updated_at": utcnow()}}
            call_with_retries(functools.partial(self.collection.update_many, query, update))
            self.report.removed += len(chunk)
            self.report.removed_ids.extend(chunk)


def _stored_hashes(
    collection: Collection[dict[str, Any]], shop_id: ObjectId, source: str
) -> dict[str, tuple[str, str]]:
    """external id -> (content hash, status) of the products this source stored in this shop."""
    projection = {name: 1 for name in ("external_id", *CONTENT_FIELDS)}
    projection["_id"] = 0
    cursor = collection.find({"shop_id": shop_id, "source": source}, projection)
    return {doc["external_id"]: (content_hash(doc), doc.get("status", "active")) for doc in cursor}


def sync_catalog(
    shop: Shop,
    source_provider: MarketplaceSource,
    *,
    progress: ProgressCallback | None = None,
    observers: ShopPlugins | None = None,
    batch_size: int = BATCH_SIZE,
) -> SyncReport:
    """Bring `shop`'s products from `source_provider` up to date; return what changed.

    Unchanged products are not written; products the source no longer lists are delisted
    (unless the source yielded no readable product at all, which looks like a broken feed
    rather than an empty shop: then nothing is delisted and the report says so). A record the
    source rejected keeps its stored product as it was. `progress` is called after each batch.
    With `observers`, `cloudcat_catalog_changed` is called for the shop when anything changed.

    Raises `SyncFailed` (a `PluginFailure`, carrying the partial report) when the source fails
    part-way: what was read before is stored, nothing is delisted.
    """
    if source_provider.context.shop.id != str(shop.id):
        raise BadInput(f"the {source_provider.name} source was built for another shop")
    source = source_provider.name
    shop_id = ObjectId(shop.id)
    report = SyncReport(shop_id=str(shop.id), source=source)
    collection: Collection[dict[str, Any]] = source_provider.context.db[
        Product._get_collection_name()
    ]
    writer = _CatalogWriter(collection, shop_id, report)
    stored = _stored_hashes(collection, shop_id, source)
    seen: set[str] = set()
    readable = 0

    def tell(message: str, total: int | None = None) -> None:
        if progress is not None:
            progress(report.read, total, message)

    tell(f"reading {source}")
    try:
        for item in _source_records(source_provider):
            if isinstance(item, RejectedRecord):
                seen.add(item.reference)
                report.reject(item.reference, item.reason)
                continue
            try:
                fields = product_fields(item)
            except RecordProblem as exc:
                seen.add(str(item.external_id))
                report.reject(str(item.external_id), str(exc))
                continue
            if item.external_id in seen:
                report.reject(item.external_id, f"duplicate external id {item.external_id!r}")
                continue
            seen.add(item.external_id)
            readable += 1
            previous = stored.get(item.external_id)
            if previous is not None and previous[0] == content_hash(fields):
                report.unchanged += 1
                continue
            writer.upsert(item.external_id, fields, is_new=previous is None)
            if len(writer.operations) >= batch_size:
                writer.flush()
                tell(f"read {report.read} records from {source}")
    except PluginFailure as exc:
        writer.flush()
        report.finished_at = utcnow()
        _notify(observers, shop, report)
        raise SyncFailed(f"{exc} (after {report.read} records)", report) from exc
    writer.flush()

    missing = sorted(
        external_id
        for external_id, (_, status) in stored.items()
        if external_id not in seen and status != "delisted"
    )
    if missing and readable == 0:
        report.warnings.append(
            f"the source yielded no readable product, so the {len(missing)} products it "
            "listed before were kept as they are"
        )
    elif missing:
        writer.delist(missing)
    report.finished_at = utcnow()
    tell(report.summary(), report.read)
    log.info("catalog sync for shop %s: %s", shop.id, report.summary())
    _notify(observers, shop, report)
    return report


def _notify(observers: ShopPlugins | None, shop: Shop, report: SyncReport) -> None:
    if observers is not None and report.changed_ids:
        observers.call_observers(shop, "cloudcat_catalog_changed", change=report.change())


def run_source_sync(
    shop_plugins: ShopPlugins,
    shop: Shop,
    source_name: str,
    *,
    progress: ProgressCallback | None = None,
) -> SyncReport:
    """Sync `shop`'s catalog from its enabled source `source_name`, as a job would.

    The plugin's health is recorded (ok, or the error shown in the admin UI) and observers are
    told about changes. Raises `BadInput` if the source is not enabled or not a source, and
    `PluginFailure` (recorded first) if the source fails.
    """
    provider = shop_plugins.provider(shop, source_name)
    if not isinstance(provider, MarketplaceSource):
        raise BadInput(f"{source_name!r} is not a marketplace source")
    try:
        report = sync_catalog(shop, provider, progress=progress, observers=shop_plugins)
    except PluginFailure as exc:
        shop_plugins.record_error(shop.id, source_name, exc)
        raise
    shop_plugins.record_ok(shop.id, source_name)
    return report
