"""Built-in plugin: the mobile-first theme, for links opened inside WeChat and Weibo."""

from __future__ import annotations

from collections.abc import Sequence

from cloudcat.core.plugin_api import Theme, hookimpl
from cloudcat.plugins.mobile_theme.theme import MobileTheme


@hookimpl
def cloudcat_themes() -> Sequence[type[Theme]]:
    """Register the mobile theme."""
    return [MobileTheme]
