"""Storefront keys and admin API tokens: created (shown once), listed, revoked. Owner only."""

from __future__ import annotations

from datetime import datetime

import strawberry
from starlette.concurrency import run_in_threadpool

from cloudcat.core import accounts
from cloudcat.core.documents import AdminToken as AdminTokenDoc
from cloudcat.core.documents import Role as RoleValue
from cloudcat.core.documents import Shop as ShopDoc
from cloudcat.core.documents import StorefrontKey as StorefrontKeyDoc
from cloudcat.core.errors import Forbidden
from cloudcat.schema.admin.access import authorize
from cloudcat.schema.admin.enums import Role
from cloudcat.schema.context import AppInfo


@strawberry.type(description="A publishable key for the storefront API (its value is shown once).")
class StorefrontKey:
    id: strawberry.ID
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None

    @classmethod
    def from_doc(cls, doc: StorefrontKeyDoc) -> StorefrontKey:
        return cls(
            id=strawberry.ID(str(doc.id)),
            name=doc.name,
            prefix=doc.prefix,
            created_at=doc.created_at,
            last_used_at=doc.last_used_at,
            revoked_at=doc.revoked_at,
        )


@strawberry.type(description="A bearer token for the admin API (its value is shown once).")
class AdminToken:
    id: strawberry.ID
    name: str
    prefix: str
    role: Role
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None

    @classmethod
    def from_doc(cls, doc: AdminTokenDoc) -> AdminToken:
        return cls(
            id=strawberry.ID(str(doc.id)),
            name=doc.name,
            prefix=doc.prefix,
            role=doc.role,
            created_at=doc.created_at,
            last_used_at=doc.last_used_at,
            revoked_at=doc.revoked_at,
        )


@strawberry.type
class CreatedStorefrontKey:
    key: str = strawberry.field(description="The key itself. It is shown this once only.")
    storefront_key: StorefrontKey


@strawberry.type
class CreatedAdminToken:
    token: str = strawberry.field(description="The token itself. It is shown this once only.")
    admin_token: AdminToken


async def storefront_keys_of(info: AppInfo, shop: ShopDoc) -> list[StorefrontKey]:
    await authorize(info, str(shop.id), RoleValue.OWNER)
    docs = await run_in_threadpool(
        lambda: list(StorefrontKeyDoc.objects(shop_id=shop.id).order_by("-created_at"))
    )
    return [StorefrontKey.from_doc(doc) for doc in docs]


async def admin_tokens_of(info: AppInfo, shop: ShopDoc) -> list[AdminToken]:
    await authorize(info, str(shop.id), RoleValue.OWNER)
    docs = await run_in_threadpool(
        lambda: list(AdminTokenDoc.objects(shop_id=shop.id).order_by("-created_at"))
    )
    return [AdminToken.from_doc(doc) for doc in docs]


@strawberry.type
class CredentialMutation:
    @strawberry.mutation(description="Create a storefront key (owner). The key is shown once.")
    async def create_storefront_key(
        self, info: AppInfo, shop_id: strawberry.ID, name: str
    ) -> CreatedStorefrontKey:
        shop = await authorize(info, shop_id, RoleValue.OWNER)
        user = info.context.viewer.require_user()
        record, key = await run_in_threadpool(accounts.create_storefront_key, shop, name, user.id)
        return CreatedStorefrontKey(key=key, storefront_key=StorefrontKey.from_doc(record))

    @strawberry.mutation(
        description="Revoke a storefront key (owner); it stops working at once (other API "
        "processes: within seconds)."
    )
    async def revoke_storefront_key(
        self, info: AppInfo, shop_id: strawberry.ID, id: strawberry.ID
    ) -> StorefrontKey:
        shop = await authorize(info, shop_id, RoleValue.OWNER)
        await run_in_threadpool(accounts.revoke, StorefrontKeyDoc, shop, id)
        doc = await run_in_threadpool(lambda: StorefrontKeyDoc.objects(id=id).first())
        return StorefrontKey.from_doc(doc)

    @strawberry.mutation(description="Create an admin API token (owner). The token is shown once.")
    async def create_admin_token(
        self, info: AppInfo, shop_id: strawberry.ID, name: str, role: Role
    ) -> CreatedAdminToken:
        shop = await authorize(info, shop_id, RoleValue.OWNER)
        user = info.context.viewer.require_user()
        if role is RoleValue.OWNER:
            raise Forbidden("admin tokens can be editor or analyst, never owner")
        record, token = await run_in_threadpool(
            accounts.create_admin_token, shop, name, RoleValue(role), user.id
        )
        return CreatedAdminToken(token=token, admin_token=AdminToken.from_doc(record))

    @strawberry.mutation(description="Revoke an admin API token (owner); it stops working at once.")
    async def revoke_admin_token(
        self, info: AppInfo, shop_id: strawberry.ID, id: strawberry.ID
    ) -> AdminToken:
        shop = await authorize(info, shop_id, RoleValue.OWNER)
        await run_in_threadpool(accounts.revoke, AdminTokenDoc, shop, id)
        doc = await run_in_threadpool(lambda: AdminTokenDoc.objects(id=id).first())
        return AdminToken.from_doc(doc)
