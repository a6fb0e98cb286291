"""Odd requests get clear 4xx answers with stable codes, never a 500."""

from __future__ import annotations

from pathlib import Path

import pytest

from cloudcat.core.settings import Settings
from tests.graphql_client import GraphQLClient

GRAPHQL_PATHS = ["/graphql", "/storefront/graphql"]


def _nested(depth: int) -> bytes:
    return (
        b'{"query": "{ me { email } }", "variables": {"x": ' + b"[" * depth + b"]" * depth + b"}}"
    )


@pytest.fixture
def settings(settings: Settings, tmp_path: Path) -> Settings:
    """The test settings with a built admin SPA to serve."""
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><div id=root></div>")
    (dist / "assets" / "index-abc123.js").write_text("console.log('hi')")
    return settings.model_copy(update={"admin_ui_dist": dist})


@pytest.fixture
def key(client: GraphQLClient) -> str:
    client.sign_up("a@example.com")
    return client.storefront_key(client.create_shop("odd"))


def _headers(key: str) -> dict[str, str]:
    return {"content-type": "application/json", "x-cloudcat-storefront-key": key}


@pytest.mark.parametrize("path", [*GRAPHQL_PATHS, "/collect"])
def test_deeply_nested_bodies_are_a_400(client: GraphQLClient, key: str, path: str) -> None:
    for depth in (100, 5_000, 100_000):
        response = client.http.post(path, content=_nested(depth), headers=_headers(key))
        assert response.status_code == 400, (depth, response.text)
        error = response.json()["errors"][0]
        assert error["extensions"]["code"] == "BAD_REQUEST"
        assert "deeper than" in error["message"]


@pytest.mark.parametrize("path", GRAPHQL_PATHS)
def test_an_unknown_operation_name_is_a_clear_error(
    client: GraphQLClient, key: str, path: str
) -> None:
    body = {"query": "query A { __typename } query B { __typename }", "operationName": "C"}
    response = client.http.post(path, json=body, headers=_headers(key))
    assert response.status_code == 400, response.text
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "BAD_REQUEST"
    assert "'C'" in error["message"]


def test_a_bad_variable_value_is_bad_user_input(client: GraphQLClient, key: str) -> None:
    for value in ({"a": 1}, [1, 2], 1.5, True, None, "x" * 10_000, {"$gt": ""}):
        response = client.post("query($s: ID!) { shop(id: $s) { name } }", {"s": value})
        assert response.status_code == 200, response.text
        code = response.json()["errors"][0]["extensions"]["code"]
        if isinstance(value, str):
            assert code == "NOT_FOUND"  # a string is an ID; this one names no shop
        else:
            assert code == "BAD_USER_INPUT", (value, response.text)


ODD_PATHS = [
    "/admin/index.html%00.js",
    "/admin/%00",
    "/admin/assets/%00x.js",
    "/admin/" + "a" * 5000,
    "/admin/assets/" + "a/" * 3000 + "x.js",
    "/admin/..%2f..%2fetc%2fpasswd",
    "/admin/%5c..%5cpyproject.toml",
    "/admin/%ff%fe",
    "/s/%00/",
    "/s/" + "x" * 5000 + "/",
    "/oauth/%00/callback",
    "/oauth/shopify/callback?state=%00&code=%00",
    "/webhooks/%00/%00",
    "/plugins/%00/x",
    "/graphql?query=%00",
    "/graphql?query={me{email}}&variables=%00",
    "/graphql?query={me{email}}&variables=[[[[1]]]]",
    "/graphql?query={me{email}}&operationName=%00",
    "/storefront/graphql?query={shop{name}}&variables=" + "[" * 5000,
]


def test_odd_paths_are_never_a_500(client: GraphQLClient, key: str) -> None:
    for path in ODD_PATHS:
        response = client.http.get(path, headers={"x-cloudcat-storefront-key": key})
        assert response.status_code < 500, (path, response.status_code, response.text[:300])
    assert client.http.get("/admin/index.html%00.js").status_code == 404


ODD_BODIES: list[bytes] = [
    b"",
    b"null",
    b"[]",
    b"[null]",
    b"[[]]",
    b"42",
    b'"x"',
    b"\xff\xfe",
    b'{"query": "{ __typename }", "variables": []}',
    b'{"query": "{ __typename }", "operationName": 3}',
    b'{"query": "{ __typename }", "extensions": {"persistedQuery": 1}}',
    b'{"query": "\\u0000"}',
    b'{"query": "query($a: [[[Int]]]) { __typename }", "variables": {"a": [[["x"]]]}}',
    b'{"events": "x"}',
    b'{"events": [null, 1, "x", [], {"type": {"a": 1}, "anonymousId": []}]}',
    b'{"events": [{"type": "page_view", "anonymousId": "a", "occurredAt": "x"}]}',
    b'{"events": [{"type": "page_view", "anonymousId": "a", "occurredAt": 1e308}]}',
    b'{"events": [{"type": "page_view", "anonymousId": "a", "occurredAt": "2026-01-01T00:00:00"}]}',
    b'{"events": [{"type": "page_view", "anonymousId": "a", "properties": []}]}',
    b'{"events": [{"type": "page_view", "anonymousId": "a", "properties": {"x": 1e999}}]}',
]


@pytest.mark.parametrize("path", [*GRAPHQL_PATHS, "/collect"])
def test_odd_bodies_are_never_a_500(client: GraphQLClient, key: str, path: str) -> None:
    for body in ODD_BODIES:
        response = client.http.post(path, content=body, headers=_headers(key))
        assert response.status_code < 500, (body, response.status_code, response.text[:300])
        assert isinstance(response.json(), dict | list)


def test_deep_properties_reject_the_event_alone(client: GraphQLClient, key: str) -> None:
    deep: dict[str, object] = {}
    for _ in range(20):
        deep = {"x": deep}
    events = [
        {"type": "page_view", "anonymousId": "a", "properties": deep},
        {"type": "page_view", "anonymousId": "a", "properties": {"a": {"b": {"c": 1}}}},
    ]
    response = client.http.post("/collect", json={"events": events}, headers=_headers(key))
    assert response.status_code == 202, response.text
    rejected = response.json()["rejected"]
    assert [r["index"] for r in rejected] == [0]
    assert "deeper than 8 levels" in rejected[0]["reason"]
