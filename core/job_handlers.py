"""The job handlers a worker runs: CloudCat's own plus those plugins register.

CloudCat's own: `catalog.sync` syncs an enabled marketplace source of the job's shop (catalog,
promotions, orders), reporting "n of N" progress, and stores the run's summary as the job's
result; a cancel stops it at its next record (what it stored is kept). Its payload is
``{"source": name}`` plus an optional ``"mode"`` (``full``, ``incremental`` or ``reconcile``;
planned by the engine when absent). A run that stops on an
error stays resumable: the job's retry goes on from its last checkpoint (no sooner than a rate
limit's ``retry_after``; an expired authorization is not retried).
"""

from __future__ import annotations

from typing import Any, cast

from bson import ObjectId

from cloudcat.core.catalog.report import SyncReport
from cloudcat.core.catalog.sync import run_source_sync
from cloudcat.core.documents import Shop
from cloudcat.core.errors import NotFound
from cloudcat.core.jobs import JobContext, JobHandler, JobState, enqueue, list_jobs
from cloudcat.core.services import Services
from cloudcat.core.site_version import SITE_CHANGE_DUE, change_due_handler
from cloudcat.core.storage.database import RawDatabase

CATALOG_SYNC = "catalog.sync"


class DuplicateJobKind(RuntimeError):
    """Two plugins (or a plugin and CloudCat) registered the same job kind."""


def catalog_sync_handler(services: Services) -> JobHandler:
    """The handler of `catalog.sync` jobs (payload: {"source": name, "mode": kind or absent})."""

    def handle(job: JobContext) -> dict[str, Any]:
        shop = Shop.objects(id=job.shop_id).first()
        if shop is None:
            raise NotFound("the shop of this sync no longer exists")
        name = str(job.payload.get("source", ""))
        mode = job.payload.get("mode")
        job.progress(0, None, f"reading {name}")
        report = run_source_sync(
            services.shop_plugins,
            shop,
            name,
            kind=str(mode) if mode else None,
            progress=lambda done, total, message: job.progress(done, total, message),
            interrupt=job.check_cancelled,
        )
        job.progress(report.read, report.read, report.summary())
        return job_result(report)

    return handle


def job_result(report: SyncReport) -> dict[str, Any]:
    """What a sync job stores as its result: the run's id, kind, counts and first problems."""
    return {
        "run_id": report.run_id,
        "source": report.source,
        "kind": report.kind,
        "status": report.status,
        "resumed": report.resumed,
        "summary": report.summary(),
        "counts": {kind: entity.counts() for kind, entity in report.entities.items()},
        "issues": [vars(issue) for issue in report.issues[:20]],
        "warnings": list(report.warnings),
    }


ACTIVE_STATES = (JobState.QUEUED, JobState.RUNNING, JobState.RETRYING)


def start_catalog_sync(
    db: RawDatabase, shop_id: ObjectId, source: str, mode: str | None = None
) -> ObjectId:
    """Queue a sync of `shop_id` from `source`, or return the one already queued or running
    (two syncs of one source at once would only race each other).

    `mode` forces the kind of run (``full``, ``incremental``, ``reconcile``); None lets the
    engine plan it."""
    active = list_jobs(db, shop_id, states=ACTIVE_STATES, kind=CATALOG_SYNC, first=100).jobs
    for job in active:
        if job.payload.get("source") == source:
            return job.id
    payload: dict[str, Any] = {"source": source}
    if mode is not None:
        payload["mode"] = mode
    return enqueue(db, CATALOG_SYNC, payload, shop_id=shop_id)


def collect_handlers(services: Services) -> dict[str, JobHandler]:
    """CloudCat's handlers plus every plugin's (`cloudcat_job_handlers`); kinds are unique."""
    handlers: dict[str, JobHandler] = {
        CATALOG_SYNC: catalog_sync_handler(services),
        SITE_CHANGE_DUE: change_due_handler,
    }
    for impl in services.plugins.hook.cloudcat_job_handlers.get_hookimpls():
        contributed = cast(dict[str, JobHandler], impl.function() or {})
        for kind, handler in contributed.items():
            if kind in handlers:
                raise DuplicateJobKind(
                    f"plugin {impl.plugin_name} registers job kind {kind!r}, which is taken"
                )
            handlers[kind] = handler
    return handlers
