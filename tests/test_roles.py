"""Roles are enforced on every admin field: owner > editor > analyst; tokens carry a role."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.graphql_client import GraphQLClient

ADD = "mutation($s: ID!, $e: String!, $r: Role!) { addMember(shopId: $s, email: $e, role: $r) { role } }"


@pytest.fixture
def team(make_client: Callable[[], GraphQLClient]) -> dict[str, object]:
    owner, editor, analyst = make_client(), make_client(), make_client()
    owner.sign_up("owner@example.com")
    shop = owner.create_shop("team-shop")
    for person, email, role in (
        (editor, "ed@example.com", "EDITOR"),
        (analyst, "an@example.com", "ANALYST"),
    ):
        person.sign_up(email)
        owner.data(ADD, {"s": shop, "e": email, "r": role})
    return {"owner": owner, "editor": editor, "analyst": analyst, "shop": shop}


CASES = [
    # (operation, lowest role allowed)
    ("query($s: ID!) { shop(id: $s) { name members { role } } }", "analyst"),
    ("query($s: ID!) { shop(id: $s) { products { edges { cursor } } } }", "analyst"),
    ("query($s: ID!) { shop(id: $s) { plugins { name config } } }", "editor"),
    (
        'mutation($s: ID!) { setPluginEnabled(shopId: $s, name: "event_store", enabled: true)'
        " { enabled } }",
        "editor",
    ),
    ("query($s: ID!) { shop(id: $s) { storefrontKeys { id } } }", "owner"),
    ("query($s: ID!) { shop(id: $s) { adminTokens { id } } }", "owner"),
    ('mutation($s: ID!) { createStorefrontKey(shopId: $s, name: "k") { key } }', "owner"),
    ('mutation($s: ID!) { updateShop(id: $s, input: {name: "New"}) { name } }', "owner"),
]
RANK = {"analyst": 0, "editor": 1, "owner": 2}


@pytest.mark.parametrize(("operation", "lowest"), CASES)
def test_each_role_gets_exactly_what_it_may(
    team: dict[str, object], operation: str, lowest: str
) -> None:
    for role in ("analyst", "editor", "owner"):
        person = team[role]
        assert isinstance(person, GraphQLClient)
        response = person.post(operation, {"s": team["shop"]}).json()
        if RANK[role] >= RANK[lowest]:
            assert not response.get("errors"), (role, response)
        else:
            assert response["errors"][0]["extensions"]["code"] == "FORBIDDEN", (role, response)


def test_viewer_role_is_reported(team: dict[str, object]) -> None:
    analyst = team["analyst"]
    assert isinstance(analyst, GraphQLClient)
    data = analyst.data("query($s: ID!) { shop(id: $s) { viewerRole } }", {"s": team["shop"]})
    assert data["shop"]["viewerRole"] == "ANALYST"


def test_the_last_owner_cannot_leave_or_be_demoted(team: dict[str, object]) -> None:
    owner = team["owner"]
    assert isinstance(owner, GraphQLClient)
    me = owner.data("{ me { id } }")["me"]["id"]
    demote = "mutation($s: ID!, $u: ID!) { changeMemberRole(shopId: $s, userId: $u, role: EDITOR) { role } }"
    assert owner.code(demote, {"s": team["shop"], "u": me}) == "BAD_USER_INPUT"
    remove = "mutation($s: ID!, $u: ID!) { removeMember(shopId: $s, userId: $u) }"
    assert owner.code(remove, {"s": team["shop"], "u": me}) == "BAD_USER_INPUT"


def test_admin_token_acts_with_its_role_and_stops_when_revoked(team: dict[str, object]) -> None:
    owner = team["owner"]
    assert isinstance(owner, GraphQLClient)
    created = owner.data(
        'mutation($s: ID!) { createAdminToken(shopId: $s, name: "bot", role: ANALYST)'
        " { token adminToken { id prefix role } } }",
        {"s": team["shop"]},
    )["createAdminToken"]
    token = created["token"]
    assert token.startswith(created["adminToken"]["prefix"])
    bot = GraphQLClient(owner.http.__class__(owner.http.app))
    bot.headers = {"authorization": f"Bearer {token}"}
    assert bot.data("query($s: ID!) { shop(id: $s) { name } }", {"s": team["shop"]})
    enable = (
        'mutation($s: ID!) { setPluginEnabled(shopId: $s, name: "event_store", enabled: true)'
        " { enabled } }"
    )
    assert bot.code(enable, {"s": team["shop"]}) == "FORBIDDEN"
    owner.data(
        "mutation($s: ID!, $k: ID!) { revokeAdminToken(shopId: $s, id: $k) { revokedAt } }",
        {"s": team["shop"], "k": created["adminToken"]["id"]},
    )
    response = bot.post("query($s: ID!) { shop(id: $s) { name } }", {"s": team["shop"]})
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    bot.http.close()


def test_owner_tokens_cannot_be_made(team: dict[str, object]) -> None:
    owner = team["owner"]
    assert isinstance(owner, GraphQLClient)
    make = 'mutation($s: ID!) { createAdminToken(shopId: $s, name: "x", role: OWNER) { token } }'
    assert owner.code(make, {"s": team["shop"]}) == "FORBIDDEN"


def test_analysts_see_plugin_state_but_not_configs(team: dict[str, object]) -> None:
    owner, analyst = team["owner"], team["analyst"]
    assert isinstance(owner, GraphQLClient) and isinstance(analyst, GraphQLClient)
    owner.data(
        'mutation($s: ID!) { setPluginEnabled(shopId: $s, name: "event_store", enabled: true) { enabled } }',
        {"s": team["shop"]},
    )
    state = (
        'query($s: ID!) { shop(id: $s) { plugins(search: "event_store") { name enabled health } } }'
    )
    plugins = analyst.data(state, {"s": team["shop"]})["shop"]["plugins"]
    assert plugins == [{"name": "event_store", "enabled": True, "health": "UNKNOWN"}]
    with_config = analyst.post(
        'query($s: ID!) { shop(id: $s) { plugins(search: "event_store") { name config } } }',
        {"s": team["shop"]},
    ).json()
    assert with_config["data"]["shop"]["plugins"] == [{"name": "event_store", "config": None}]
    assert with_config["errors"][0]["extensions"]["code"] == "FORBIDDEN"
