"""The sync ledger in GraphQL: each source's sync status and the runs it recorded."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

import strawberry
from bson import ObjectId
from starlette.concurrency import run_in_threadpool
from strawberry.scalars import JSON

from cloudcat.core.catalog.ledger import DEFAULT_LEASE
from cloudcat.core.documents import SourceSyncState
from cloudcat.core.documents import SyncRun as SyncRunDoc
from cloudcat.core.documents.base import utcnow
from cloudcat.core.providers import ProviderKind
from cloudcat.core.services import Services
from cloudcat.schema.catalog.keyset import SortKey, keyset_page
from cloudcat.schema.jsonvalues import jsonable
from cloudcat.schema.pagination import Connection


@strawberry.enum(description="What kind of sync a run was.")
class SyncKind(Enum):
    FULL = "full"
    INCREMENTAL = "incremental"
    RECONCILE = "reconcile"
    CHANGES = "changes"


@strawberry.enum
class SyncRunStatus(Enum):
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


@strawberry.type(description="What a run did to one kind of object.")
class SyncCounts:
    entity: str = strawberry.field(description="product, category, promotion or order.")
    created: int
    updated: int
    unchanged: int
    removed: int
    failed: int


@strawberry.type(description="One object a run could not store, and why.")
class SyncIssue:
    entity: str
    reference: str
    reason: str


@strawberry.type(
    description="A part of a run that was switched off, e.g. orders the app may not read."
)
class SyncNotice:
    entity: str = strawberry.field(description="product, category, promotion, order or changes.")
    code: str = strawberry.field(description="Stable, for translation: e.g. PERMISSION_MISSING.")
    message: str


@strawberry.type(description="One sync run of one source (the ledger entry).")
class SyncRun:
    id: strawberry.ID
    source: str
    kind: SyncKind
    trigger: str
    status: SyncRunStatus
    started_at: datetime
    finished_at: datetime | None
    duration_seconds: float | None
    resumed: int = strawberry.field(description="How many times it went on after a stop.")
    counts: list[SyncCounts]
    expected: JSON = strawberry.field(description="Objects the source announced, per entity.")
    errors: list[SyncIssue]
    errors_dropped: int
    warnings: list[str]
    notices: list[SyncNotice] = strawberry.field(
        description="Parts switched off (the rest synced): what the seller should fix."
    )
    error: str | None = strawberry.field(description="Why it failed, in words to act on.")
    error_code: str | None

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> SyncRun:
        return cls(
            id=strawberry.ID(str(raw["_id"])),
            source=raw["source"],
            kind=SyncKind(raw["kind"]),
            trigger=raw.get("trigger", "job"),
            status=SyncRunStatus(raw["status"]),
            started_at=raw["started_at"],
            finished_at=raw.get("finished_at"),
            duration_seconds=raw.get("duration_seconds"),
            resumed=int(raw.get("resumed") or 0),
            counts=[
                SyncCounts(entity=entity, **counts)
                for entity, counts in sorted((raw.get("counts") or {}).items())
            ],
            expected=jsonable(raw.get("expected") or {}),
            errors=[SyncIssue(**issue) for issue in raw.get("issues") or []],
            errors_dropped=int(raw.get("issues_dropped") or 0),
            warnings=list(raw.get("warnings") or []),
            notices=[SyncNotice(**notice) for notice in raw.get("notices") or []],
            error=raw.get("error"),
            error_code=raw.get("error_code"),
        )


@strawberry.type(description="How one marketplace source's sync stands in a shop.")
class SourceSyncStatus:
    source: str
    title: str
    enabled: bool
    running: bool = strawberry.field(description="A run holds the lock and is alive.")
    last_success_at: datetime | None
    last_full_at: datetime | None = strawberry.field(
        description="When the last complete sync (full or reconcile) started."
    )
    last_error: str | None = strawberry.field(description="In words a seller can act on.")
    last_error_code: str | None
    last_error_at: datetime | None
    last_run: SyncRun | None


def _statuses(services: Services, shop_id: ObjectId) -> list[SourceSyncStatus]:
    enabled = services.shop_plugins.enabled_names(shop_id)
    states = {s.source: s for s in SourceSyncState.objects(shop_id=shop_id)}
    sources = {
        name
        for name, installed in services.plugins.providers.items()
        if installed.kind is ProviderKind.MARKETPLACE_SOURCE and name in enabled
    } | set(states)
    last_ids = [s.last_run_id for s in states.values() if s.last_run_id is not None]
    runs = {
        raw["_id"]: raw
        for raw in SyncRunDoc._get_collection().find({"shop_id": shop_id, "_id": {"$in": last_ids}})
    }
    found = []
    now = utcnow()
    for name in sorted(sources):
        state = states.get(name)
        installed = services.plugins.providers.get(name)
        lock = (state.lock if state else None) or {}
        beat = lock.get("heartbeat_at")
        last = runs.get(state.last_run_id) if state and state.last_run_id else None
        found.append(
            SourceSyncStatus(
                source=name,
                title=installed.cls.title if installed else name,
                enabled=name in enabled,
                running=isinstance(beat, datetime) and now - beat < DEFAULT_LEASE,
                last_success_at=state.last_success_at if state else None,
                last_full_at=state.last_full_at if state else None,
                last_error=state.last_error if state else None,
                last_error_code=state.last_error_code if state else None,
                last_error_at=state.last_error_at if state else None,
                last_run=SyncRun.from_raw(last) if last else None,
            )
        )
    return found


async def sync_statuses(services: Services, shop_id: ObjectId) -> list[SourceSyncStatus]:
    """The sync status of every enabled source (and every source that ever synced)."""
    return await run_in_threadpool(_statuses, services, shop_id)


async def sync_run_connection(
    shop_id: ObjectId,
    first: int | None,
    after: str | None,
    source: str | None,
    kind: SyncKind | None,
    max_page: int,
) -> Connection[SyncRun]:
    """The shop's sync runs, newest first."""
    query: dict[str, Any] = {"shop_id": shop_id}
    if source:
        query["source"] = source
    if kind:
        query["kind"] = kind.value
    sort = SortKey("_id", descending=True)
    return await keyset_page(
        SyncRunDoc._get_collection(), query, sort, first, after, max_page, SyncRun.from_raw
    )


async def sync_run_by_id(shop_id: ObjectId, run_id: str) -> SyncRun | None:
    """One sync run of the shop, or None."""
    if not ObjectId.is_valid(run_id):
        return None
    query = {"_id": ObjectId(run_id), "shop_id": shop_id}
    raw = await run_in_threadpool(SyncRunDoc._get_collection().find_one, query)
    return SyncRun.from_raw(raw) if raw is not None else None


__all__ = [
    "SourceSyncStatus",
    "SyncRun",
    "sync_run_by_id",
    "sync_run_connection",
    "sync_statuses",
]
