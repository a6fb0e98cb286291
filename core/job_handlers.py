"""The job handlers a worker runs: CloudCat's own plus those plugins register.

CloudCat's own: `catalog.sync` reads an enabled marketplace source of the job's shop into the
catalog, reporting progress, and stores the sync report as the job's result.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, cast

from bson import ObjectId

from cloudcat.core.catalog.sync import run_source_sync
from cloudcat.core.documents import Shop
from cloudcat.core.errors import NotFound
from cloudcat.core.jobs import JobContext, JobHandler, JobState, enqueue, list_jobs
from cloudcat.core.services import Services
from cloudcat.core.storage.database import RawDatabase

CATALOG_SYNC = "catalog.sync"


class DuplicateJobKind(RuntimeError):
    """Two plugins (or a plugin and CloudCat) registered the same job kind."""


def catalog_sync_handler(services: Services) -> JobHandler:
    """The handler of `catalog.sync` jobs (payload: {"source": provider name})."""

    def handle(job: JobContext) -> dict[str, Any]:
        shop = Shop.objects(id=job.shop_id).first()
        if shop is None:
            raise NotFound("the shop of this sync no longer exists")
        name = str(job.payload.get("source", ""))
        job.progress(0, None, f"reading {name}")
        report = run_source_sync(
            services.shop_plugins,
            shop,
            name,
            progress=lambda done, total, message: job.progress(done, total, message),
        )
        job.progress(report.read, report.read, report.summary())
        summary = asdict(report)
        for key in ("created_ids", "updated_ids", "removed_ids"):
            summary[key] = summary[key][:100]
        return summary

    return handle


ACTIVE_STATES = (JobState.QUEUED, JobState.RUNNING, JobState.RETRYING)


def start_catalog_sync(db: RawDatabase, shop_id: ObjectId, source: str) -> ObjectId:
    """Queue a sync of `shop_id` from `source`, or return the one already queued or running
    (two syncs of one source at once would only race each other)."""
    active = list_jobs(db, shop_id, states=ACTIVE_STATES, kind=CATALOG_SYNC, first=100).jobs
    for job in active:
        if job.payload.get("source") == source:
            return job.id
    return enqueue(db, CATALOG_SYNC, {"source": source}, shop_id=shop_id)


def collect_handlers(services: Services) -> dict[str, JobHandler]:
    """CloudCat's handlers plus every plugin's (`cloudcat_job_handlers`); kinds are unique."""
    handlers: dict[str, JobHandler] = {CATALOG_SYNC: catalog_sync_handler(services)}
    for impl in services.plugins.hook.cloudcat_job_handlers.get_hookimpls():
        contributed = cast(dict[str, JobHandler], impl.function() or {})
        for kind, handler in contributed.items():
            if kind in handlers:
                raise DuplicateJobKind(
                    f"plugin {impl.plugin_name} registers job kind {kind!r}, which is taken"
                )
            handlers[kind] = handler
    return handlers
