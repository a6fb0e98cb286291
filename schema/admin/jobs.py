"""Background jobs of a shop: listed with live progress, cancelled, retried; catalog syncs."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated

import strawberry
from starlette.concurrency import run_in_threadpool
from strawberry.scalars import JSON

from cloudcat.core import jobs
from cloudcat.core.documents import Role
from cloudcat.core.documents import Shop as ShopDoc
from cloudcat.core.errors import BadInput, FieldError, NotFound
from cloudcat.core.job_handlers import CATALOG_SYNC, start_catalog_sync
from cloudcat.core.providers import ProviderKind
from cloudcat.schema.admin.access import authorize
from cloudcat.schema.admin.plugins import require_ready
from cloudcat.schema.context import AppInfo
from cloudcat.schema.jsonvalues import jsonable
from cloudcat.schema.pagination import (
    Connection,
    Edge,
    PageInfo,
    check_page_size,
    decode_cursor,
    encode_cursor,
)

SYNC_JOB = CATALOG_SYNC
MIN_SYNC_MINUTES = 5
MAX_SYNC_MINUTES = 7 * 24 * 60


strawberry.enum(jobs.JobState, name="JobState", description="Where a job is in its life.")
JobState = jobs.JobState


@strawberry.enum(description="The kind of catalog sync to run.")
class SyncMode(Enum):
    FULL = "full"
    INCREMENTAL = "incremental"
    RECONCILE = "reconcile"


@strawberry.type
class JobProgress:
    done: float
    total: float | None
    fraction: float | None = strawberry.field(description="done / total, or null if unknown.")
    message: str | None


@strawberry.type
class JobAttemptError:
    attempt: int
    at: datetime | None
    message: str


@strawberry.type
class Job:
    id: strawberry.ID
    kind: str
    payload: JSON = strawberry.field(description="What the job was asked to do.")
    state: JobState
    attempts: int
    max_attempts: int
    progress: JobProgress | None
    result: JSON | None
    last_error: str | None
    errors: list[JobAttemptError]
    cancel_requested: bool
    run_at: datetime
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None

    @classmethod
    def from_job(cls, job: jobs.Job) -> Job:
        progress = job.progress
        return cls(
            id=strawberry.ID(str(job.id)),
            kind=job.kind,
            payload=jsonable(job.payload),
            state=job.state,
            attempts=job.attempts,
            max_attempts=job.max_attempts,
            progress=JobProgress(
                done=progress.done,
                total=progress.total,
                fraction=progress.fraction,
                message=progress.message,
            )
            if progress
            else None,
            result=jsonable(job.result),
            last_error=job.last_error,
            errors=[
                JobAttemptError(attempt=e.attempt, at=e.at, message=e.message) for e in job.errors
            ],
            cancel_requested=job.cancel_requested,
            run_at=job.run_at,
            created_at=job.created_at,
            started_at=job.started_at,
            finished_at=job.finished_at,
        )


@strawberry.type(description="A job that runs again and again on a fixed interval.")
class JobSchedule:
    id: strawberry.ID
    kind: str
    name: str
    payload: JSON
    interval_seconds: float
    next_run_at: datetime
    enabled: bool
    last_enqueued_at: datetime | None

    @classmethod
    def from_schedule(cls, schedule: jobs.Schedule) -> JobSchedule:
        return cls(
            id=strawberry.ID(str(schedule.id)),
            kind=schedule.kind,
            name=schedule.name,
            payload=jsonable(schedule.payload),
            interval_seconds=schedule.interval_seconds,
            next_run_at=schedule.next_run_at,
            enabled=schedule.enabled,
            last_enqueued_at=schedule.last_enqueued_at,
        )


async def schedules_of(info: AppInfo, shop: ShopDoc) -> list[JobSchedule]:
    await authorize(info, str(shop.id))
    found = await run_in_threadpool(jobs.list_schedules, info.context.services.db, shop.id)
    return [JobSchedule.from_schedule(s) for s in found]


def _source(info: AppInfo, source: str) -> None:
    """Raise unless `source` names an installed marketplace source."""
    if info.context.shop_plugins.installed(source).kind is not ProviderKind.MARKETPLACE_SOURCE:
        raise BadInput(f"{source!r} is not a marketplace source")


async def _enabled_source(info: AppInfo, shop: ShopDoc, source: str) -> None:
    services = info.context.services
    _source(info, source)
    if source not in await run_in_threadpool(services.shop_plugins.enabled_names, shop.id):
        raise BadInput(f"enable {source!r} in this shop first")


async def jobs_of(
    info: AppInfo,
    shop: ShopDoc,
    first: int | None,
    after: str | None,
    states: list[JobState] | None,
    kind: str | None,
) -> Connection[Job]:
    """A shop's jobs, newest first."""
    await authorize(info, str(shop.id))
    size = check_page_size(first, info.context.services.settings.page_size_max)
    if size == 0:
        return Connection(
            edges=[],
            page_info=PageInfo(
                has_next_page=False,
                has_previous_page=after is not None,
                start_cursor=None,
                end_cursor=None,
            ),
        )
    page = await run_in_threadpool(
        lambda: jobs.list_jobs(
            info.context.services.db,
            shop.id,
            states=[s.value for s in states] if states else None,
            kind=kind,
            first=size,
            after=decode_cursor(after) if after else None,
        )
    )
    edges = [Edge(cursor=encode_cursor(j.id), node=Job.from_job(j)) for j in page.jobs]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next_page,
            has_previous_page=after is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
    )


