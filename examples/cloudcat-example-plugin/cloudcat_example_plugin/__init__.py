"""An example CloudCat plugin: registers the `example_log` channel publisher."""

from __future__ import annotations

from collections.abc import Sequence

from cloudcat.core.plugin_api import ChannelPublisher, hookimpl
from cloudcat_example_plugin.publisher import ExampleLogPublisher

__version__ = "0.1.0"


@hookimpl
def cloudcat_channel_publishers() -> Sequence[type[ChannelPublisher]]:
    """Register the example publisher."""
    return [ExampleLogPublisher]
