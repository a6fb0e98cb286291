"""What a sync run did: counts and changed ids per entity, failures with reasons, the outcome.

`SyncReport` is the in-memory twin of a `SyncRun` ledger entry; `SyncFailed` is raised when a
run stops on an error and carries the report of what was stored before it did.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cloudcat.core.documents.base import utcnow
from cloudcat.core.errors import PluginFailure
from cloudcat.core.sources import EntityKind

MAX_ISSUES_KEPT = 200
"""Failures kept with their reasons per run; `failed` still counts every one."""
MAX_IDS_KEPT = 10_000
"""Changed ids kept per entity and kind of change for the catalog-changed event."""
PLURALS = {
    EntityKind.PRODUCT: "products",
    EntityKind.CATEGORY: "categories",
    EntityKind.PROMOTION: "promotions",
    EntityKind.ORDER: "orders",
}


@dataclass
class EntityReport:
    """What a run did to one kind of object."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: int = 0
    created_ids: list[str] = field(default_factory=list)
    updated_ids: list[str] = field(default_factory=list)
    removed_ids: list[str] = field(default_factory=list)

    @property
    def read(self) -> int:
        """Objects handled, good or bad (removals by absence are not reads)."""
        return self.created + self.updated + self.unchanged + self.failed

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.removed

    def note(self, change: str, external_id: str) -> None:
        """Count one ``created``, ``updated`` or ``removed`` object, keeping its id."""
        setattr(self, change, getattr(self, change) + 1)
        ids: list[str] = getattr(self, f"{change}_ids")
        if len(ids) < MAX_IDS_KEPT:
            ids.append(external_id)

    def counts(self) -> dict[str, int]:
        """The five counts, as stored in the ledger."""
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "failed": self.failed,
        }


@dataclass
class Issue:
    """One object that failed, and why."""

    entity: str
    reference: str
    reason: str


@dataclass
class Notice:
    """A part of the sync that was switched off (e.g. orders without the permission to read
    them): `code` is stable (``PERMISSION_MISSING``) for the UI to translate, `message` says
    it in words, `entity` names the part (an entity kind, or ``changes``)."""

    entity: str
    code: str
    message: str


@dataclass
class SyncReport:
    """The outcome of one sync run of one source into one shop."""

    shop_id: str
    source: str
    kind: str = "full"
    trigger: str = "job"
    run_id: str | None = None
    status: str = "running"
    entities: dict[str, EntityReport] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    issues_dropped: int = 0
    warnings: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    expected: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    error_code: str | None = None
    resumed: int = 0
    started_at: datetime = field(default_factory=utcnow)
    finished_at: datetime | None = None

    def entity(self, kind: EntityKind | str) -> EntityReport:
        """The report of one entity kind (created on first use)."""
        key = str(kind)
        found = self.entities.get(key)
        if found is None:
            found = self.entities[key] = EntityReport()
        return found

    @property
    def products(self) -> EntityReport:
        return self.entity(EntityKind.PRODUCT)

    @property
    def read(self) -> int:
        """Objects read from the source, of every kind, good or bad."""
        return sum(report.read for report in self.entities.values())

    @property
    def failed(self) -> int:
        return sum(report.failed for report in self.entities.values())

    @property
    def changed(self) -> bool:
        return any(report.changed for report in self.entities.values())

    @property
    def duration_seconds(self) -> float | None:
        if self.finished_at is None:
            return None
        return (self.finished_at - self.started_at).total_seconds()

    def fail(self, entity: EntityKind | str, reference: str, reason: str) -> None:
        """Count one failed object, keeping the reason while there is room."""
        self.entity(entity).failed += 1
        if len(self.issues) < MAX_ISSUES_KEPT:
            self.issues.append(Issue(str(entity), reference[:300], reason[:1000]))
        else:
            self.issues_dropped += 1

    def notice(self, entity: str, code: str, message: str) -> None:
        """Record that the part `entity` was switched off (once per part and code)."""
        if not any(n.entity == entity and n.code == code for n in self.notices):
            self.notices.append(Notice(entity, code, message[:1000]))

    def change(self) -> dict[str, Any]:
        """The `change` argument of the `cloudcat_catalog_changed` observer hook."""
        products = self.products
        change: dict[str, Any] = {
            "source": self.source,
            "run_id": self.run_id,
            "kind": self.kind,
            "created": list(products.created_ids),
            "updated": list(products.updated_ids),
            "removed": list(products.removed_ids),
        }
        for kind in (EntityKind.CATEGORY, EntityKind.PROMOTION, EntityKind.ORDER):
            report = self.entities.get(kind.value)
            if report is not None and report.changed:
                change[PLURALS[kind]] = {
                    "created": list(report.created_ids),
                    "updated": list(report.updated_ids),
                    "removed": list(report.removed_ids),
                }
        return change

    def summary(self) -> str:
        """One line for logs and progress bars."""
        parts = []
        for kind in EntityKind:
            report = self.entities.get(kind.value)
            if report is None or not (report.read or report.removed):
                continue
            parts.append(
                f"{PLURALS[kind]} {report.created} created, {report.updated} updated, "
                f"{report.unchanged} unchanged, {report.removed} removed, {report.failed} failed"
            )
        body = "; ".join(parts) or "nothing to sync"
        return f"{self.source} ({self.kind}): {body}"


class SyncFailed(PluginFailure):
    """A run stopped on an error; `report` holds what was stored before it did.

    `retryable`, `retry_after` and `announced_wait` come from the error that stopped it (see
    `cloudcat.core.sources.SourceError` and `SourceRateLimited`), so a job retry can honour
    them: an announced wait reschedules the job without using up an attempt.
    """

    def __init__(
        self,
        message: str,
        report: SyncReport,
        *,
        code: str = "PLUGIN_ERROR",
        retryable: bool = True,
        retry_after: float | None = None,
        announced_wait: bool = False,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.report = report
        self.retryable = retryable
        self.retry_after = retry_after
        self.announced_wait = announced_wait
