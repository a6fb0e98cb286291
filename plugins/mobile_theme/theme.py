"""The mobile-first theme: one column, large tap targets, a bottom tab bar and a sticky buy
bar, for visitors who open the shop's links inside WeChat or Weibo (`Theme.in_app`).

It draws its own layout and product page; every other page and block comes from the default
theme's templates, which it falls back to.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from cloudcat.core.plugin_api import I18N_KEY, Theme

HERE = Path(__file__).parent
HEX_COLOUR = r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"
IMAGE_REF = r"^(?:[0-9a-f]{24}|https://\S{1,2000})$"


def _zh(title: str, description: str) -> dict[str, Any]:
    return {I18N_KEY: {"zh-CN": {"title": title, "description": description}}}


class MobileThemeConfig(BaseModel):
    """How the mobile theme looks."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={I18N_KEY: {"zh-CN": {"description": "移动主题的外观。"}}},
    )

    headline: str | None = Field(
        None,
        max_length=120,
        title="Headline",
        description="A short line under the shop name",
        json_schema_extra=_zh("标语", "显示在店铺名称下方的一句话"),
    )
    accent_color: str = Field(
        "#07c160",
        pattern=HEX_COLOUR,
        title="Accent Color",
        description="Buttons and prices, as #rgb or #rrggbb",
        json_schema_extra=_zh("强调色", "按钮和价格的颜色，格式为 #rgb 或 #rrggbb"),
    )
    logo: str | None = Field(
        None,
        pattern=IMAGE_REF,
        title="Logo",
        description="A media library image or an https address",
        json_schema_extra=_zh("标志", "媒体库中的图片，或 https 图片地址"),
    )


class MobileTheme(Theme):
    """A phone-sized site for in-app browsers."""

    name = "mobile_theme"
    title = "Mobile theme"
    description = (
        "A mobile-first site for links opened inside WeChat and Weibo: one column, big "
        "buttons, a sticky buy bar."
    )
    title_i18n: ClassVar[dict[str, str]] = {"zh-CN": "移动主题"}
    description_i18n: ClassVar[dict[str, str]] = {
        "zh-CN": "为在微信、微博内打开的链接设计的移动优先网站：单栏布局、大按钮、底部购买栏。"
    }
    version = "0.1.0"
    requires_cloudcat = ">=0.1,<1"
    capabilities: ClassVar[frozenset[str]] = frozenset({"page.home", "page.product", "blocks"})
    config_model = MobileThemeConfig
    template_dir = HERE / "templates"
    static_dir = HERE / "static"
    block_types = frozenset(
        {"hero", "product_grid", "countdown", "rich_text", "gallery", "coupon", "collections"}
    )
    in_app = True

    config: MobileThemeConfig
