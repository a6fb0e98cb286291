"""Persisted storefront queries (Apollo APQ) and HTTP caching of storefront GETs."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from typing import Any

from bson import ObjectId
from starlette.testclient import TestClient

from cloudcat.core.app import create_app
from cloudcat.core.documents import PersistedQuery, SiteVersion
from cloudcat.core.documents.base import utcnow
from cloudcat.core.services import Services
from cloudcat.core.settings import Settings
from tests.graphql_client import GraphQLClient
from tests.test_storefront_cache import Front, _product

QUERY = "query Teas($n: Int) { shop { slug } products(first: $n) { nodes { title } } }"
SHA = hashlib.sha256(QUERY.encode()).hexdigest()


def _extensions(sha: str = SHA) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": sha}}


def _get(
    http: TestClient, key: str | None, variables: dict[str, Any], *, sha: str = SHA, **headers: str
) -> Any:
    params = {"extensions": json.dumps(_extensions(sha)), "variables": json.dumps(variables)}
    if key is not None:
        params["storefrontKey"] = key
    return http.get("/storefront/graphql", params=params, headers=headers)


def _register(front: Front, query: str = QUERY, sha: str = SHA) -> Any:
    return front.owner.http.post(
        "/storefront/graphql",
        json={"query": query, "variables": {"n": 1}, "extensions": _extensions(sha)},
        headers={"x-cloudcat-storefront-key": front.key},
    )


def test_an_unknown_hash_answers_persisted_query_not_found(client: GraphQLClient) -> None:
    client.sign_up("a@example.com")
    front = Front(client, "first")
    response = _get(client.http, front.key, {"n": 1})
    assert response.status_code == 200
    assert response.json() == {
        "errors": [
            {
                "message": "PersistedQueryNotFound",
                "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"},
            }
        ]
    }
    assert response.headers["cache-control"] == "no-store"


def test_a_registered_query_is_answered_by_get_with_etag_and_cache_headers(
    client: GraphQLClient,
) -> None:
    client.sign_up("a@example.com")
    front = Front(client, "first")
    _product(front.shop_id, "P1", "Longjing", "19.90")
    _product(front.shop_id, "P2", "Oolong", "9.90")
    registered = _register(front)
    assert registered.json()["data"]["products"]["nodes"] == [{"title": "Longjing"}]
    assert PersistedQuery.objects(sha256=SHA).count() == 1

    response = _get(client.http, front.key, {"n": 2})
    assert response.status_code == 200
    assert response.json()["data"] == {
        "shop": {"slug": "first"},
        "products": {"nodes": [{"title": "Longjing"}, {"title": "Oolong"}]},
    }
    assert response.headers["cache-control"] == "public, max-age=10, stale-while-revalidate=60"
    assert "Accept-Language" in response.headers["vary"]
    assert "X-CloudCat-Storefront-Key" in response.headers["vary"]
    etag = response.headers["etag"]
    again = _get(client.http, front.key, {"n": 2}, **{"if-none-match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    # Other variables are another answer with another ETag.
    other = _get(client.http, front.key, {"n": 1}, **{"if-none-match": etag})
    assert other.status_code == 200 and other.headers["etag"] != etag


def test_the_key_may_travel_in_the_header_and_is_still_checked(client: GraphQLClient) -> None:
    client.sign_up("a@example.com")
    front = Front(client, "first")
    _register(front)
    by_header = _get(client.http, None, {"n": 1}, **{"x-cloudcat-storefront-key": front.key})
    assert by_header.json()["data"]["shop"] == {"slug": "first"}
    for key in (None, "ccpk_wrong"):
        refused = _get(client.http, key, {"n": 1})
        assert refused.status_code == 401
        assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_a_wrong_hash_is_refused_and_a_get_never_registers(client: GraphQLClient) -> None:
    client.sign_up("a@example.com")
    front = Front(client, "first")
    wrong = _register(front, sha="0" * 64)
    assert wrong.status_code == 400
    assert wrong.json()["errors"][0]["message"] == "provided sha does not match query"
    by_get = client.http.get(
        "/storefront/graphql",
        params={
            "query": QUERY,
            "variables": json.dumps({"n": 1}),
            "extensions": json.dumps(_extensions()),
            "storefrontKey": front.key,
        },
    )
    assert by_get.json()["data"]["shop"] == {"slug": "first"}
    assert PersistedQuery.objects.count() == 0
    bad_version = client.http.get(
        "/storefront/graphql",
        params={
            "extensions": json.dumps({"persistedQuery": {"version": 2, "sha256Hash": SHA}}),
            "storefrontKey": front.key,
        },
    )
    assert bad_version.status_code == 400


def test_an_invalid_document_is_not_registered(client: GraphQLClient) -> None:
    client.sign_up("a@example.com")
    front = Front(client, "first")
    invalid = "{ products { nope } }"
    answer = _register(front, invalid, hashlib.sha256(invalid.encode()).hexdigest())
    assert answer.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert PersistedQuery.objects.count() == 0


def test_persisted_queries_belong_to_one_shop(client: GraphQLClient) -> None:
    client.sign_up("a@example.com")
    first, second = Front(client, "first"), Front(client, "second")
    _register(first)
    assert _get(client.http, first.key, {"n": 1}).json()["data"]["shop"] == {"slug": "first"}
    other = _get(client.http, second.key, {"n": 1}).json()
    assert other["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


def test_persisted_queries_survive_a_restart_and_are_bounded_per_shop(
    settings: Settings, services: Services
) -> None:
    bounded = settings.model_copy(update={"storefront_persisted_queries_per_shop": 1})
    client = GraphQLClient(TestClient(create_app(bounded, services)))
    client.sign_up("a@example.com")
    front = Front(client, "first")
    _register(front)
    other = "{ shop { name } }"
    other_sha = hashlib.sha256(other.encode()).hexdigest()
    # Past the bound the query still runs; it is just not kept.
    assert _register(front, other, other_sha).json()["data"] == {"shop": {"name": "First"}}
    assert PersistedQuery.objects.count() == 1

    restarted = TestClient(create_app(bounded, services))
    answer = _get(restarted, front.key, {"n": 1}).json()
    assert answer["data"]["shop"] == {"slug": "first"}
    missing = _get(restarted, front.key, {}, sha=other_sha).json()
    assert missing["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


def test_get_answers_are_not_publicly_cacheable_while_a_change_is_overdue(
    client: GraphQLClient,
) -> None:
    client.sign_up("a@example.com")
    front = Front(client, "first")
    _register(front)
    SiteVersion._get_collection().update_one(
        {"_id": ObjectId(front.shop_id)},
        {"$set": {"version": 1, "next_change_at": utcnow() - timedelta(seconds=1)}},
        upsert=True,
    )
    response = _get(client.http, front.key, {"n": 1})
    assert response.json()["data"]["shop"] == {"slug": "first"}
    assert response.headers["cache-control"] == "no-store" and "etag" not in response.headers
    SiteVersion._get_collection().update_one(
        {"_id": ObjectId(front.shop_id)},
        {"$set": {"next_change_at": utcnow() + timedelta(seconds=4)}},
    )
    soon = _get(client.http, front.key, {"n": 1})
    max_age = int(soon.headers["cache-control"].split("max-age=")[1].split(",")[0])
    assert 0 <= max_age <= 4
