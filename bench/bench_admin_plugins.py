"""Admin GraphQL: reading a shop's plugins, against a raw Starlette + pymongo endpoint.

Setup: an embedded SecantusDB server (a child process), the real CloudCat app from
`create_app` under uvicorn on a loopback port, and a user, a shop and four plugins enabled and
configured through the admin GraphQL API itself (so the data is exactly what the product writes).

- **subject**: ``POST /graphql`` with the session cookie, reading
  ``shop(id) { plugins { name enabled config health plugin { name kind title } } }``: body
  checks, session and role lookups, GraphQL parsing, validation and execution, the shop's
  ``shop_plugins`` documents through mongoengine, and the plugin catalog.
- **baseline**: ``GET /shops/{id}/plugins`` on a second, minimal Starlette app under its own
  uvicorn server that reads the same ``shop_plugins`` documents with pymongo (secrets left out)
  and returns them as JSON. No auth, no GraphQL: the floor of "HTTP + one MongoDB query".

Both clients are `requests.Session`s (keep-alive) in this process; both servers run in
background threads of this process, so they share its CPU the same way.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import requests
from bson import ObjectId
from pymongo import MongoClient
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from bench.harness import Benchmark, RunConfig
from bench.servers import production_backend, serve_in_thread
from cloudcat.core.app import create_app
from cloudcat.core.services import build_services
from cloudcat.core.storage.database import RawDatabase

NAME = "admin_shop_plugins"
SIZES = (21, 40)  # rounds, iterations per round
QUICK_SIZES = (5, 10)
TIMEOUT = 10.0

SHOP_PLUGINS_QUERY = """
query ShopPlugins($id: ID!) {
  shop(id: $id) { plugins { name enabled config health plugin { name kind title } } }
}
"""

#: (plugin, config, secrets) set up in the shop before measuring.
PLUGIN_SETUP: list[tuple[str, dict[str, Any], dict[str, str] | None]] = [
    ("default_theme", {"headline": "Fresh from the orchard", "accent_color": "#2a7ae2"}, None),
    ("event_store", {}, None),
    ("feed", {"url": "https://feeds.example.com/bench/products.json", "format": "json"}, None),
    (
        "webhook",
        {"url": "https://hooks.example.com/cloudcat"},
        {"secret": "bench-webhook-secret-0123456789"},
    ),
]


class SetupError(RuntimeError):
    """The benchmark's data could not be set up through the API."""


