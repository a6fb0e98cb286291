"""Two shops, two users: nothing of one shop can be read or changed from the other."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from bson import ObjectId
from mongoengine import Document

from cloudcat.core.documents import (
    AdminToken,
    Membership,
    Order,
    Product,
    Shop,
    ShopPlugin,
    StorefrontKey,
    SyncRun,
)
from cloudcat.core.jobs import enqueue
from cloudcat.core.services import Services
from tests.graphql_client import GraphQLClient

SHOP_FIELDS = """
  members { role user { email } }
  plugins { name enabled config }
  storefrontKeys { id }
  adminTokens { id }
  products { edges { node { id } } }
  categories { edges { node { id } } }
  promotions { edges { node { id } } }
  orders { edges { node { id } } }
  syncStatus { source }
  syncRuns { edges { node { id } } }
  jobs { edges { node { id } } }
  schedules { id }
"""

# Every admin operation that takes a shop, with variables filled from the victim's shop.
OPERATIONS: list[tuple[str, str]] = [
    ("shop", "query($s: ID!) { shop(id: $s) { id name " + SHOP_FIELDS + " } }"),
    ("shopBySlug", 'query { shopBySlug(slug: "victim") { id } }'),
    ("updateShop", 'mutation($s: ID!) { updateShop(id: $s, input: {name: "Pwned"}) { id } }'),
    (
        "addMember",
        'mutation($s: ID!) { addMember(shopId: $s, email: "mallory@example.com", role: OWNER)'
        " { role } }",
    ),
    (
        "changeMemberRole",
        "mutation($s: ID!, $u: ID!) { changeMemberRole(shopId: $s, userId: $u, role: ANALYST)"
        " { role } }",
    ),
    ("removeMember", "mutation($s: ID!, $u: ID!) { removeMember(shopId: $s, userId: $u) }"),
    (
        "setPluginEnabled",
        'mutation($s: ID!) { setPluginEnabled(shopId: $s, name: "event_store", enabled: false)'
        " { enabled } }",
    ),
    (
        "configurePlugin",
        'mutation($s: ID!) { configurePlugin(shopId: $s, name: "default_theme",'
        ' config: {headline: "pwned"}) { name } }',
    ),
    ("checkPlugin", 'mutation($s: ID!) { checkPlugin(shopId: $s, name: "event_store") { name } }'),
    (
        "createStorefrontKey",
        'mutation($s: ID!) { createStorefrontKey(shopId: $s, name: "x") { key } }',
    ),
    (
        "revokeStorefrontKey",
        "mutation($s: ID!, $k: ID!) { revokeStorefrontKey(shopId: $s, id: $k) { id } }",
    ),
    (
        "createAdminToken",
        'mutation($s: ID!) { createAdminToken(shopId: $s, name: "x", role: EDITOR) { token } }',
    ),
    ("syncCatalog", 'mutation($s: ID!) { syncCatalog(shopId: $s, source: "feed") { id } }'),
    ("cancelJob", "mutation($s: ID!, $j: ID!) { cancelJob(shopId: $s, id: $j) { id } }"),
    ("retryJob", "mutation($s: ID!, $j: ID!) { retryJob(shopId: $s, id: $j) { id } }"),
    (
        "setCatalogSyncSchedule",
        'mutation($s: ID!) { setCatalogSyncSchedule(shopId: $s, source: "feed", everyMinutes: 30) { id } }',
    ),
    ("job", "query($s: ID!, $j: ID!) { shop(id: $s) { job(id: $j) { id } } }"),
    ("product", "query($s: ID!, $p: ID!) { shop(id: $s) { product(id: $p) { id } } }"),
    ("order", "query($s: ID!, $o: ID!) { shop(id: $s) { order(id: $o) { id } } }"),
    ("syncRun", "query($s: ID!, $r: ID!) { shop(id: $s) { syncRun(id: $r) { id } } }"),
    (
        "updateProductContent",
        'mutation($s: ID!, $p: ID!) { updateProductContent(shopId: $s, productId: $p, input: {title: "pwned"}) { id } }',
    ),
    (
        "syncCatalogFull",
        'mutation($s: ID!) { syncCatalog(shopId: $s, source: "feed", mode: FULL) { id } }',
    ),
    (
        "revokeAdminToken",
        "mutation($s: ID!, $k: ID!) { revokeAdminToken(shopId: $s, id: $k) { id } }",
    ),
]


def _snapshot() -> dict[str, list[dict[str, object]]]:
    def rows(document: type[Document]) -> list[dict[str, object]]:
        return sorted(
            (doc.to_mongo().to_dict() for doc in document.objects), key=lambda row: str(row["_id"])
        )

    documents = (Shop, Membership, ShopPlugin, StorefrontKey, AdminToken, Product, Order, SyncRun)
    snapshot = {d.__name__: rows(d) for d in documents}
    snapshot["jobs"] = sorted(Shop._get_db().jobs.find(), key=lambda row: str(row["_id"]))
    return snapshot


def _victim_catalog(shop_id: ObjectId) -> dict[str, str]:
    """A product, an order and a sync run of the victim's shop; their ids as variables."""
    now = datetime.now(UTC)
    product = Product(
        shop_id=shop_id,
        source="feed",
        external_id="V1",
        title="Secret",
        price=Decimal("1.00"),
        currency="CNY",
    ).save()
    order = Order(
        shop_id=shop_id,
        source="feed",
        external_id="O1",
        status="paid",
        currency="CNY",
        total=Decimal("1.00"),
        placed_at=now,
    ).save()
    run = SyncRun(shop_id=shop_id, source="feed", kind="full", status="succeeded").save()
    return {"p": str(product.id), "o": str(order.id), "r": str(run.id)}


