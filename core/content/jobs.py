"""The `content.publish_due` job: a scheduled publish applied at its time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from cloudcat.core.content.pages import utcnow
from cloudcat.core.content.publishing import apply_due_publish
from cloudcat.core.jobs import JobContext, JobHandler


def publish_due_handler(clock: Callable[[], datetime] = utcnow) -> JobHandler:
    """The handler of `content.publish_due` jobs (payload: page_id, locale, revision); `clock`
    gives "now" (tests pass their own)."""

    def handle(job: JobContext) -> dict[str, Any]:
        if job.shop_id is None:
            return {"applied": False}
        payload = job.payload
        applied = apply_due_publish(
            job.shop_id,
            str(payload.get("page_id", "")),
            str(payload.get("locale", "")),
            int(payload.get("revision", 0)),
            now=clock(),
        )
        return {"applied": applied}

    return handle
