"""Types shared by the admin and storefront schemas (the catalog's are in `schema.catalog`)."""

from __future__ import annotations

from decimal import Decimal

import strawberry


@strawberry.type(description="An exact amount of money (never a float).")
class Money:
    amount: Decimal
    currency_code: str
