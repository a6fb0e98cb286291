"""Checking what a seller sends for one version of a page (`RevisionData`), a locale, a handle.

Everything is cleaned on the way in: plain texts lose markup, an article's body keeps only safe
HTML (nh3), blocks are checked against their type's model (`cloudcat.core.content.blocks`).
Problems raise BAD_USER_INPUT naming each field.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from cloudcat.core.catalog.handles import slugify
from cloudcat.core.content.blocks import ImageRef, PlainText, RichHtml, clean_blocks
from cloudcat.core.content.sanitize import plain_text
from cloudcat.core.errors import BadInput, FieldError

LOCALE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
MAX_HANDLE = 80
MAX_TAGS = 20


class ContentDataInput(BaseModel):
    """One version of a page in one locale, as the editor sends it (blocks checked apart)."""

    model_config = ConfigDict(extra="forbid")

    title: PlainText = Field(min_length=1, max_length=200)
    seo_title: PlainText | None = Field(None, max_length=200)
    seo_description: PlainText | None = Field(None, max_length=500)
    body_html: RichHtml | None = Field(None, max_length=200_000)
    excerpt: PlainText | None = Field(None, max_length=1000)
    cover: ImageRef | None = None


def clean_data(raw: dict[str, Any], path: list[str | int]) -> dict[str, Any]:
    """The `RevisionData` dict of `raw` (title, seo texts, blocks, body, excerpt, cover),
    cleaned; BAD_USER_INPUT under `path` when something is wrong."""
    blocks = raw.get("blocks") or []
    fields = {key: value for key, value in raw.items() if key != "blocks"}
    problems: list[FieldError] = []
    data: dict[str, Any] = {}
    try:
        data = ContentDataInput.model_validate(fields).model_dump()
    except ValidationError as exc:
        problems.extend(FieldError.from_pydantic(path, dict(item)) for item in exc.errors())
    try:
        data["blocks"] = clean_blocks(list(blocks), [*path, "blocks"])
    except BadInput as exc:
        problems.extend(exc.fields)
    if problems:
        raise BadInput("this content is not valid", problems)
    return data


def check_locale(locale: str) -> str:
    """`locale` if it is a locale tag (``zh-CN``, ``en``); BAD_USER_INPUT otherwise."""
    if not isinstance(locale, str) or not LOCALE.match(locale):
        raise BadInput(
            "that is not a locale", [FieldError(["locale"], "a locale tag such as zh-CN or en")]
        )
    return locale


def clean_handle(handle: str) -> str:
    """`handle` as a URL handle (`slugify`: ASCII, pinyin for Chinese, ``-`` separated)."""
    cleaned = slugify(handle)[:MAX_HANDLE].strip("-")
    if not cleaned:
        raise BadInput(
            "that handle has no letters or digits",
            [FieldError(["handle"], "use letters, digits or Chinese characters")],
        )
    return cleaned


def clean_tags(tags: list[str]) -> list[str]:
    """Tags without markup, trimmed, de-duplicated, at most `MAX_TAGS` of 60 characters."""
    cleaned = list(dict.fromkeys(t for t in (plain_text(tag)[:60] for tag in tags) if t))
    if len(cleaned) > MAX_TAGS:
        raise BadInput(
            f"at most {MAX_TAGS} tags", [FieldError(["tags"], f"at most {MAX_TAGS} tags")]
        )
    return cleaned
