"""Reading a product feed: format detection, JSON and CSV rows, and row-by-row validation.

Every row becomes either a `ProductRecord` or a `RejectedRecord` saying which row and why, so
one bad row never stops the rest of the feed. Prices are `Decimal` from the bytes on (JSON
numbers are parsed as `Decimal`, never `float`). A problem with the feed as a whole (not JSON,
no header row...) raises `FeedError`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from cloudcat.core.plugin_api import ProductRecord, RejectedRecord
from cloudcat.plugins.feed.currencies import ISO_4217

FeedFormat = Literal["json", "csv"]
Row = Mapping[str, Any]

MAX_ID_LENGTH = 200
MAX_TITLE_LENGTH = 500
MAX_PRICE = Decimal("1e12")
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
_PRICE = re.compile(r"^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$")
_IMAGE_SEPARATORS = re.compile(r"[\s|]+")
_CENT = Decimal("0.01")


class FeedError(ValueError):
    """The feed as a whole cannot be read (as opposed to one bad row)."""


class RowError(ValueError):
    """One row cannot be read; the message says why."""


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


def json_rows(text: str) -> Iterator[tuple[str, Any]]:
    """(label, item) for each item of a JSON feed: a list, or an object holding the list."""
    try:
        data = json.loads(text, parse_float=Decimal, parse_constant=_no_constant)
    except (json.JSONDecodeError, ValueError) as exc:
        raise FeedError(f"the feed is not valid JSON: {exc}") from exc
    if isinstance(data, dict):
        data = next((data[key] for key in JSON_LIST_KEYS if isinstance(data.get(key), list)), None)
    if not isinstance(data, list):
        keys = "/".join(JSON_LIST_KEYS)
        raise FeedError(f"the JSON feed must be a list of products or an object with a {keys} list")
    for index, item in enumerate(data, start=1):
        yield f"item {index}", item


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


def _text(value: Any, field: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return str(value)
    raise RowError(f"{field} must be text, not {type(value).__name__}")


def parse_price(value: Any) -> Decimal:
    """A non-negative price with at most two decimals, from a JSON number or a text."""
    if value is None or value == "":
        raise RowError("missing price")
    if isinstance(value, bool):
        raise RowError(f"malformed price {value!r}")
    if isinstance(value, int | Decimal):
        price = Decimal(value)
    elif isinstance(value, str) and _PRICE.match(value.strip()):
        price = Decimal(value.strip().replace(",", ""))
    else:
        raise RowError(f"malformed price {value!r}")
    if not price.is_finite() or price < 0:
        raise RowError(f"malformed price {value!r}")
    if price >= MAX_PRICE:
        raise RowError(f"price {value!r} is out of range")
    try:
        exact = price.quantize(_CENT)
    except InvalidOperation as exc:
        raise RowError(f"malformed price {value!r}") from exc
    if exact != price:
        raise RowError(f"price {value!r} has more than two decimals")
    return exact


def _urls(value: Any) -> list[str]:
    if isinstance(value, list):
        candidates = [item for item in value if isinstance(item, str)]
    elif isinstance(value, str):
        candidates = _IMAGE_SEPARATORS.split(value)
    else:
        candidates = []
    return [url for url in (c.strip() for c in candidates) if _is_web_url(url)]


def _is_web_url(url: str) -> bool:
    return url.startswith(("https://", "http://")) and len(url) > len("https://")


def _column(row: Row, mapping: Mapping[str, str], field: str) -> Any:
    """The value of `field` in `row`, matching column names without regard to case or spaces."""
    wanted = mapping[field].strip().lower()
    for key, value in row.items():
        if isinstance(key, str) and key.strip().lower() == wanted:
            return value
    return None


def read_record(row: Any, mapping: Mapping[str, str], default_currency: str) -> ProductRecord:
    """Validate one feed row into a `ProductRecord`; raise `RowError` saying what is wrong."""
    if not isinstance(row, Mapping):
        raise RowError("is not an object")
    external_id = _text(_column(row, mapping, "id"), "id")
    if not external_id:
        raise RowError("missing id")
    if len(external_id) > MAX_ID_LENGTH:
        raise RowError(f"id is longer than {MAX_ID_LENGTH} characters")
    title = _text(_column(row, mapping, "title"), "title")
    if not title:
        raise RowError("missing title")
    if len(title) > MAX_TITLE_LENGTH:
        raise RowError(f"title is longer than {MAX_TITLE_LENGTH} characters")
    price = parse_price(_column(row, mapping, "price"))
    currency = _text(_column(row, mapping, "currency"), "currency").upper() or default_currency
    if currency not in ISO_4217:
        raise RowError(f"unknown currency {currency!r}")
    status_text = _text(_column(row, mapping, "status"), "status").lower()
    if status_text not in STATUSES:
        raise RowError(f"unknown status {status_text!r} (use active or delisted)")
    url = _text(_column(row, mapping, "url"), "url")
    return ProductRecord(
        external_id=external_id,
        title=title,
        price=price,
        currency=currency,
        description=_text(_column(row, mapping, "description"), "description"),
        image_urls=_urls(_column(row, mapping, "image")),
        url=url if _is_web_url(url) else "",
        status=STATUSES[status_text],
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
