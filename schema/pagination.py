"""Relay-style connections with keyset pagination over MongoDB `_id`."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

import strawberry
from bson import ObjectId
from bson.errors import InvalidId

from cloudcat.core.errors import BadInput, FieldError

NodeT = TypeVar("NodeT")
DocT = TypeVar("DocT")

DEFAULT_PAGE_SIZE = 20


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[NodeT]):
    cursor: str
    node: NodeT


@strawberry.type
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]]
    page_info: PageInfo

    @strawberry.field
    def nodes(self) -> list[NodeT]:
        return [edge.node for edge in self.edges]


def encode_cursor(object_id: ObjectId) -> str:
    return base64.urlsafe_b64encode(f"id:{object_id}".encode()).decode()


def decode_cursor(cursor: str) -> ObjectId:
    try:
        raw = base64.urlsafe_b64decode(cursor.encode()).decode()
        if not raw.startswith("id:"):
            raise ValueError(cursor)
        return ObjectId(raw[3:])
    except (ValueError, InvalidId, binascii.Error, UnicodeDecodeError) as exc:
        raise BadInput("that cursor is not valid", [FieldError(["after"], "bad cursor")]) from exc


def check_page_size(first: int | None, maximum: int) -> int:
    size = DEFAULT_PAGE_SIZE if first is None else first
    if not 0 <= size <= maximum:
        raise BadInput(
            f"`first` must be between 0 and {maximum}",
            [FieldError(["first"], f"between 0 and {maximum}")],
        )
    return size


def build_connection(
    rows: Sequence[DocT],
    size: int,
    after: str | None,
    convert: Callable[[DocT], NodeT],
    cursor: Callable[[DocT], str],
) -> Connection[NodeT]:
    """Make a connection from `size + 1` fetched rows (the extra one tells a next page);
    `cursor` gives each row's cursor (`encode_cursor` of its `_id`, or a keyset cursor)."""
    page = list(rows[:size])
    edges = [Edge(cursor=cursor(row), node=convert(row)) for row in page]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=len(rows) > size,
            has_previous_page=after is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
    )
