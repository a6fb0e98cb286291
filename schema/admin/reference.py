"""Reference data the admin forms offer: currencies, locales."""

from __future__ import annotations

import strawberry

from cloudcat.core.accounts import CURRENCIES, LOCALES


@strawberry.type
class ReferenceQuery:
    @strawberry.field(description="ISO 4217 codes a shop can sell in.")
    def currencies(self) -> list[str]:
        return sorted(CURRENCIES)

    @strawberry.field(description="Locales a shop's site can use.")
    def locales(self) -> list[str]:
        return list(LOCALES)
