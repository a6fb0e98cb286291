"""Turning stored values into plain JSON for `JSON` scalar fields."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from bson import Decimal128, ObjectId


def jsonable(value: Any) -> Any:
    """`value` with datetimes as ISO 8601, ids and decimals as strings, recursively."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal128):
        return str(value.to_decimal())
    if isinstance(value, ObjectId | Decimal):
        return str(value)
    return value
