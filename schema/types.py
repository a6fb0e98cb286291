"""Types shared by the admin and storefront schemas."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import Enum

import strawberry
from bson import Decimal128

from cloudcat.core.documents import Product as ProductDoc


@strawberry.type(description="An exact amount of money (never a float).")
class Money:
    amount: Decimal
    currency_code: str


@strawberry.enum
class ProductStatus(Enum):
    ACTIVE = "active"
    DELISTED = "delisted"


@strawberry.type
class Product:
    id: strawberry.ID
    source: str
    external_id: str
    title: str
    description: str
    price: Money
    image_urls: list[str]
    url: str
    status: ProductStatus
    updated_at: datetime

    @classmethod
    def from_doc(cls, doc: ProductDoc) -> Product:
        price = doc.price.to_decimal() if isinstance(doc.price, Decimal128) else doc.price
        return cls(
            id=strawberry.ID(str(doc.id)),
            source=doc.source,
            external_id=doc.external_id,
            title=doc.title,
            description=doc.description,
            price=Money(amount=Decimal(price), currency_code=doc.currency),
            image_urls=list(doc.image_urls),
            url=doc.url,
            status=ProductStatus(doc.status),
            updated_at=doc.updated_at,
        )
