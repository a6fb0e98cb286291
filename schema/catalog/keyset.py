"""Keyset pagination over any sort key: cursors carry the sort value and the `_id`.

A page sorted by (field, `_id`) continues after the last row's (value, id) pair, so pages stay
stable and cheap however deep they go (no skip). A cursor names its sort field: handing a cursor
to a query sorted another way is refused.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from bson import Decimal128, ObjectId
from bson.errors import InvalidId
from pymongo.collection import Collection
from starlette.concurrency import run_in_threadpool

from cloudcat.core.catalog.queries import merge
from cloudcat.core.errors import BadInput, FieldError
from cloudcat.schema.pagination import Connection, build_connection, check_page_size

NodeT = TypeVar("NodeT")


@dataclass(frozen=True)
class SortKey:
    """Sort by `field` (then `_id`), ascending unless `descending`; `kind` types the value."""

    field: str
    descending: bool = False
    kind: str = "id"  # "id", "str", "decimal", "datetime" or "int"

    def order(self) -> list[tuple[str, int]]:
        """The pymongo sort specification."""
        direction = -1 if self.descending else 1
        if self.field == "_id":
            return [("_id", direction)]
        return [(self.field, direction), ("_id", direction)]


def _value(doc: dict[str, Any], field: str) -> Any:
    value: Any = doc
    for part in field.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _encode_value(value: Any) -> Any:
    if isinstance(value, Decimal128):
        return str(value.to_decimal())
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _decode_value(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "decimal":
        return Decimal128(str(value))
    if kind == "datetime":
        return datetime.fromisoformat(str(value))
    if kind == "int":
        return int(value)
    return str(value)


def encode_cursor(sort: SortKey, doc: dict[str, Any]) -> str:
    """The cursor of `doc` in a list sorted by `sort`."""
    value = None if sort.field == "_id" else _encode_value(_value(doc, sort.field))
    raw = json.dumps([sort.field, value, str(doc["_id"])], ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode()


def decode_cursor(sort: SortKey, cursor: str) -> tuple[Any, ObjectId]:
    """The (value, id) a cursor holds; `BadInput` if it is not one of this sort."""
    try:
        field, value, object_id = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        if field != sort.field:
            raise ValueError(field)
        return _decode_value(sort.kind, value), ObjectId(object_id)
    except (ValueError, TypeError, InvalidId, binascii.Error, UnicodeDecodeError) as exc:
        raise BadInput(
            "that cursor is not valid for this sort order", [FieldError(["after"], "bad cursor")]
        ) from exc


def after_filter(sort: SortKey, cursor: str | None) -> dict[str, Any]:
    """The condition selecting the rows after `cursor` in `sort` order ({} for the first page)."""
    if cursor is None:
        return {}
    value, object_id = decode_cursor(sort, cursor)
    past = "$lt" if sort.descending else "$gt"
    if sort.field == "_id":
        return {"_id": {past: object_id}}
    field = sort.field
    tie = {field: value, "_id": {past: object_id}}
    if value is None:  # nulls sort first ascending, last descending
        return {"$or": [{field: {"$ne": None}}, tie]} if not sort.descending else tie
    branches: list[dict[str, Any]] = [{field: {past: value}}, tie]
    if sort.descending:
        branches.append({field: None})
    return {"$or": branches}


def fetch_page(
    collection: Collection[dict[str, Any]],
    query: dict[str, Any],
    sort: SortKey,
    size: int,
    after: str | None,
    projection: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Up to `size + 1` raw documents after `after` (the extra one tells a next page)."""
    full = merge(query, after_filter(sort, after))
    cursor = collection.find(full, projection).sort(sort.order()).limit(size + 1)
    return list(cursor)


async def keyset_page(
    collection: Collection[dict[str, Any]],
    query: dict[str, Any],
    sort: SortKey,
    first: int | None,
    after: str | None,
    max_page: int,
    convert: Callable[[dict[str, Any]], NodeT],
) -> Connection[NodeT]:
    """One keyset page of `collection` rows matching `query`, converted to nodes."""
    size = check_page_size(first, max_page)
    rows = await run_in_threadpool(fetch_page, collection, query, sort, size, after)
    return build_connection(rows, size, after, convert, lambda raw: encode_cursor(sort, raw))
