"""An admin token acts with its creator's current membership: removing the creator (or
lowering their role) takes effect on their tokens at once."""

from __future__ import annotations

from collections.abc import Callable

from tests.graphql_client import GraphQLClient

ADD = "mutation($s: ID!, $e: String!, $r: Role!) { addMember(shopId: $s, email: $e, role: $r) { role } }"
MAKE_TOKEN = (
    'mutation($s: ID!) { createAdminToken(shopId: $s, name: "bot", role: EDITOR) { token } }'
)
READ = "query($s: ID!) { shop(id: $s) { name viewerRole } }"
ENABLE = (
    'mutation($s: ID!) { setPluginEnabled(shopId: $s, name: "event_store", enabled: true)'
    " { enabled } }"
)


def _setup(make_client: Callable[[], GraphQLClient]) -> tuple[GraphQLClient, GraphQLClient, str]:
    owner, second = make_client(), make_client()
    owner.sign_up("owner@example.com")
    shop = owner.create_shop("tokens")
    second.sign_up("m@example.com")
    owner.data(ADD, {"s": shop, "e": "m@example.com", "r": "OWNER"})
    return owner, second, shop


def _bot(
    make_client: Callable[[], GraphQLClient], maker: GraphQLClient, shop: str
) -> GraphQLClient:
    token = maker.data(MAKE_TOKEN, {"s": shop})["createAdminToken"]["token"]
    bot = make_client()
    bot.headers = {"authorization": f"Bearer {token}"}
    return bot


def _member_id(owner: GraphQLClient, shop: str, email: str) -> str:
    members = owner.data(
        "query($s: ID!) { shop(id: $s) { members { user { id email } } } }", {"s": shop}
    )["shop"]["members"]
    return str(next(m["user"]["id"] for m in members if m["user"]["email"] == email))


def test_removing_the_creator_kills_their_tokens(
    make_client: Callable[[], GraphQLClient],
) -> None:
    owner, second, shop = _setup(make_client)
    bot = _bot(make_client, second, shop)
    assert bot.data(READ, {"s": shop})["shop"]["viewerRole"] == "EDITOR"
    assert bot.data(ENABLE, {"s": shop})["setPluginEnabled"]["enabled"] is True
    owner.data(
        "mutation($s: ID!, $u: ID!) { removeMember(shopId: $s, userId: $u) }",
        {"s": shop, "u": _member_id(owner, shop, "m@example.com")},
    )
    for operation in (READ, ENABLE):
        response = bot.post(operation, {"s": shop})
        assert response.status_code == 401, response.text
        assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_lowering_the_creators_role_lowers_their_tokens(
    make_client: Callable[[], GraphQLClient],
) -> None:
    owner, second, shop = _setup(make_client)
    bot = _bot(make_client, second, shop)
    owner.data(
        "mutation($s: ID!, $u: ID!) { changeMemberRole(shopId: $s, userId: $u, role: ANALYST)"
        " { role } }",
        {"s": shop, "u": _member_id(owner, shop, "m@example.com")},
    )
    assert bot.data(READ, {"s": shop})["shop"]["viewerRole"] == "ANALYST"
    assert bot.code(ENABLE, {"s": shop}) == "FORBIDDEN"
    # Raising the creator back never lifts the token above its own role.
    owner.data(
        "mutation($s: ID!, $u: ID!) { changeMemberRole(shopId: $s, userId: $u, role: OWNER)"
        " { role } }",
        {"s": shop, "u": _member_id(owner, shop, "m@example.com")},
    )
    assert bot.data(READ, {"s": shop})["shop"]["viewerRole"] == "EDITOR"
    assert (
        bot.code(
            'mutation($s: ID!) { createStorefrontKey(shopId: $s, name: "k") { key } }', {"s": shop}
        )
        == "FORBIDDEN"
    )
