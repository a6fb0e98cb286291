"""Links the site draws: buy links with tracking parameters, and which in-app browser a
visitor is in (WeChat blocks marketplace links; its users get a guide instead)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

VISITOR_PLACEHOLDER = "cc_vid"
"""The buy link parameter the footprints snippet fills with the visitor's id on click."""


def safe_url(url: Any) -> str:
    """`url` if it is an http(s) or site-relative address, else "" (no ``javascript:``)."""
    if not isinstance(url, str):
        return ""
    url = url.strip()
    if url.startswith(("https://", "http://")):
        return url
    if url.startswith("/") and not url.startswith("//") and "\\" not in url:
        return url
    return ""


def buy_link(url: str, shop_slug: str) -> str:
    """The marketplace `url` with CloudCat's tracking parameters (utm_* naming the shop and an
    empty `cc_vid` for the visitor), or "" when `url` is not an http(s) address."""
    if not url.startswith(("https://", "http://")):
        return ""
    parts = urlsplit(url)
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _ours(k)]
    kept += [
        ("utm_source", "cloudcat"),
        ("utm_medium", "site"),
        ("utm_campaign", shop_slug),
        (VISITOR_PLACEHOLDER, ""),
    ]
    return urlunsplit(parts._replace(query=urlencode(kept)))


def _ours(key: str) -> bool:
    return key.startswith("utm_") or key == VISITOR_PLACEHOLDER


def in_app_browser(user_agent: str) -> str:
    """``wechat`` or ``weibo`` when `user_agent` is that app's in-app browser, else ""."""
    if "MicroMessenger" in user_agent:
        return "wechat"
    if "Weibo" in user_agent or "__weibo__" in user_agent:
        return "weibo"
    return ""