async def job_of(info: AppInfo, shop: ShopDoc, job_id: str) -> Job | None:
    await authorize(info, str(shop.id))
    job = await run_in_threadpool(jobs.get_job, info.context.services.db, shop.id, job_id)
    return Job.from_job(job) if job is not None else None


@strawberry.type
class JobMutation:
    @strawberry.mutation(description="Cancel a queued or running job (editor).")
    async def cancel_job(self, info: AppInfo, shop_id: strawberry.ID, id: strawberry.ID) -> Job:
        shop = await authorize(info, shop_id, Role.EDITOR)
        job = await run_in_threadpool(jobs.cancel, info.context.services.db, shop.id, id)
        return Job.from_job(job)

    @strawberry.mutation(description="Run a dead, cancelled or waiting job again now (editor).")
    async def retry_job(self, info: AppInfo, shop_id: strawberry.ID, id: strawberry.ID) -> Job:
        shop = await authorize(info, shop_id, Role.EDITOR)
        job = await run_in_threadpool(jobs.retry, info.context.services.db, shop.id, id)
        return Job.from_job(job)

    @strawberry.mutation(
        description=(
            "Start a catalog sync from an enabled source (editor); if one is already queued or "
            "running, that job is returned instead of starting another."
        )
    )
    async def sync_catalog(
        self,
        info: AppInfo,
        shop_id: strawberry.ID,
        source: str,
        mode: Annotated[
            SyncMode | None,
            strawberry.argument(
                description="FULL re-reads everything; left out, CloudCat plans the kind of sync."
            ),
        ] = None,
    ) -> Job:
        shop = await authorize(info, shop_id, Role.EDITOR)
        services = info.context.services
        _source(info, source)
        await require_ready(info, shop, source)
        kind = mode.value if mode is not None else None

        def start() -> jobs.Job:
            job_id = start_catalog_sync(services.db, shop.id, source, kind)
            job = jobs.get_job(services.db, shop.id, job_id)
            if job is None:
                raise NotFound("the sync job vanished")
            return job

        return Job.from_job(await run_in_threadpool(start))

    @strawberry.mutation(
        description=(
            "Sync the catalog from `source` every `everyMinutes` minutes (5 to 10080), or stop "
            "doing so with null (editor). Returns the schedule, or null once removed."
        )
    )
    async def set_catalog_sync_schedule(
        self, info: AppInfo, shop_id: strawberry.ID, source: str, every_minutes: int | None
    ) -> JobSchedule | None:
        shop = await authorize(info, shop_id, Role.EDITOR)
        db = info.context.services.db
        if every_minutes is None:
            await run_in_threadpool(jobs.unschedule, db, shop.id, SYNC_JOB, name=source)
            return None
        if not MIN_SYNC_MINUTES <= every_minutes <= MAX_SYNC_MINUTES:
            raise BadInput(
                f"sync every {MIN_SYNC_MINUTES} to {MAX_SYNC_MINUTES} minutes",
                [FieldError(["everyMinutes"], "out of range")],
            )
        await _enabled_source(info, shop, source)
        schedule = await run_in_threadpool(
            lambda: jobs.schedule(
                db, shop.id, SYNC_JOB, {"source": source}, every_minutes * 60, name=source
            )
        )
        return JobSchedule.from_schedule(schedule)