@dataclass
class TwoShops:
    """The victim's shop and Mallory's, with the ids of the victim's records."""

    mallory: GraphQLClient
    variables: dict[str, str]
    """GraphQL variables naming the victim's shop (`s`), user, records and job."""
    mallory_shop: str
    victim_key_id: str
    victim_token_id: str


@pytest.fixture
def two_shops(make_client: Callable[[], GraphQLClient], services: Services) -> TwoShops:
    victim, mallory = make_client(), make_client()
    victim_user = victim.sign_up("victim@example.com")
    victim_shop = victim.create_shop("victim")
    victim.data(
        'mutation($s: ID!) { setPluginEnabled(shopId: $s, name: "event_store", enabled: true)'
        " { enabled } }",
        {"s": victim_shop},
    )
    key = victim.data(
        'mutation($s: ID!) { createStorefrontKey(shopId: $s, name: "web")'
        " { storefrontKey { id } } }",
        {"s": victim_shop},
    )["createStorefrontKey"]["storefrontKey"]["id"]
    token = victim.data(
        'mutation($s: ID!) { createAdminToken(shopId: $s, name: "ci", role: EDITOR)'
        " { adminToken { id } } }",
        {"s": victim_shop},
    )["createAdminToken"]["adminToken"]["id"]
    job = str(
        enqueue(services.db, "catalog.sync", {"source": "feed"}, shop_id=ObjectId(victim_shop))
    )
    catalog = _victim_catalog(ObjectId(victim_shop))
    mallory.sign_up("mallory@example.com")
    mallory_shop = mallory.create_shop("mallory")
    return TwoShops(
        mallory=mallory,
        variables={"s": victim_shop, "u": victim_user, "k": key, "j": job, **catalog},
        mallory_shop=mallory_shop,
        victim_key_id=key,
        victim_token_id=token,
    )


@pytest.mark.parametrize(("name", "operation"), OPERATIONS, ids=[n for n, _ in OPERATIONS])
def test_other_shops_data_is_refused_and_unchanged(
    two_shops: TwoShops, name: str, operation: str
) -> None:
    mallory = two_shops.mallory
    variables = {k: v for k, v in two_shops.variables.items() if f"${k}" in operation}
    before = _snapshot()
    error = mallory.error(operation, variables)
    assert error["extensions"]["code"] in {"FORBIDDEN", "NOT_FOUND"}, (name, error)
    assert _snapshot() == before


def test_mallory_cannot_revoke_victims_key_through_her_own_shop(
    two_shops: TwoShops,
) -> None:
    mallory = two_shops.mallory
    before = _snapshot()
    for mutation, record in (
        ("revokeStorefrontKey", two_shops.victim_key_id),
        ("revokeAdminToken", two_shops.victim_token_id),
    ):
        error = mallory.error(
            f"mutation($s: ID!, $k: ID!) {{ {mutation}(shopId: $s, id: $k) {{ id }} }}",
            {"s": two_shops.mallory_shop, "k": record},
        )
        assert error["extensions"]["code"] == "NOT_FOUND"
    assert _snapshot() == before


def test_shops_list_shows_only_own_shops(two_shops: TwoShops) -> None:
    mallory = two_shops.mallory
    data = mallory.data("{ shops { edges { node { slug } } } }")
    assert [e["node"]["slug"] for e in data["shops"]["edges"]] == ["mallory"]


def test_admin_token_is_bound_to_its_shop(two_shops: TwoShops) -> None:
    mallory = two_shops.mallory
    token = mallory.data(
        'mutation($s: ID!) { createAdminToken(shopId: $s, name: "m", role: EDITOR) { token } }',
        {"s": two_shops.mallory_shop},
    )["createAdminToken"]["token"]
    headers = {"authorization": f"Bearer {token}"}
    shop_query = "query($s: ID!) { shop(id: $s) { name } }"
    assert mallory.data(shop_query, {"s": two_shops.mallory_shop}, headers=headers)
    victim_shop = two_shops.variables["s"]
    assert mallory.code(shop_query, {"s": victim_shop}, headers=headers) == "NOT_FOUND"


def test_mallory_cannot_edit_victims_product_through_her_own_shop(
    two_shops: TwoShops,
) -> None:
    mallory = two_shops.mallory
    before = _snapshot()
    error = mallory.error(
        'mutation($s: ID!, $p: ID!) { updateProductContent(shopId: $s, productId: $p, input: {title: "pwned"}) { id } }',
        {"s": two_shops.mallory_shop, "p": two_shops.variables["p"]},
    )
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert _snapshot() == before
