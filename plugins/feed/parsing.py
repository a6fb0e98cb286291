"""Reading a product feed: format detection, JSON and CSV rows, and row-by-row validation.

Every row becomes either a `ProductRecord` or a `RejectedRecord` saying which row and why, so
one bad row never stops the rest of the feed. Prices are `Decimal` from the bytes on (JSON
numbers are parsed as `Decimal`, never `float`). A problem with the feed as a whole (not JSON,
no header row...) raises `FeedError`.

A JSON feed is a list of products, or an object holding one (under ``products``, ``items``,
``data`` or ``entries``) and optionally ``categories`` and ``promotions`` lists (see
`cloudcat.plugins.feed.extras` for their shape). Besides the mapped columns, a product may have
``compare_at_price``, ``stock``, ``sku``, ``barcode``, ``categories`` (ids, a list or separated
by ``|``), ``modified`` (an ISO 8601 time) and, in JSON, ``variants``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, Literal

from cloudcat.core.plugin_api import ISO_4217, ProductRecord, RejectedRecord
from cloudcat.plugins.feed.extras import read_variants
from cloudcat.plugins.feed.values import (
    RowError,
    field_of,
    id_list,
    optional_price,
    parse_count,
    parse_price,
    parse_time,
    text,
    urls,
    web_url,
)

FeedFormat = Literal["json", "csv"]
Row = Mapping[str, Any]

MAX_ID_LENGTH = 200
MAX_TITLE_LENGTH = 500
JSON_LIST_KEYS = ("products", "items", "data", "entries")
STATUSES = {
    "": "active",
    "active": "active",
    "available": "active",
    "in stock": "active",
    "delisted": "delisted",
    "inactive": "delisted",
    "archived": "delisted",
    "unlisted": "delisted",
}


class FeedError(ValueError):
    """The feed as a whole cannot be read (as opposed to one bad row)."""


def detect_format(content_type: str, url: str, text: str) -> FeedFormat:
    """Guess the format from the Content-Type, then the URL's extension, then the content."""
    media = content_type.split(";")[0].strip().lower()
    if media.endswith("json"):
        return "json"
    if media.endswith("csv"):
        return "csv"
    path = url.split("?")[0].lower()
    if path.endswith(".json"):
        return "json"
    if path.endswith(".csv"):
        return "csv"
    return "json" if text.lstrip()[:1] in ("[", "{") else "csv"


def decode(body: bytes, charset: str | None) -> str:
    """Decode the feed bytes: the declared charset, else UTF-8 (BOM allowed), else GB18030."""
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return body.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise FeedError("the feed is neither UTF-8 nor GB18030 text") from exc


def load_json(text: str) -> Any:
    """Parse a JSON feed (numbers as `Decimal`); `FeedError` if it is not valid JSON."""
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=_no_constant)
    except (json.JSONDecodeError, ValueError) as exc:
        raise FeedError(f"the feed is not valid JSON: {exc}") from exc


def json_rows(data: Any) -> Iterator[tuple[str, Any]]:
    """(label, item) for each product of a parsed JSON feed: a list, or an object holding it."""
    if isinstance(data, str):
        data = load_json(data)
    if isinstance(data, dict):
        data = next((data[key] for key in JSON_LIST_KEYS if isinstance(data.get(key), list)), None)
    if not isinstance(data, list):
        keys = "/".join(JSON_LIST_KEYS)
        raise FeedError(f"the JSON feed must be a list of products or an object with a {keys} list")
    for index, item in enumerate(data, start=1):
        yield f"item {index}", item


def json_section(data: Any, key: str) -> list[tuple[str, Any]]:
    """(label, item) for each entry of the `key` list of a JSON feed object ([] if none)."""
    entries = data.get(key) if isinstance(data, dict) else None
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise FeedError(f"the feed's {key} must be a list")
    return [(f"{key} item {index}", item) for index, item in enumerate(entries, start=1)]


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


def csv_rows(text: str) -> Iterator[tuple[str, Any]]:
    """(label, row) for each data row of a CSV feed with a header row; blank lines are skipped."""
    header = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = max(",;\t", key=header.count)  # the separator the header row uses most
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if not reader.fieldnames:
        raise FeedError("the CSV feed has no header row")
    try:
        for row in reader:
            if any(isinstance(value, str) and value.strip() for value in row.values()):
                yield f"line {reader.line_num}", row
    except csv.Error as exc:
        raise FeedError(f"the CSV feed cannot be read after line {reader.line_num}: {exc}") from exc


def _column(row: Row, mapping: Mapping[str, str], field: str) -> Any:
    """The value of the column `mapping` names for `field` (without regard to case/spaces)."""
    return field_of(row, mapping[field])


def read_record(row: Any, mapping: Mapping[str, str], default_currency: str) -> ProductRecord:
    """Validate one feed row into a `ProductRecord`; raise `RowError` saying what is wrong."""
    if not isinstance(row, Mapping):
        raise RowError("is not an object")
    external_id = text(_column(row, mapping, "id"), "id")
    if not external_id:
        raise RowError("missing id")
    if len(external_id) > MAX_ID_LENGTH:
        raise RowError(f"id is longer than {MAX_ID_LENGTH} characters")
    title = text(_column(row, mapping, "title"), "title")
    if not title:
        raise RowError("missing title")
    if len(title) > MAX_TITLE_LENGTH:
        raise RowError(f"title is longer than {MAX_TITLE_LENGTH} characters")
    price = parse_price(_column(row, mapping, "price"))
    currency = text(_column(row, mapping, "currency"), "currency").upper() or default_currency
    if currency not in ISO_4217:
        raise RowError(f"unknown currency {currency!r}")
    status_text = text(_column(row, mapping, "status"), "status").lower()
    if status_text not in STATUSES:
        raise RowError(f"unknown status {status_text!r} (use active or delisted)")
    return ProductRecord(
        external_id=external_id,
        title=title,
        price=price,
        currency=currency,
        description=text(_column(row, mapping, "description"), "description"),
        image_urls=urls(_column(row, mapping, "image")),
        url=web_url(_column(row, mapping, "url"), "url"),
        status=STATUSES[status_text],
        compare_at_price=optional_price(field_of(row, "compare_at_price"), "compare_at_price"),
        variants=read_variants(field_of(row, "variants")),
        category_ids=id_list(field_of(row, "categories")),
        stock=parse_count(field_of(row, "stock"), "stock"),
        sku=text(field_of(row, "sku"), "sku"),
        barcode=text(field_of(row, "barcode"), "barcode"),
        modified_at=parse_time(field_of(row, "modified"), "modified"),
    )


def _reference(row: Any, mapping: Mapping[str, str], label: str) -> str:
    if isinstance(row, Mapping):
        value = _column(row, mapping, "id")
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()[:MAX_ID_LENGTH]
    return label


def read_records(
    rows: Iterable[tuple[str, Any]], mapping: Mapping[str, str], default_currency: str
) -> Iterator[ProductRecord | RejectedRecord]:
    """A record or a rejection for every row; a repeated id is rejected after its first row.

    A rejection's `reference` is the row's id when it has one (so a sync keeps that product as
    it was), else the row's label such as ``line 7``; its `reason` names the row.
    """
    seen: set[str] = set()
    for label, row in rows:
        try:
            record = read_record(row, mapping, default_currency)
        except RowError as exc:
            yield RejectedRecord(_reference(row, mapping, label), f"{label}: {exc}")
            continue
        if record.external_id in seen:
            yield RejectedRecord(
                record.external_id, f"{label}: duplicate id {record.external_id!r}"
            )
            continue
        seen.add(record.external_id)
        yield record
