"""Built-in plugin: the default storefront theme (a product grid rendered with Jinja2)."""

from __future__ import annotations

from collections.abc import Sequence

from cloudcat.core.plugin_api import Theme, hookimpl
from cloudcat.plugins.default_theme.theme import DefaultTheme


@hookimpl(trylast=True)
def cloudcat_themes() -> Sequence[type[Theme]]:
    """Register the default theme."""
    return [DefaultTheme]
