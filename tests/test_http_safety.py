"""Bad requests get clear errors with stable codes, and the server keeps serving."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import strawberry
from starlette.testclient import TestClient

from cloudcat.core.app import create_app
from cloudcat.core.plugin_api import GraphQLContribution, hookimpl
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.services import build_services
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase
from tests.graphql_client import GraphQLClient

ME = "{ me { email } }"


def _still_serving(client: GraphQLClient) -> None:
    assert "me" in client.data(ME)


def test_malformed_json_is_a_400(client: GraphQLClient) -> None:
    response = client.http.post(
        "/graphql", content=b'{"query": ', headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    _still_serving(client)


def test_body_over_the_limit_is_a_413(client: GraphQLClient, settings: Settings) -> None:
    big = b'{"query": "' + b" " * (settings.max_body_bytes + 10) + b'{ me { email } }"}'
    response = client.http.post(
        "/graphql", content=big, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    _still_serving(client)


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("text/plain", '{"query": "mutation { logOut }"}'),
        ("application/x-www-form-urlencoded", "query=mutation%20%7B%20logOut%20%7D"),
    ],
)
def test_simple_cross_site_posts_are_refused(
    client: GraphQLClient, content_type: str, body: str
) -> None:
    response = client.http.post("/graphql", content=body, headers={"content-type": content_type})
    assert response.status_code == 415
    assert response.json()["errors"][0]["extensions"]["code"] == "UNSUPPORTED_MEDIA_TYPE"


def test_mutations_are_refused_over_get_but_queries_work(client: GraphQLClient) -> None:
    refused = client.http.get("/graphql", params={"query": "mutation { logOut }"})
    assert refused.status_code == 405
    assert refused.json()["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"
    ok = client.http.get("/graphql", params={"query": ME})
    assert ok.json() == {"data": {"me": None}}


def test_batches_are_capped(client: GraphQLClient, settings: Settings) -> None:
    batch = [{"query": ME}] * 2
    assert client.http.post("/graphql", json=batch).json() == [{"data": {"me": None}}] * 2
    too_many = [{"query": ME}] * (settings.graphql_max_batch + 1)
    response = client.http.post("/graphql", json=too_many)
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BATCH_TOO_LARGE"


def test_wrong_shapes_and_syntax_errors_have_codes(client: GraphQLClient) -> None:
    response = client.http.post("/graphql", json={"query": 42})
    assert response.status_code == 400
    assert client.code("{ me { ") == "GRAPHQL_PARSE_FAILED"
    assert client.code("{ nope }") == "GRAPHQL_VALIDATION_FAILED"
    assert client.code("query($x: Int!) { me { email } }", {"x": "seven"}) == "BAD_USER_INPUT"
    assert client.code('query { shop(id: "not-an-id") { id } }') == "UNAUTHENTICATED"


def test_too_deep_and_too_costly_queries_are_refused(client: GraphQLClient) -> None:
    client.sign_up("a@example.com")
    shop = client.create_shop("deep")
    costly = (
        "query($s: ID!) { a: shop(id: $s) { products(first: 100) { edges { node { id title "
        "price { amount } } } } } b: shop(id: $s) { products(first: 100) { edges { node { id "
        "title price { amount currencyCode } } } } } shops(first: 100) { edges { node { "
        "products(first: 100) { edges { node { id } } } } } } }"
    )
    error = client.error(costly, {"s": shop})
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY"
    aliases = "{ " + " ".join(f"a{i}: me {{ email }}" for i in range(40)) + " }"
    assert client.code(aliases) == "TOO_MANY_ALIASES"
    _still_serving(client)


def test_queries_deeper_than_the_limit_are_refused(
    settings: Settings, services: object, db: RawDatabase
) -> None:
    shallow = settings.model_copy(update={"graphql_max_depth": 4})
    with TestClient(create_app(shallow, build_services(shallow, db))) as http:
        client = GraphQLClient(http)
        client.sign_up("a@example.com")
        client.create_shop("deep")
        deep = "{ shops { edges { node { members { user { id } } } } } }"
        error = client.error(deep)
        assert error["extensions"]["code"] == "QUERY_TOO_DEEP"
        assert client.data("{ shops { edges { cursor } } }")


@strawberry.type
class _BoomQuery:
    @strawberry.field
    def boom(self) -> int:
        raise RuntimeError("secret database password in a stack trace")


class _BoomPlugin:
    @hookimpl
    def cloudcat_admin_graphql(self) -> GraphQLContribution:
        return GraphQLContribution(query=_BoomQuery)


@pytest.fixture
def production_client(settings: Settings, db: RawDatabase) -> Iterator[GraphQLClient]:
    production = settings.model_copy(update={"environment": "production"})
    plugins = create_plugin_manager(extra=[("boom", _BoomPlugin())])
    with TestClient(create_app(production, build_services(production, db, plugins))) as http:
        yield GraphQLClient(http)


def test_production_masks_internal_errors_and_hides_introspection(
    production_client: GraphQLClient,
) -> None:
    error = production_client.error("{ boom }")
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert "secret" not in error["message"]
    assert production_client.error("{ __schema { types { name } } }")
    suggestion = production_client.error("{ mee { email } }")
    assert "Did you mean" not in suggestion["message"]
    html = production_client.http.get("/graphql", headers={"accept": "text/html"})
    assert html.status_code == 400
    _still_serving(production_client)


def test_development_serves_graphiql(
    client: GraphQLClient, settings: Settings, db: RawDatabase
) -> None:
    development = settings.model_copy(update={"environment": "development"})
    with TestClient(create_app(development, build_services(development, db))) as http:
        page = http.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()
