"""How prices and times look on the site."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

SYMBOLS = {
    "CNY": "¥",
    "JPY": "¥",
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "HKD": "HK$",
    "TWD": "NT$",
    "KRW": "₩",
    "SGD": "S$",
    "AUD": "A$",
    "CAD": "C$",
}
ZERO_DECIMAL = frozenset({"JPY", "KRW", "VND", "IDR", "TWD"})


def decimal(value: Any) -> Decimal | None:
    """`value` (a Decimal128, Decimal, number or numeric text) as a finite Decimal, or None."""
    if value is None:
        return None
    if hasattr(value, "to_decimal"):  # bson Decimal128
        value = value.to_decimal()
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return amount if amount.is_finite() else None


def format_price(price: Any, currency: str) -> str:
    """A price for display, e.g. ``¥1,299.00`` or ``CHF 12.50``; two decimals unless the
    currency has none; "" when `price` is not a number."""
    amount = decimal(price)
    if amount is None:
        return ""
    digits = 0 if currency in ZERO_DECIMAL else 2
    number = f"{amount:,.{digits}f}"
    symbol = SYMBOLS.get(currency)
    return f"{symbol}{number}" if symbol else f"{currency} {number}".strip()


def iso_time(moment: datetime | None) -> str:
    """`moment` as an ISO 8601 UTC time (naive times are UTC), or "" for None."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
