"""Reading single values of a feed row: texts, prices, counts, times, id lists, URLs.

Each raises `RowError` with a short reason (the caller prefixes the row's label).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

MAX_PRICE = Decimal("1e12")
_PRICE = re.compile(r"^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$")
_SEPARATORS = re.compile(r"[\s|]+")
_CENT = Decimal("0.01")


class RowError(ValueError):
    """One row cannot be read; the message says why."""


def text(value: Any, field: str) -> str:
    """A text (numbers are accepted and written out); None is empty."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return str(value)
    raise RowError(f"{field} must be text, not {type(value).__name__}")


def parse_price(value: Any, field: str = "price") -> Decimal:
    """A non-negative price with at most two decimals, from a JSON number or a text."""
    if value is None or value == "":
        raise RowError(f"missing {field}")
    if isinstance(value, bool):
        raise RowError(f"malformed {field} {value!r}")
    if isinstance(value, int | Decimal):
        price = Decimal(value)
    elif isinstance(value, str) and _PRICE.match(value.strip()):
        price = Decimal(value.strip().replace(",", ""))
    else:
        raise RowError(f"malformed {field} {value!r}")
    if not price.is_finite() or price < 0:
        raise RowError(f"malformed {field} {value!r}")
    if price >= MAX_PRICE:
        raise RowError(f"{field} {value!r} is out of range")
    try:
        exact = price.quantize(_CENT)
    except InvalidOperation as exc:
        raise RowError(f"malformed {field} {value!r}") from exc
    if exact != price:
        raise RowError(f"{field} {value!r} has more than two decimals")
    return exact


def optional_price(value: Any, field: str) -> Decimal | None:
    """A price, or None when empty."""
    return None if value is None or value == "" else parse_price(value, field)


def parse_count(value: Any, field: str) -> int | None:
    """A whole number >= 0 (from a number or a text), or None when empty."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, Decimal) and value == value.to_integral_value() and value >= 0:
        return int(value)
    raise RowError(f"{field} must be a whole number, not {value!r}")


def parse_time(value: Any, field: str) -> datetime | None:
    """An ISO 8601 time (UTC when it has no offset), or None when empty."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise RowError(f"{field} must be an ISO 8601 time, not {type(value).__name__}")
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise RowError(f"{field} {value!r} is not an ISO 8601 time") from exc
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def id_list(value: Any, field: str = "categories") -> list[str]:
    """Ids from a list, or from a text separated by ``|`` or spaces."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [part for part in _SEPARATORS.split(value) if part]
    if isinstance(value, list):
        return [text(item, field) for item in value if text(item, field)]
    raise RowError(f"{field} must be a list of ids")


def is_web_url(url: str) -> bool:
    """Whether `url` is an absolute http(s) address."""
    return url.startswith(("https://", "http://")) and len(url) > len("https://")


def urls(value: Any) -> list[str]:
    """The http(s) addresses in a list or a text separated by ``|`` or spaces; others dropped."""
    if isinstance(value, list):
        candidates = [item for item in value if isinstance(item, str)]
    elif isinstance(value, str):
        candidates = _SEPARATORS.split(value)
    else:
        candidates = []
    return [url for url in (c.strip() for c in candidates) if is_web_url(url)]


def web_url(value: Any, field: str) -> str:
    """An http(s) address, or "" when empty or not one."""
    url = text(value, field)
    return url if is_web_url(url) else ""


def field_of(row: Mapping[Any, Any], name: str) -> Any:
    """The value of column/key `name` in `row`, matched without regard to case or spaces."""
    wanted = name.strip().lower()
    for key, value in row.items():
        if isinstance(key, str) and key.strip().lower() == wanted:
            return value
    return None
