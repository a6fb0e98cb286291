"""Shops and their teams: the admin `Shop` type, shop queries and team mutations."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from bson import ObjectId
from starlette.concurrency import run_in_threadpool

from cloudcat.core import accounts
from cloudcat.core.documents import Membership
from cloudcat.core.documents import Role as RoleValue
from cloudcat.core.documents import Shop as ShopDoc
from cloudcat.core.errors import Forbidden, NotFound
from cloudcat.schema.admin.access import authorize, require_signed_in
from cloudcat.schema.admin.accounts import User
from cloudcat.schema.admin.credentials import (
    AdminToken,
    StorefrontKey,
    admin_tokens_of,
    storefront_keys_of,
)
from cloudcat.schema.admin.enums import PluginKind, Role
from cloudcat.schema.admin.jobs import Job, JobSchedule, JobState, job_of, jobs_of, schedules_of
from cloudcat.schema.admin.plugins import ShopPlugin, shop_plugins_of
from cloudcat.schema.catalog.shop_fields import ShopCatalog
from cloudcat.schema.context import AppInfo
from cloudcat.schema.pagination import (
    Connection,
    build_connection,
    check_page_size,
    decode_cursor,
    encode_cursor,
)


@strawberry.type
class Member:
    role: Role
    joined_at: datetime
    user_id: strawberry.Private[ObjectId]

    @strawberry.field
    async def user(self, info: AppInfo) -> User:
        doc = await info.context.loaders.users.load(self.user_id)
        if doc is None:
            raise NotFound("this member's account no longer exists")
        return User.from_doc(doc)


@strawberry.type
class Shop(ShopCatalog):
    id: strawberry.ID
    slug: str
    name: str
    currency: str
    locale: str
    timezone: str
    allowed_origins: list[str] = strawberry.field(
        description="Browser origins whose pages may call the storefront API with this shop's "
        "keys (CORS), as scheme://host[:port]."
    )
    created_at: datetime
    suspended: bool = strawberry.field(
        description="Suspended by the operator: its site and storefront API answer "
        "SHOP_SUSPENDED, its jobs wait, nothing in it can change; nothing is deleted."
    )
    suspended_reason: str | None
    doc: strawberry.Private[ShopDoc]

    @classmethod
    def from_doc(cls, doc: ShopDoc) -> Shop:
        return cls(
            id=strawberry.ID(str(doc.id)),
            slug=doc.slug,
            name=doc.name,
            currency=doc.currency,
            locale=doc.locale,
            timezone=doc.timezone,
            allowed_origins=list(doc.allowed_origins),
            created_at=doc.created_at,
            suspended=bool(doc.suspended),
            suspended_reason=doc.suspended_reason if doc.suspended else None,
            doc=doc,
        )

    @strawberry.field(description="The viewer's role in this shop.")
    def viewer_role(self, info: AppInfo) -> Role:
        role = info.context.viewer.role_in(self.doc.id)
        if role is None:  # an operator reading a shop it is not a member of
            raise Forbidden("you have no role in this shop")
        return role

    @strawberry.field(description="The shop's team.")
    async def members(self, info: AppInfo) -> list[Member]:
        await authorize(info, self.id)
        docs = await run_in_threadpool(
            lambda: list(Membership.objects(shop_id=self.doc.id).order_by("created_at"))
        )
        return [Member(role=d.role, joined_at=d.created_at, user_id=d.user_id) for d in docs]

    @strawberry.field(
        description="Every installed plugin with this shop's state of it (config: editor)."
    )
    async def plugins(
        self, info: AppInfo, kind: PluginKind | None = None, search: str | None = None
    ) -> list[ShopPlugin]:
        return await shop_plugins_of(info, self.doc, kind, search)

    @strawberry.field(description="Publishable storefront keys (owner).")
    async def storefront_keys(self, info: AppInfo) -> list[StorefrontKey]:
        return await storefront_keys_of(info, self.doc)

    @strawberry.field(description="Admin API tokens (owner).")
    async def admin_tokens(self, info: AppInfo) -> list[AdminToken]:
        return await admin_tokens_of(info, self.doc)

    @strawberry.field(description="Background jobs, newest first.")
    async def jobs(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        states: list[JobState] | None = None,
        kind: str | None = None,
    ) -> Connection[Job]:
        return await jobs_of(info, self.doc, first, after, states, kind)

    @strawberry.field
    async def job(self, info: AppInfo, id: strawberry.ID) -> Job | None:
        return await job_of(info, self.doc, id)

    @strawberry.field(description="Periodic jobs (such as scheduled catalog syncs).")
    async def schedules(self, info: AppInfo) -> list[JobSchedule]:
        return await schedules_of(info, self.doc)


@strawberry.input
class ShopInput:
    name: str | None = None
    currency: str | None = None
    locale: str | None = None
    timezone: str | None = None
    allowed_origins: list[str] | None = strawberry.field(
        default=None,
        description="Replace the origins allowed to call the storefront API from a browser: "
        "https://host[:port] (http only for localhost), no path.",
    )

    def fields(self) -> accounts.ShopFields:
        return accounts.ShopFields(
            name=self.name,
            currency=self.currency,
            locale=self.locale,
            timezone=self.timezone,
            allowed_origins=self.allowed_origins,
        )


@strawberry.type
class ShopQuery:
    @strawberry.field(description="The shops the viewer belongs to, oldest first.")
    async def shops(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[Shop]:
        require_signed_in(info)
        size = check_page_size(first, info.context.services.settings.page_size_max)
        ids = list(info.context.viewer.roles())

        def fetch() -> list[ShopDoc]:
            query: dict[str, Any] = {"_id": {"$in": ids}}
            if after is not None:
                query["_id"]["$gt"] = decode_cursor(after)
            return list(ShopDoc.objects(__raw__=query).order_by("id").limit(size + 1))

        rows = await run_in_threadpool(fetch)
        return build_connection(rows, size, after, Shop.from_doc, lambda doc: encode_cursor(doc.id))

    @strawberry.field(description="One shop by id.")
    async def shop(self, info: AppInfo, id: strawberry.ID) -> Shop:
        return Shop.from_doc(await authorize(info, id))

    @strawberry.field(description="One shop by its slug.")
    async def shop_by_slug(self, info: AppInfo, slug: str) -> Shop:
        require_signed_in(info)
        doc = await run_in_threadpool(lambda: ShopDoc.objects(slug=slug).only("id").first())
        if doc is None:
            raise NotFound(f"no shop with slug {slug!r}")
        return Shop.from_doc(await authorize(info, str(doc.id)))


@strawberry.type
class ShopMutation:
    @strawberry.mutation(description="Create a shop; the signed-in user becomes its owner.")
    async def create_shop(self, info: AppInfo, slug: str, input: ShopInput) -> Shop:
        user = info.context.viewer.require_user()
        doc = await run_in_threadpool(accounts.create_shop, user, slug, input.fields())
        info.context.viewer.forget_roles()
        return Shop.from_doc(doc)

    @strawberry.mutation(description="Change a shop's settings (owner).")
    async def update_shop(self, info: AppInfo, id: strawberry.ID, input: ShopInput) -> Shop:
        shop = await authorize(info, id, RoleValue.OWNER)
        return Shop.from_doc(await run_in_threadpool(accounts.update_shop, shop, input.fields()))

    @strawberry.mutation(description="Add an existing account to the team (owner).")
    async def add_member(
        self, info: AppInfo, shop_id: strawberry.ID, email: str, role: Role
    ) -> Member:
        shop = await authorize(info, shop_id, RoleValue.OWNER)
        doc = await run_in_threadpool(accounts.add_member, shop, email, RoleValue(role))
        return Member(role=doc.role, joined_at=doc.created_at, user_id=doc.user_id)

    @strawberry.mutation(description="Change a member's role (owner); a shop keeps one owner.")
    async def change_member_role(
        self, info: AppInfo, shop_id: strawberry.ID, user_id: strawberry.ID, role: Role
    ) -> Member:
        shop = await authorize(info, shop_id, RoleValue.OWNER)
        doc = await run_in_threadpool(accounts.change_role, shop, user_id, RoleValue(role))
        return Member(role=doc.role, joined_at=doc.created_at, user_id=doc.user_id)

    @strawberry.mutation(description="Remove a member from the team (owner).")
    async def remove_member(
        self, info: AppInfo, shop_id: strawberry.ID, user_id: strawberry.ID
    ) -> bool:
        shop = await authorize(info, shop_id, RoleValue.OWNER)
        await run_in_threadpool(accounts.remove_member, shop, user_id)
        return True
