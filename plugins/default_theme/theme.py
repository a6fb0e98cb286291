"""The default theme: a clean, responsive marketing site (templates/ and static/)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from cloudcat.core.plugin_api import ENUM_NAMES_KEY, I18N_KEY, Theme

HERE = Path(__file__).parent
HEX_COLOUR = r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"
IMAGE_REF = r"^(?:[0-9a-f]{24}|https://\S{1,2000})$"
BLOCK_TYPES = frozenset(
    {
        "hero",
        "product_grid",
        "countdown",
        "rich_text",
        "gallery",
        "article_list",
        "coupon",
        "collections",
    }
)


def _zh(title: str, description: str) -> dict[str, Any]:
    return {I18N_KEY: {"zh-CN": {"title": title, "description": description}}}


class DefaultThemeConfig(BaseModel):
    """How the default theme looks."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={I18N_KEY: {"zh-CN": {"description": "默认主题的外观。"}}},
    )

    headline: str | None = Field(
        None,
        max_length=200,
        title="Headline",
        description="Shown under the shop name",
        json_schema_extra=_zh("标语", "显示在店铺名称下方"),
    )
    accent_color: str = Field(
        "#e4393c",
        pattern=HEX_COLOUR,
        title="Accent Color",
        description="Header and price colour, as #rgb or #rrggbb",
        json_schema_extra=_zh("强调色", "页眉和价格的颜色，格式为 #rgb 或 #rrggbb"),
    )
    text_color: str = Field(
        "#1f2328",
        pattern=HEX_COLOUR,
        title="Text Color",
        description="The colour of the text, as #rgb or #rrggbb",
        json_schema_extra=_zh("文字颜色", "正文的颜色，格式为 #rgb 或 #rrggbb"),
    )
    logo: str | None = Field(
        None,
        pattern=IMAGE_REF,
        title="Logo",
        description="A media library image or an https address",
        json_schema_extra=_zh("标志", "媒体库中的图片，或 https 图片地址"),
    )
    font: Literal["system", "serif", "rounded"] = Field(
        "system",
        title="Font",
        description="The font family of the site (a name, never free CSS)",
        json_schema_extra={
            ENUM_NAMES_KEY: ["System", "Serif", "Rounded"],
            I18N_KEY: {
                "zh-CN": {
                    "title": "字体",
                    "description": "网站使用的字体",
                    ENUM_NAMES_KEY: ["系统字体", "衬线体", "圆体"],
                }
            },
        },
    )


class DefaultTheme(Theme):
    """Home, collections, products, search and content pages in the shop's accent colour."""

    name = "default_theme"
    title = "Default theme"
    description = "A clean, responsive marketing site in the shop's language and colours."
    title_i18n: ClassVar[dict[str, str]] = {"zh-CN": "默认主题"}
    description_i18n: ClassVar[dict[str, str]] = {
        "zh-CN": "简洁的响应式营销网站，使用店铺的语言和颜色。"
    }
    version = "0.2.0"
    requires_cloudcat = ">=0.1,<1"
    capabilities: ClassVar[frozenset[str]] = frozenset({"page.home", "page.product", "blocks"})
    config_model = DefaultThemeConfig
    template_dir = HERE / "templates"
    static_dir = HERE / "static"
    block_types = BLOCK_TYPES

    config: DefaultThemeConfig