def graphql(
    http: requests.Session, url: str, query: str, variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    """POST one GraphQL operation; return its `data`, raising on any error."""
    response = http.post(url, json={"query": query, "variables": variables or {}}, timeout=TIMEOUT)
    if response.status_code != 200:
        raise SetupError(f"HTTP {response.status_code} from {url}: {response.text[:500]}")
    body = response.json()
    if body.get("errors"):
        raise SetupError(f"GraphQL errors from {url}: {body['errors']}")
    data: dict[str, Any] = body["data"]
    return data


def _json_safe(value: Any) -> Any:
    if isinstance(value, ObjectId):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _json_safe(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_safe(item) for item in value]
    return value


def baseline_app(db: RawDatabase) -> Starlette:
    """The minimal endpoint: one pymongo query over `shop_plugins`, answered as JSON."""
    collection = db["shop_plugins"]

    def shop_plugins(request: Request) -> JSONResponse:
        shop_id = ObjectId(request.path_params["shop_id"])
        docs = collection.find({"shop_id": shop_id}, {"secrets": 0}).sort("name", 1)
        return JSONResponse({"plugins": [_json_safe(doc) for doc in docs]})

    return Starlette(routes=[Route("/shops/{shop_id}/plugins", shop_plugins, methods=["GET"])])


def seed_shop(http: requests.Session, graphql_url: str) -> str:
    """Sign up, create a shop and enable + configure the plugins of `PLUGIN_SETUP`."""
    email = f"bench-{secrets.token_hex(4)}@example.com"
    graphql(
        http,
        graphql_url,
        "mutation($e: String!, $p: String!) { signUp(email: $e, password: $p) { id } }",
        {"e": email, "p": "bench-password-123"},
    )
    shop = graphql(
        http,
        graphql_url,
        'mutation($s: String!) { createShop(slug: $s, input: {name: "Bench shop"}) { id } }',
        {"s": f"bench-{secrets.token_hex(4)}"},
    )
    shop_id = str(shop["createShop"]["id"])
    for name, config, plugin_secrets in PLUGIN_SETUP:
        graphql(
            http,
            graphql_url,
            "mutation($s: ID!, $n: String!) "
            "{ setPluginEnabled(shopId: $s, name: $n, enabled: true) { name } }",
            {"s": shop_id, "n": name},
        )
        graphql(
            http,
            graphql_url,
            "mutation($s: ID!, $n: String!, $c: JSON!, $x: JSON) "
            "{ configurePlugin(shopId: $s, name: $n, config: $c, secrets: $x) { name } }",
            {"s": shop_id, "n": name, "c": config, "x": plugin_secrets},
        )
    return shop_id


def check_same_data(subject: dict[str, Any], baseline: dict[str, Any]) -> None:
    """Both sides must return the same enabled plugins with the same configs."""
    from_graphql = {p["name"]: p["config"] for p in subject["shop"]["plugins"] if p["enabled"]}
    from_pymongo = {p["name"]: p["config"] for p in baseline["plugins"] if p["enabled"]}
    if from_graphql != from_pymongo or len(from_graphql) != len(PLUGIN_SETUP):
        raise SetupError(
            f"the two endpoints disagree: GraphQL {from_graphql} vs pymongo {from_pymongo}"
        )
    if any("secret" in p["config"] for p in subject["shop"]["plugins"]):
        raise SetupError("a secret leaked into the GraphQL answer")


@contextlib.contextmanager
def benchmarks(config: RunConfig) -> Iterator[list[Benchmark]]:
    """Start the database and both servers, seed a shop, and yield the benchmark."""
    rounds, iterations = config.sizes(SIZES, QUICK_SIZES)
    logging.getLogger("cloudcat").setLevel(logging.WARNING)
    with contextlib.ExitStack() as stack:
        settings, db, port = production_backend(stack)
        app = create_app(settings, build_services(settings, db))
        cloudcat_url = stack.enter_context(serve_in_thread(app, port=port, name="cloudcat"))

        raw_client: MongoClient[dict[str, Any]] = MongoClient(settings.mongodb_uri, tz_aware=True)
        stack.callback(raw_client.close)
        raw_db = raw_client[settings.database_name]
        baseline_url = stack.enter_context(
            serve_in_thread(baseline_app(raw_db), name="raw-baseline")
        )

        admin = stack.enter_context(requests.Session())
        raw = stack.enter_context(requests.Session())
        graphql_url = f"{cloudcat_url}/graphql"
        shop_id = seed_shop(admin, graphql_url)
        plugins_url = f"{baseline_url}/shops/{shop_id}/plugins"
        variables = {"id": shop_id}

        def subject() -> dict[str, Any]:
            return graphql(admin, graphql_url, SHOP_PLUGINS_QUERY, variables)

        def baseline() -> dict[str, Any]:
            response = raw.get(plugins_url, timeout=TIMEOUT)
            response.raise_for_status()
            body: dict[str, Any] = response.json()
            return body

        check_same_data(subject(), baseline())
        yield [
            Benchmark(
                name=NAME,
                description=(
                    "admin GraphQL shop.plugins over HTTP with a session cookie vs a raw "
                    "Starlette + pymongo JSON endpoint reading the same shop_plugins documents"
                ),
                baseline=baseline,
                subject=subject,
                rounds=rounds,
                iterations=iterations,
                baseline_label="raw Starlette + pymongo GET",
                subject_label="CloudCat admin GraphQL POST",
                unit="request",
            )
        ]
