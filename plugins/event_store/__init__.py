"""Built-in plugin: the MongoDB event store, an analytics sink that keeps events first-party."""

from __future__ import annotations

from collections.abc import Sequence

from cloudcat.core.plugin_api import AnalyticsSink, hookimpl
from cloudcat.plugins.event_store.store import EventStore


@hookimpl(trylast=True)
def cloudcat_analytics_sinks() -> Sequence[type[AnalyticsSink]]:
    """Register the event store."""
    return [EventStore]
