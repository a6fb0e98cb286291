"""Shop addresses: the only hosts CloudCat sends Shopify credentials to.

A shop is addressed by its permanent ``{name}.myshopify.com`` domain, never by a custom domain:
`normalize_shop_domain` accepts what a seller types or pastes (``tea-house``,
``https://tea-house.myshopify.com/admin``, ``https://admin.shopify.com/store/tea-house``) and
returns that domain, or raises `InvalidShopDomain`.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

SHOP_DOMAIN_PATTERN = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9\-]*\.myshopify\.com$")
"""What Shopify's own libraries accept as a shop domain."""
_HANDLE = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9\-]*$")


class InvalidShopDomain(ValueError):
    """The text is not a Shopify shop address."""


def is_shop_domain(value: str) -> bool:
    """Whether `value` is exactly a ``{name}.myshopify.com`` domain."""
    return SHOP_DOMAIN_PATTERN.fullmatch(value) is not None


def normalize_shop_domain(value: str) -> str:
    """The ``{name}.myshopify.com`` domain `value` names; raise `InvalidShopDomain` otherwise."""
    text = value.strip()
    parts = urlsplit(text if "://" in text else f"https://{text}")
    host = (parts.hostname or "").lower()
    if host == "admin.shopify.com":
        match = re.match(r"^/store/([^/]+)", parts.path)
        host = match.group(1).lower() if match else ""
    if host and _HANDLE.fullmatch(host):
        host = f"{host}.myshopify.com"
    if not is_shop_domain(host) or parts.port is not None:
        raise InvalidShopDomain(
            f"{value!r} is not a Shopify shop address: use the shop's permanent address, "
            "such as your-shop.myshopify.com"
        )
    return host
