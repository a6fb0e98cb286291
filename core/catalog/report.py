"""What a catalog sync did: counts, changed ids and rejections, and the failure that carries it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cloudcat.core.documents.base import utcnow
from cloudcat.core.errors import PluginFailure
from cloudcat.core.providers import RejectedRecord

MAX_REJECTIONS_KEPT = 500
"""Rejections kept with their reasons; `failed` still counts every one."""


@dataclass
class SyncReport:
    """The outcome of syncing one source into one shop's catalog."""

    shop_id: str
    source: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: int = 0
    created_ids: list[str] = field(default_factory=list)
    updated_ids: list[str] = field(default_factory=list)
    removed_ids: list[str] = field(default_factory=list)
    rejections: list[RejectedRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    started_at: datetime = field(default_factory=utcnow)
    finished_at: datetime | None = None

    @property
    def read(self) -> int:
        """Records read from the source, good or bad."""
        return self.created + self.updated + self.unchanged + self.failed

    @property
    def changed_ids(self) -> list[str]:
        """External ids of every product this sync created, updated or delisted."""
        return [*self.created_ids, *self.updated_ids, *self.removed_ids]

    def reject(self, reference: str, reason: str) -> None:
        """Count one failed record, keeping its reason while there is room."""
        self.failed += 1
        if len(self.rejections) < MAX_REJECTIONS_KEPT:
            self.rejections.append(RejectedRecord(reference, reason))

    def change(self) -> dict[str, Any]:
        """The `change` argument of the `cloudcat_catalog_changed` observer hook."""
        return {
            "source": self.source,
            "created": list(self.created_ids),
            "updated": list(self.updated_ids),
            "removed": list(self.removed_ids),
        }

    def summary(self) -> str:
        """One line for logs and progress bars."""
        return (
            f"{self.source}: {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.removed} delisted, {self.failed} failed"
        )


class SyncFailed(PluginFailure):
    """The source failed part-way; `report` holds what was stored before it did."""

    def __init__(self, message: str, report: SyncReport) -> None:
        super().__init__(message)
        self.report = report
