"""The example front-end (examples/storefront-example): served over a real socket, its queries
parsed from its JavaScript, valid against the storefront schema, and answered through the
persisted-query flow the page uses."""

from __future__ import annotations

import functools
import hashlib
import json
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.request import urlopen

import pytest
from graphql import parse, validate

from cloudcat.core.services import Services
from cloudcat.core.settings import Settings
from cloudcat.schema.build import build_storefront_schema
from tests.graphql_client import GraphQLClient
from tests.test_storefront_cache import Front, _product

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "storefront-example"
QUERY_IN_JS = re.compile(r"const (\w+) = /\* GraphQL \*/ `([^`]*)`;")


@pytest.fixture
def example_url() -> Iterator[str]:
    """The example folder served by a static HTTP server on a loopback port."""
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(EXAMPLE))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _fetch(url: str) -> str:
    with urlopen(url, timeout=10) as response:
        assert response.status == 200
        return str(response.read().decode())


def _queries(example_url: str) -> dict[str, str]:
    page = _fetch(f"{example_url}/index.html")
    assert '<script src="app.js">' in page and 'href="style.css"' in page
    assert "grid" in _fetch(f"{example_url}/style.css")
    return dict(QUERY_IN_JS.findall(_fetch(f"{example_url}/app.js")))


def test_the_examples_queries_are_valid_against_the_storefront_schema(
    example_url: str, settings: Settings, services: Services
) -> None:
    queries = _queries(example_url)
    assert set(queries) == {"SHOP_QUERY", "PRODUCTS_QUERY", "PRODUCT_QUERY"}
    schema = build_storefront_schema(settings, services.plugins)._schema
    for name, query in queries.items():
        assert validate(schema, parse(query)) == [], name
    broken = queries["PRODUCT_QUERY"].replace("salePrice", "noSuchField")
    assert validate(schema, parse(broken)) != []


def _as_the_page_does(front: Front, query: str, variables: dict[str, Any]) -> Any:
    """GET by hash; on PersistedQueryNotFound, POST to register (what app.js does)."""
    extensions = {
        "persistedQuery": {"version": 1, "sha256Hash": hashlib.sha256(query.encode()).hexdigest()}
    }
    params = {
        "storefrontKey": front.key,
        "variables": json.dumps(variables),
        "extensions": json.dumps(extensions),
    }
    http = front.owner.http
    body = http.get("/storefront/graphql", params=params).json()
    codes = [e["extensions"]["code"] for e in body.get("errors", [])]
    if codes == ["PERSISTED_QUERY_NOT_FOUND"]:
        body = http.post(
            "/storefront/graphql",
            json={"query": query, "variables": variables, "extensions": extensions},
            headers={"x-cloudcat-storefront-key": front.key},
        ).json()
        assert http.get("/storefront/graphql", params=params).json() == body
    assert "errors" not in body, body
    return body["data"]


def test_the_examples_queries_answer_through_persisted_queries(
    example_url: str, client: GraphQLClient
) -> None:
    queries = _queries(example_url)
    client.sign_up("a@example.com")
    front = Front(client, "first")
    _product(front.shop_id, "P1", "Longjing", "19.90")
    _product(front.shop_id, "P2", "Oolong", "9.90")
    shop = _as_the_page_does(front, queries["SHOP_QUERY"], {})
    assert shop["shop"]["name"] == "First"
    listed = _as_the_page_does(
        front, queries["PRODUCTS_QUERY"], {"first": 12, "after": None, "search": None}
    )
    nodes = [edge["node"] for edge in listed["products"]["edges"]]
    assert [n["title"] for n in nodes] == ["Longjing", "Oolong"]
    found = _as_the_page_does(
        front, queries["PRODUCTS_QUERY"], {"first": 12, "after": None, "search": "oolong"}
    )
    assert [e["node"]["title"] for e in found["products"]["edges"]] == ["Oolong"]
    product = _as_the_page_does(front, queries["PRODUCT_QUERY"], {"handle": nodes[0]["handle"]})
    assert product["productByHandle"]["price"] == {"amount": "19.90", "currencyCode": "CNY"}
