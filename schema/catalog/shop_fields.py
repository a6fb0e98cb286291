"""The catalog fields of the admin `Shop` type: products, categories, promotions, orders, and
the sync status and ledger of its sources. Every field checks the viewer's role in the shop."""

from __future__ import annotations

from typing import Annotated

import strawberry

from cloudcat.core.documents import Shop as ShopDoc
from cloudcat.schema.admin.access import authorize
from cloudcat.schema.catalog.commerce import (
    Order,
    OrderFilter,
    Promotion,
    PromotionFilter,
    category_connection,
    order_by_id,
    order_connection,
    promotion_connection,
)
from cloudcat.schema.catalog.ledger import (
    SourceSyncStatus,
    SyncKind,
    SyncRun,
    sync_run_by_id,
    sync_run_connection,
    sync_statuses,
)
from cloudcat.schema.catalog.products import (
    ProductFilter,
    ProductSort,
    product_by_id,
    product_connection,
)
from cloudcat.schema.catalog.types import Category, ListingStatus, Product
from cloudcat.schema.context import AppInfo
from cloudcat.schema.pagination import Connection


@strawberry.type
class ShopCatalog:
    """Fields of `Shop` (which inherits them); not a type of its own in the schema."""

    doc: strawberry.Private[ShopDoc]

    def _max_page(self, info: AppInfo) -> int:
        return info.context.services.settings.page_size_max

    @strawberry.field(description="The synced catalog: filter, search, sort, paginate.")
    async def products(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        filter: ProductFilter | None = None,
        sort: ProductSort | None = None,
        search: Annotated[
            str | None, strawberry.argument(deprecation_reason="Use filter.search.")
        ] = None,
        include_delisted: Annotated[
            bool | None, strawberry.argument(deprecation_reason="Use filter.status.")
        ] = None,
    ) -> Connection[Product]:
        await authorize(info, str(self.doc.id))
        filter = filter or ProductFilter()
        if search is not None and filter.search is None:
            filter.search = search
        if include_delisted is not None and filter.status is None:
            active = [ListingStatus.ACTIVE]
            filter.status = [*active, ListingStatus.DELISTED] if include_delisted else active
        return await product_connection(
            self.doc.id, first, after, filter, sort, self._max_page(info)
        )

    @strawberry.field(description="One product with its variants, or null.")
    async def product(self, info: AppInfo, id: strawberry.ID) -> Product | None:
        await authorize(info, str(self.doc.id))
        return await product_by_id(self.doc.id, id)

    @strawberry.field(description="Categories and collections, by sort order.")
    async def categories(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        source: str | None = None,
    ) -> Connection[Category]:
        await authorize(info, str(self.doc.id))
        return await category_connection(self.doc.id, first, after, source, self._max_page(info))

    @strawberry.field(description="Promotions, those starting last first.")
    async def promotions(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        filter: PromotionFilter | None = None,
    ) -> Connection[Promotion]:
        await authorize(info, str(self.doc.id))
        return await promotion_connection(self.doc.id, first, after, filter, self._max_page(info))

    @strawberry.field(description="Orders, newest first.")
    async def orders(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        filter: OrderFilter | None = None,
    ) -> Connection[Order]:
        await authorize(info, str(self.doc.id))
        return await order_connection(self.doc.id, first, after, filter, self._max_page(info))

    @strawberry.field(description="One order, or null.")
    async def order(self, info: AppInfo, id: strawberry.ID) -> Order | None:
        await authorize(info, str(self.doc.id))
        return await order_by_id(self.doc.id, id)

    @strawberry.field(description="How each marketplace source's sync stands.")
    async def sync_status(self, info: AppInfo) -> list[SourceSyncStatus]:
        await authorize(info, str(self.doc.id))
        return await sync_statuses(info.context.services, self.doc.id)

    @strawberry.field(description="The sync ledger: one entry per run, newest first.")
    async def sync_runs(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        source: str | None = None,
        kind: SyncKind | None = None,
    ) -> Connection[SyncRun]:
        await authorize(info, str(self.doc.id))
        return await sync_run_connection(
            self.doc.id, first, after, source, kind, self._max_page(info)
        )

    @strawberry.field(description="One sync run, or null.")
    async def sync_run(self, info: AppInfo, id: strawberry.ID) -> SyncRun | None:
        await authorize(info, str(self.doc.id))
        return await sync_run_by_id(self.doc.id, id)
