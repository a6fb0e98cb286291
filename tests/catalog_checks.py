"""Helpers for catalog tests: the database's own write counters and catalog snapshots."""

from __future__ import annotations

from typing import Any

from bson import ObjectId

from cloudcat.core.catalog.entities import CATALOG_COLLECTIONS
from cloudcat.core.catalog.report import SyncReport
from cloudcat.core.storage.database import RawDatabase


def catalog_writes(db: RawDatabase) -> dict[str, int]:
    """Inserts + updates + removes the server counted per catalog collection of `db` (`top`)."""
    totals = db.client.admin.command("top")["totals"]
    counts = {}
    for name in CATALOG_COLLECTIONS:
        entry = totals.get(f"{db.name}.{name}", {})
        counts[name] = sum(
            entry.get(op, {}).get("count", 0) for op in ("insert", "update", "remove")
        )
    return counts


def snapshot(db: RawDatabase, shop_id: ObjectId, collection: str = "products") -> dict[str, Any]:
    """Every document of one shop in `collection`, by external id."""
    return {doc["external_id"]: doc for doc in db[collection].find({"shop_id": shop_id})}


def comparable(docs: dict[str, Any]) -> dict[str, Any]:
    """`docs` without what differs between two equal catalogs (ids, shops, times, revisions)."""
    volatile = {"_id", "shop_id", "created_at", "updated_at", "revision"}
    return {key: {k: v for k, v in doc.items() if k not in volatile} for key, doc in docs.items()}


def assert_failed_alone(
    report: SyncReport,
    before: dict[str, Any],
    after: dict[str, Any],
    broken: dict[str, str],
    total: int,
) -> None:
    """Each product of `broken` (external id -> words of its reason) failed with that reason and
    kept its stored copy (`before` -> `after` snapshots); nothing was removed; the other products
    of the `total` came through unchanged."""
    assert report.failed == len(broken) and report.products.removed == 0
    reasons = {issue.reference: issue.reason for issue in report.issues}
    for reference, reason in broken.items():
        assert reason in reasons[reference]
    assert {ref: after[ref] for ref in broken} == {ref: before[ref] for ref in broken}
    assert report.products.unchanged == total - len(broken)
