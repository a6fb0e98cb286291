"""The default theme: a clean product grid rendered with Jinja2 (autoescaped) from templates/."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, ClassVar

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pydantic import BaseModel, ConfigDict, Field

from cloudcat.core.plugin_api import I18N_KEY, StorefrontPage, Theme

TEMPLATES = Path(__file__).with_name("templates")
HEX_COLOUR = r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
SYMBOLS = {
    "CNY": "¥",
    "JPY": "¥",
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "HKD": "HK$",
    "TWD": "NT$",
    "KRW": "₩",
    "SGD": "S$",
    "AUD": "A$",
    "CAD": "C$",
}
ZERO_DECIMAL = frozenset({"JPY", "KRW", "VND", "IDR", "TWD"})
TEXTS = {
    "zh": {"empty": "暂无商品"},
    "en": {"empty": "No products yet"},
}


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
        json_schema_extra={
            I18N_KEY: {"zh-CN": {"title": "标语", "description": "显示在店铺名称下方"}}
        },
    )
    accent_color: str = Field(
        "#e4393c",
        pattern=HEX_COLOUR,
        title="Accent Color",
        description="Header and price colour, as #rgb or #rrggbb",
        json_schema_extra={
            I18N_KEY: {
                "zh-CN": {
                    "title": "强调色",
                    "description": "页眉和价格的颜色，格式为 #rgb 或 #rrggbb",
                }
            }
        },
    )


@functools.cache
def environment() -> Environment:
    """The theme's Jinja2 environment (autoescaping on, undefined names are errors)."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined
    )


def format_price(price: Any, currency: str) -> str:
    """A price for display, e.g. ``¥1,299.00`` or ``CHF 12.50``; two decimals unless the
    currency has none."""
    if hasattr(price, "to_decimal"):  # bson Decimal128
        price = price.to_decimal()
    try:
        amount = Decimal(str(price))
    except (InvalidOperation, ValueError):
        return f"{currency} {price}".strip()
    if not amount.is_finite():
        return f"{currency} {price}".strip()
    digits = 0 if currency in ZERO_DECIMAL else 2
    number = f"{amount:,.{digits}f}"
    symbol = SYMBOLS.get(currency)
    return f"{symbol}{number}" if symbol else f"{currency} {number}".strip()


def safe_link(url: Any) -> str:
    """`url` if it is an http(s) or site-relative address, else "" (no ``javascript:`` links)."""
    if not isinstance(url, str):
        return ""
    url = url.strip()
    site_relative = url.startswith("/") and not url.startswith("//")
    if url.startswith(("https://", "http://")) or site_relative:
        return url
    return ""


def html_lang(locale: str) -> str:
    """The `lang` attribute for a locale such as ``zh-CN``; ``en`` if it is not a language tag."""
    locale = locale.replace("_", "-")
    return locale if _LANG.match(locale) else "en"


def product_view(product: Mapping[str, Any], shop_currency: str) -> dict[str, str]:
    """What the template shows of one product: title, price text, first image and link.

    `product` has the fields of a catalog product: ``title``, ``price``, ``currency``,
    ``image_urls`` and ``url`` (the product's page).
    """
    images = product.get("image_urls") or []
    image = next((safe_link(url) for url in images if safe_link(url)), "")
    currency = str(product.get("currency") or shop_currency)
    return {
        "title": str(product.get("title") or ""),
        "price": format_price(product.get("price", ""), currency),
        "image": image,
        "link": safe_link(product.get("url")),
    }


class DefaultTheme(Theme):
    """A product grid with the shop's name, an optional headline and an accent colour."""

    name = "default_theme"
    title = "Default theme"
    description = "A clean, responsive product grid in the shop's language and accent colour."
    title_i18n: ClassVar[dict[str, str]] = {"zh-CN": "默认主题"}
    description_i18n: ClassVar[dict[str, str]] = {
        "zh-CN": "简洁的响应式商品网格，使用店铺的语言和强调色。"
    }
    version = "0.1.0"
    requires_cloudcat = ">=0.1,<1"
    capabilities: ClassVar[frozenset[str]] = frozenset({"page.home"})
    config_model = DefaultThemeConfig

    config: DefaultThemeConfig

    def render_home(self, page: StorefrontPage) -> str:
        """The home page HTML: every product of `page`, escaped."""
        lang = html_lang(page.shop.locale)
        texts = TEXTS.get(lang.split("-")[0].lower(), TEXTS["en"])
        template = environment().get_template("home.html")
        return template.render(
            lang=lang,
            shop_name=page.shop.name,
            headline=self.config.headline,
            accent_color=self.config.accent_color,
            products=[product_view(p, page.shop.currency) for p in page.products],
            texts=texts,
        )
