"""Cleaning what sellers write before it is stored: rich HTML through nh3, plain texts without
markup, links and image refs checked.

Rich text (a `rich_text` block's html, an article's body) keeps a small set of formatting tags
and safe attributes; scripts, styles, event handlers and `javascript:` URLs never survive.
Plain texts (titles, headings, labels) hold no markup at all: tags are dropped (a script with
its content), so even a client that puts them into a page as HTML shows only text.
"""

from __future__ import annotations

import html
import re

import nh3

RICH_TAGS = frozenset(
    {
        "a", "b", "blockquote", "br", "code", "em", "figcaption", "figure", "h2", "h3", "h4",
        "hr", "i", "img", "li", "ol", "p", "pre", "s", "span", "strong", "sub", "sup", "table",
        "tbody", "td", "th", "thead", "tr", "u", "ul",
    }
)  # fmt: skip
RICH_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
MEDIA_ID = re.compile(r"^[0-9a-f]{24}$")
SITE_PATH = re.compile(r"^/(?!/)[^\s\\<>\"]*$")
UNSAFE_URL = re.compile(r"[\s<>\"\\]")


def rich_html(value: str) -> str:
    """`value` with only the allowed formatting tags and attributes (links get
    ``rel="noopener noreferrer nofollow"``)."""
    return nh3.clean(
        value,
        tags=set(RICH_TAGS),
        attributes={tag: set(names) for tag, names in RICH_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
    )


def plain_text(value: str) -> str:
    """`value` as text without markup: tags (and a script's or style's content) are dropped,
    entities read as the characters they stand for, surrounding space trimmed."""
    if "<" not in value and "&" not in value:
        return value.strip()
    return html.unescape(nh3.clean(value, tags=set())).strip()


def _absolute(value: str, schemes: tuple[str, ...]) -> bool:
    """Whether `value` is an absolute URL of one of `schemes` with a host and no spaces,
    quotes, angle brackets or backslashes."""
    lowered = value.lower()
    scheme = next((s for s in schemes if lowered.startswith(s)), None)
    return scheme is not None and len(value) > len(scheme) and not UNSAFE_URL.search(value)


def check_link(value: str) -> str:
    """A link a seller may set: an absolute http(s) URL or a path of the site (``/pages/x``).

    Raises ValueError otherwise (``javascript:``, ``//host``, spaces...)."""
    value = value.strip()
    if SITE_PATH.match(value):
        return value
    if _absolute(value, ("https://", "http://")):
        return value
    raise ValueError("a link is an http(s) URL or a path of the site starting with /")


def check_image_ref(value: str) -> str:
    """An image ref: a media asset id (24 hex) or an absolute https URL; ValueError otherwise."""
    value = value.strip()
    if MEDIA_ID.match(value):
        return value
    if (
        value.lower().startswith("https://")
        and len(value) > 8
        and not re.search(r"[\s<>\"\\]", value)
    ):
        return value
    raise ValueError("an image is a media asset id or an https URL")
