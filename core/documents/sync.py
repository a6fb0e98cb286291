"""The sync ledger: one `SyncRun` per run, one `SourceSyncState` per (shop, source).

A run records what it did per entity (created, updated, unchanged, removed, failed), the
errors with their reasons, how long it took and how it ended, plus what it needs to resume
after being killed: its per-entity checkpoints, the entity steps already done and the `since`
bounds it was started with. `SyncProgressChunk`s hold the ids a run saw and changed between two
checkpoints, so that a resumed full sync still knows what the killed part saw. The state holds
the watermarks of incremental syncs and what a seller should know: when the source last synced
and the last error in words they can act on.
"""

from __future__ import annotations

from datetime import timedelta

from mongoengine import (
    BooleanField,
    DateTimeField,
    DictField,
    EmbeddedDocument,
    EmbeddedDocumentField,
    EmbeddedDocumentListField,
    FloatField,
    IntField,
    ListField,
    MapField,
    ObjectIdField,
    StringField,
)

from cloudcat.core.documents.base import TenantDocument, utcnow

RUN_KINDS = ("full", "incremental", "reconcile", "changes")
RUN_STATUSES = ("running", "succeeded", "failed")
LEDGER_SECONDS = int(timedelta(days=90).total_seconds())
"""Finished runs are dropped from the ledger this long after they finished."""
PROGRESS_CHUNK_SECONDS = int(timedelta(days=7).total_seconds())


class EntityCounts(EmbeddedDocument):
    """What a run did to one entity kind."""

    created = IntField(default=0)
    updated = IntField(default=0)
    unchanged = IntField(default=0)
    removed = IntField(default=0)
    failed = IntField(default=0)


class SyncIssue(EmbeddedDocument):
    """One object that failed, and why."""

    entity = StringField(required=True)
    reference = StringField(required=True)
    reason = StringField(required=True)


class SyncNotice(EmbeddedDocument):
    """A part of a run that was switched off (e.g. ``PERMISSION_MISSING`` for orders)."""

    entity = StringField(required=True)
    code = StringField(required=True)
    message = StringField(required=True)


class SyncRun(TenantDocument):
    """One sync run of one source into one shop (the ledger entry)."""

    meta = {
        "collection": "sync_runs",
        "indexes": [
            ("shop_id", "source", "-started_at"),
            ("shop_id", "-started_at"),
            {"fields": ["finished_at"], "expireAfterSeconds": LEDGER_SECONDS},
        ],
    }

    source = StringField(required=True)
    kind = StringField(required=True, choices=RUN_KINDS)
    trigger = StringField(default="job")
    status = StringField(required=True, choices=RUN_STATUSES, default="running")
    started_at = DateTimeField(required=True, default=utcnow)
    finished_at = DateTimeField()
    duration_seconds = FloatField()
    heartbeat_at = DateTimeField()
    owner = StringField(default="")
    resumed = IntField(default=0)
    resumable = BooleanField(default=False)
    counts = MapField(EmbeddedDocumentField(EntityCounts))
    expected = DictField()
    issues = EmbeddedDocumentListField(SyncIssue)
    issues_dropped = IntField(default=0)
    warnings = ListField(StringField())
    notices = EmbeddedDocumentListField(SyncNotice)
    error = StringField()
    error_code = StringField()
    steps_done = ListField(StringField())
    checkpoints = DictField()
    since = DictField()


class SourceSyncState(TenantDocument):
    """How one source's sync stands in one shop."""

    meta = {
        "collection": "sync_states",
        "indexes": [{"fields": ["shop_id", "source"], "unique": True}],
    }

    source = StringField(required=True)
    watermarks = DictField()
    last_full_at = DateTimeField()
    last_success_at = DateTimeField()
    last_run_id = ObjectIdField()
    last_run_kind = StringField()
    last_run_status = StringField()
    last_error = StringField()
    last_error_code = StringField()
    last_error_at = DateTimeField()
    notices = EmbeddedDocumentListField(SyncNotice)
    """The parts the last successful run switched off."""
    lock = DictField()
    updated_at = DateTimeField(default=utcnow)


class SyncProgressChunk(TenantDocument):
    """Ids one run saw and changed of one entity between two checkpoints."""

    meta = {
        "collection": "sync_progress",
        "indexes": [
            ("shop_id", "run_id", "entity"),
            {"fields": ["created_at"], "expireAfterSeconds": PROGRESS_CHUNK_SECONDS},
        ],
    }

    run_id = ObjectIdField(required=True)
    entity = StringField(required=True)
    seen = ListField(StringField())
    created = ListField(StringField())
    updated = ListField(StringField())
    removed = ListField(StringField())


__all__ = [
    "RUN_KINDS",
    "RUN_STATUSES",
    "EntityCounts",
    "SourceSyncState",
    "SyncIssue",
    "SyncNotice",
    "SyncProgressChunk",
    "SyncRun",
]
