"""The storefront prices what a query really costs: repeated fields are priced (and refused
before graphql-core validates them), the per-key budget counts cost rather than requests, and a
heavy query does not hold up other requests (execution runs off the event loop)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from starlette.testclient import TestClient

from cloudcat.core.app import create_app
from cloudcat.core.services import Services
from cloudcat.core.settings import Settings
from tests.graphql_client import GraphQLClient

REPEATED = "{ " + " ".join(["shop { name }"] * 400) + " }"
PAGE = "{ products(first: 20) { nodes { id title } } }"  # 1 + 20 x (1 + 2) = 61


def _storefront(
    settings: Settings, services: Services, slug: str, **changes: object
) -> Callable[[str], Any]:
    """A poster of storefront queries with a new shop's key, on an app with `changes`."""
    client = GraphQLClient(TestClient(create_app(settings.model_copy(update=changes), services)))
    client.sign_up(f"{slug}@example.com")
    key = client.storefront_key(client.create_shop(slug))

    def post(query: str) -> Any:
        return client.post(
            query, path="/storefront/graphql", headers={"x-cloudcat-storefront-key": key}
        )

    return post


def test_repeated_fields_are_priced_and_refused(client: GraphQLClient) -> None:
    assert 4_000 < len(REPEATED) < 6_000
    client.sign_up("a@example.com")
    key = client.storefront_key(client.create_shop("first"))
    error = client.error(
        REPEATED, path="/storefront/graphql", headers={"x-cloudcat-storefront-key": key}
    )
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert error["extensions"]["cost"] >= 400 * 399 // 2  # each pair the merge check compares
    few = client.data(
        "{ " + " ".join(["shop { name }"] * 3) + " }",
        path="/storefront/graphql",
        headers={"x-cloudcat-storefront-key": key},
    )
    assert few["shop"]["name"] == "First"


def test_the_storefront_budget_counts_cost_not_requests(
    settings: Settings, services: Services
) -> None:
    post = _storefront(settings, services, "first", storefront_cost_per_minute=100)
    assert [post(PAGE).status_code for _ in range(3)] == [200, 200, 429]

    cheap = _storefront(settings, services, "second", storefront_cost_per_minute=100)
    # `{ shop { name } }` costs 2: the same budget allows far more of them.
    assert all(cheap("{ shop { name } }").status_code == 200 for _ in range(30))


def test_a_heavy_query_does_not_hold_up_health_checks(
    settings: Settings, services: Services
) -> None:
    lenient = settings.model_copy(update={"graphql_max_cost": 10**9})
    finished: list[str] = []
    with TestClient(create_app(lenient, services)) as http:
        client = GraphQLClient(http)
        client.sign_up("a@example.com")
        key = client.storefront_key(client.create_shop("first"))
        started = threading.Event()

        def heavy() -> None:
            started.set()
            answer = http.post(
                "/storefront/graphql",
                json={"query": REPEATED},
                headers={"x-cloudcat-storefront-key": key},
            )
            assert answer.status_code == 200
            finished.append("heavy")

        thread = threading.Thread(target=heavy)
        thread.start()
        started.wait()
        time.sleep(0.5)  # the heavy query is being validated now (that takes seconds)
        for _ in range(5):
            assert http.get("/healthz").status_code == 200
        finished.append("healthz")
        thread.join()
    assert finished == ["healthz", "heavy"]
