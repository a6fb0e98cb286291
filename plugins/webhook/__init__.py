"""Built-in plugin: a channel that POSTs each published message as signed JSON to a URL.

Receivers verify deliveries with `cloudcat.plugins.webhook.signing.verify_signature`.
"""

from __future__ import annotations

from collections.abc import Sequence

from cloudcat.core.plugin_api import ChannelPublisher, hookimpl
from cloudcat.plugins.webhook.publisher import WebhookPublisher


@hookimpl(trylast=True)
def cloudcat_channel_publishers() -> Sequence[type[ChannelPublisher]]:
    """Register the webhook publisher."""
    return [WebhookPublisher]
