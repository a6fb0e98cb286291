"""Navigation menus: saving one locale's items publishes them (menus have no drafts).

Items are ``{"label", "url", "children": [...]}``, at most two levels deep; labels are plain
text (markup dropped) and URLs are http(s) URLs or site paths (`check_link`).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from bson import ObjectId

from cloudcat.core import site_version
from cloudcat.core.content.data import check_locale
from cloudcat.core.content.documents import ContentMenu
from cloudcat.core.content.pages import utcnow
from cloudcat.core.content.sanitize import check_link, plain_text
from cloudcat.core.errors import BadInput, FieldError

MENU_HANDLE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
MAX_ITEMS = 50
MAX_DEPTH = 2
MAX_LABEL = 100


def _clean_items(
    items: list[dict[str, Any]], path: list[str | int], depth: int, problems: list[FieldError]
) -> list[dict[str, Any]]:
    if len(items) > MAX_ITEMS:
        problems.append(FieldError(path, f"at most {MAX_ITEMS} items"))
        return []
    cleaned = []
    for index, item in enumerate(items):
        here = [*path, index]
        label = plain_text(str(item.get("label") or ""))
        if not label or len(label) > MAX_LABEL:
            problems.append(FieldError([*here, "label"], f"1 to {MAX_LABEL} characters of text"))
        try:
            url = check_link(str(item.get("url") or ""))
        except ValueError as exc:
            problems.append(FieldError([*here, "url"], str(exc)))
            url = ""
        children = list(item.get("children") or [])
        if children and depth >= MAX_DEPTH:
            problems.append(FieldError([*here, "children"], f"menus are {MAX_DEPTH} levels deep"))
            children = []
        kids = _clean_items(children, [*here, "children"], depth + 1, problems)
        cleaned.append({"label": label, "url": url, "children": kids})
    return cleaned


def clean_menu_items(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`items` checked and cleaned; BAD_USER_INPUT naming every bad item field."""
    problems: list[FieldError] = []
    cleaned = _clean_items(items, ["items"], 1, problems)
    if problems:
        raise BadInput("some menu items are not valid", problems)
    return cleaned


def save_menu(
    shop_id: ObjectId,
    handle: str,
    locale: str,
    items: list[dict[str, Any]],
    *,
    now: datetime | None = None,
) -> list[dict[str, Any]]:
    """Store and publish menu `handle`'s items in `locale` (other locales stay as they are);
    returns the cleaned items. Bumps the site version."""
    now = now or utcnow()
    if not MENU_HANDLE.match(handle):
        raise BadInput(
            "that is not a menu handle",
            [FieldError(["handle"], "lowercase letters, digits, - and _ (main, footer...)")],
        )
    check_locale(locale)
    cleaned = clean_menu_items(items)
    ContentMenu._get_collection().update_one(
        {"shop_id": shop_id, "handle": handle},
        {
            "$set": {f"locales.{locale}": {"items": cleaned, "saved_at": now}, "updated_at": now},
            "$setOnInsert": {"created_at": now},
        },
        upsert=True,
    )
    site_version.bump(shop_id, "content.menu_saved")
    return cleaned


def shop_menus(
    shop_id: ObjectId, locale: str | None
) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """Every menu of the shop as (handle, locale, items): all locales, or only `locale`."""
    found = []
    rows = ContentMenu._get_collection().find({"shop_id": shop_id}).sort("handle", 1)
    for doc in rows:
        for name, state in sorted((doc.get("locales") or {}).items()):
            if locale is None or name == locale:
                found.append((doc["handle"], name, list(state.get("items") or [])))
    return found
