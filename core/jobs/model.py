"""What a job and a schedule look like to callers: typed dataclasses built from stored documents.

Stored documents are plain MongoDB documents (collections `jobs` and `job_schedules`); nothing
outside `cloudcat.core.jobs` should read them directly. These dataclasses are snapshots: they do
not change when the stored job does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from bson import ObjectId

JOBS = "jobs"
SCHEDULES = "job_schedules"


class JobState(StrEnum):
    """Where a job is in its life.

    `queued` -> `running` -> `succeeded`; a failed attempt goes to `retrying` (waiting for its
    backoff to pass, then claimed like a queued job) until `max_attempts` is reached, then to
    `dead`. `cancelled` is set by `cancel()`. `succeeded`, `dead` and `cancelled` are final
    (`retry()` moves a dead or cancelled job back to `queued`).
    """

    QUEUED = "queued"
    RUNNING = "running"
    RETRYING = "retrying"
    SUCCEEDED = "succeeded"
    DEAD = "dead"
    CANCELLED = "cancelled"

    @property
    def final(self) -> bool:
        return self in FINAL_STATES


FINAL_STATES = frozenset({JobState.SUCCEEDED, JobState.DEAD, JobState.CANCELLED})
WAITING_STATES = (JobState.QUEUED.value, JobState.RETRYING.value)


@dataclass(frozen=True)
class JobProgress:
    """The last progress a handler reported: `done` of `total` (when known), and a message."""

    done: float
    total: float | None = None
    message: str | None = None
    updated_at: datetime | None = None

    @property
    def fraction(self) -> float | None:
        """`done / total` clamped to [0, 1], or None when the total is unknown."""
        if not self.total:
            return None
        return max(0.0, min(1.0, self.done / self.total))


@dataclass(frozen=True)
class JobError:
    """One failed attempt: which attempt, when, the error, the worker and the traceback."""

    attempt: int
    at: datetime | None
    message: str
    worker: str | None = None
    traceback: str | None = None


@dataclass(frozen=True)
class Job:
    """A snapshot of one stored job."""

    id: ObjectId
    shop_id: ObjectId | None
    kind: str
    payload: dict[str, Any]
    state: JobState
    attempts: int
    max_attempts: int
    run_at: datetime
    created_at: datetime
    idempotency_key: str | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    updated_at: datetime | None = None
    lease_owner: str | None = None
    lease_expires_at: datetime | None = None
    cancel_requested: bool = False
    progress: JobProgress | None = None
    result: Any = None
    last_error: str | None = None
    errors: list[JobError] = field(default_factory=list)
    schedule_id: ObjectId | None = None

    @property
    def finished(self) -> bool:
        """True once the job is succeeded, dead or cancelled."""
        return self.state.final


@dataclass(frozen=True)
class JobPage:
    """One page of `list_jobs`, newest first; pass `end_cursor` as `after` for the next."""

    jobs: list[Job]
    has_next_page: bool

    @property
    def end_cursor(self) -> ObjectId | None:
        return self.jobs[-1].id if self.jobs else None


@dataclass(frozen=True)
class Schedule:
    """A per-shop periodic job: `kind` with `payload` every `interval_seconds`."""

    id: ObjectId
    shop_id: ObjectId | None
    kind: str
    name: str
    payload: dict[str, Any]
    interval_seconds: float
    next_run_at: datetime
    enabled: bool
    created_at: datetime | None = None
    updated_at: datetime | None = None
    last_enqueued_at: datetime | None = None
    last_job_id: ObjectId | None = None


def utcnow() -> datetime:
    """Now, timezone-aware, truncated to the millisecond MongoDB stores."""
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def aware(value: datetime) -> datetime:
    """`value` as an aware UTC datetime (naive values are taken to be UTC, as BSON does)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _optional_time(value: Any) -> datetime | None:
    return aware(value) if isinstance(value, datetime) else None


def _progress(value: Any) -> JobProgress | None:
    if not isinstance(value, dict):
        return None
    return JobProgress(
        done=value.get("done", 0),
        total=value.get("total"),
        message=value.get("message"),
        updated_at=_optional_time(value.get("updated_at")),
    )


def _error(value: dict[str, Any]) -> JobError:
    return JobError(
        attempt=int(value.get("attempt", 0)),
        at=_optional_time(value.get("at")),
        message=str(value.get("message", "")),
        worker=value.get("worker"),
        traceback=value.get("traceback"),
    )


def job_from_document(doc: dict[str, Any]) -> Job:
    """Build a `Job` from a stored `jobs` document."""
    return Job(
        id=doc["_id"],
        shop_id=doc.get("shop_id"),
        kind=doc["kind"],
        payload=dict(doc.get("payload") or {}),
        state=JobState(doc["state"]),
        attempts=int(doc.get("attempts", 0)),
        max_attempts=int(doc.get("max_attempts", 1)),
        run_at=aware(doc["run_at"]),
        created_at=aware(doc.get("created_at") or doc["_id"].generation_time),
        idempotency_key=doc.get("idempotency_key"),
        started_at=_optional_time(doc.get("started_at")),
        finished_at=_optional_time(doc.get("finished_at")),
        updated_at=_optional_time(doc.get("updated_at")),
        lease_owner=doc.get("lease_owner"),
        lease_expires_at=_optional_time(doc.get("lease_expires_at")),
        cancel_requested=bool(doc.get("cancel_requested", False)),
        progress=_progress(doc.get("progress")),
        result=doc.get("result"),
        last_error=doc.get("last_error"),
        errors=[_error(entry) for entry in doc.get("errors") or [] if isinstance(entry, dict)],
        schedule_id=doc.get("schedule_id"),
    )


def schedule_from_document(doc: dict[str, Any]) -> Schedule:
    """Build a `Schedule` from a stored `job_schedules` document."""
    return Schedule(
        id=doc["_id"],
        shop_id=doc.get("shop_id"),
        kind=doc["kind"],
        name=doc.get("name", "default"),
        payload=dict(doc.get("payload") or {}),
        interval_seconds=float(doc["interval_seconds"]),
        next_run_at=aware(doc["next_run_at"]),
        enabled=bool(doc.get("enabled", True)),
        created_at=_optional_time(doc.get("created_at")),
        updated_at=_optional_time(doc.get("updated_at")),
        last_enqueued_at=_optional_time(doc.get("last_enqueued_at")),
        last_job_id=doc.get("last_job_id"),
    )
