"""What the engine needs to know per kind of synced object: collection, iterator, statuses.

The order of `ENTITIES` is the order a run syncs them in: categories first (products refer to
them), then products, promotions (which refer to products) and orders.
"""

from __future__ import annotations

from dataclasses import dataclass

from cloudcat.core.documents import Category, Order, Product, Promotion
from cloudcat.core.sources import EntityKind, SourceCapability


@dataclass(frozen=True)
class EntitySpec:
    """How one kind of object is synced."""

    kind: EntityKind
    collection: str
    capability: SourceCapability
    method: str
    """The `MarketplaceSource` iterator that lists these objects."""
    plural: str
    absent_status: str | None
    """The status a full sync gives objects the source no longer lists (None: keep them)."""
    deleted_status: str = "deleted"
    """The status an explicit delete gives."""
    owned_defaults: tuple[tuple[str, object], ...] = ()
    """Fields set only when the object is first stored (CloudCat-owned content)."""


PRODUCTS = EntitySpec(
    kind=EntityKind.PRODUCT,
    collection=Product._get_collection_name(),
    capability=SourceCapability.PRODUCTS,
    method="iter_products",
    plural="products",
    absent_status="delisted",
    owned_defaults=(("owned", {"published": True, "sort_order": 0}),),
)
CATEGORIES = EntitySpec(
    kind=EntityKind.CATEGORY,
    collection=Category._get_collection_name(),
    capability=SourceCapability.CATEGORIES,
    method="iter_categories",
    plural="categories",
    absent_status="delisted",
)
PROMOTIONS = EntitySpec(
    kind=EntityKind.PROMOTION,
    collection=Promotion._get_collection_name(),
    capability=SourceCapability.PROMOTIONS,
    method="iter_promotions",
    plural="promotions",
    absent_status="deleted",
)
ORDERS = EntitySpec(
    kind=EntityKind.ORDER,
    collection=Order._get_collection_name(),
    capability=SourceCapability.ORDERS,
    method="iter_orders",
    plural="orders",
    absent_status=None,
)

ENTITIES: tuple[EntitySpec, ...] = (CATEGORIES, PRODUCTS, PROMOTIONS, ORDERS)
BY_KIND: dict[EntityKind, EntitySpec] = {spec.kind: spec for spec in ENTITIES}
CATALOG_COLLECTIONS: tuple[str, ...] = tuple(spec.collection for spec in ENTITIES)


def supported(capabilities: frozenset[str]) -> list[EntitySpec]:
    """The entity kinds a source with `capabilities` syncs, in sync order."""
    return [spec for spec in ENTITIES if spec.capability.value in capabilities]
