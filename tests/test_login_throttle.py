"""Password guessing is throttled per account and per address, across API processes, batched
guesses included; unknown emails answer in the time a wrong password takes."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from cloudcat.core.app import create_app
from cloudcat.core.services import Services, build_services
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase
from tests.graphql_client import GraphQLClient

LOG_IN = "mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { email } }"
SIGN_UP = "mutation($e: String!, $p: String!) { signUp(email: $e, password: $p) { id } }"
RIGHT = "password-123"


def _log_in(http: TestClient, email: str, password: str) -> dict[str, object]:
    body: dict[str, object] = http.post(
        "/graphql", json={"query": LOG_IN, "variables": {"e": email, "p": password}}
    ).json()
    return body


def _code(body: dict[str, object]) -> str | None:
    errors = body.get("errors")
    assert errors is None or isinstance(errors, list)
    return str(errors[0]["extensions"]["code"]) if errors else None


def test_guesses_are_throttled_per_account_and_success_resets(
    client: GraphQLClient, settings: Settings
) -> None:
    client.sign_up("victim@example.com")
    limit = settings.login_attempts_per_account
    for _ in range(limit):
        assert _code(_log_in(client.http, "victim@example.com", "wrong-guess")) == "UNAUTHENTICATED"
    refused = _log_in(client.http, "Victim@Example.com ", RIGHT)  # the right one, too late
    assert _code(refused) == "RATE_LIMITED"
    errors = refused["errors"]
    assert isinstance(errors, list)
    retry = errors[0]["extensions"]["retryAfter"]
    assert 0 < retry <= settings.login_window_seconds
    # Another account from the same address is not locked by this one.
    client.sign_up("other@example.com")
    assert _code(_log_in(client.http, "other@example.com", RIGHT)) is None


def test_the_limit_holds_across_api_processes(
    settings: Settings, services: Services, client: GraphQLClient
) -> None:
    client.sign_up("victim@example.com")
    with (
        TestClient(create_app(settings, services)) as one,
        TestClient(create_app(settings, services)) as two,
    ):
        for n in range(settings.login_attempts_per_account):
            assert _code(_log_in(one if n % 2 else two, "victim@example.com", "bad")) == (
                "UNAUTHENTICATED"
            )
        assert _code(_log_in(one, "victim@example.com", RIGHT)) == "RATE_LIMITED"
        assert _code(_log_in(two, "victim@example.com", RIGHT)) == "RATE_LIMITED"


def test_a_successful_login_resets_the_account_counter(
    client: GraphQLClient, settings: Settings
) -> None:
    client.sign_up("me@example.com")
    for _ in range(3):
        for _ in range(settings.login_attempts_per_account - 1):
            assert _code(_log_in(client.http, "me@example.com", "typo")) == "UNAUTHENTICATED"
        assert _code(_log_in(client.http, "me@example.com", RIGHT)) is None


def test_each_operation_of_a_batch_counts_and_a_fully_throttled_request_says_retry_after(
    client: GraphQLClient, settings: Settings
) -> None:
    client.sign_up("victim@example.com")
    guesses = [
        {"query": LOG_IN, "variables": {"e": "victim@example.com", "p": f"guess-{n}"}}
        for n in range(settings.graphql_max_batch)
    ]
    response = client.http.post("/graphql", json=guesses)
    codes = [_code(item) for item in response.json()]
    limit = settings.login_attempts_per_account
    assert codes == ["UNAUTHENTICATED"] * limit + ["RATE_LIMITED"] * (len(guesses) - limit)
    assert "retry-after" not in response.headers  # some operations were answered
    again = client.http.post("/graphql", json=guesses[:3])
    assert [_code(item) for item in again.json()] == ["RATE_LIMITED"] * 3
    assert 0 < int(again.headers["retry-after"]) <= settings.login_window_seconds


@pytest.fixture
def strict(settings: Settings, db: RawDatabase) -> Iterator[TestClient]:
    tight = settings.model_copy(update={"login_attempts_per_address": 6, "sign_ups_per_address": 3})
    with TestClient(create_app(tight, build_services(tight, db))) as http:
        yield http


def test_guesses_across_accounts_are_throttled_per_address(strict: TestClient) -> None:
    codes = [_code(_log_in(strict, f"user{n}@example.com", "guess")) for n in range(8)]
    assert codes == ["UNAUTHENTICATED"] * 6 + ["RATE_LIMITED"] * 2


def test_sign_ups_are_throttled_per_address(strict: TestClient) -> None:
    codes = []
    for n in range(4):
        body = strict.post(
            "/graphql", json={"query": SIGN_UP, "variables": {"e": f"s{n}@example.com", "p": RIGHT}}
        ).json()
        codes.append(_code(body))
    assert codes == [None, None, None, "RATE_LIMITED"]


def test_unknown_emails_take_as_long_as_wrong_passwords(
    settings: Settings, db: RawDatabase, client: GraphQLClient
) -> None:
    client.sign_up("known@example.com")
    roomy = settings.model_copy(update={"login_attempts_per_account": 100})
    with TestClient(create_app(roomy, build_services(roomy, db))) as http:

        def fastest(email: str) -> float:
            times = []
            for _ in range(4):
                started = time.perf_counter()
                assert _code(_log_in(http, email, "wrong-guess")) == "UNAUTHENTICATED"
                times.append(time.perf_counter() - started)
            return min(times)

        known, unknown = fastest("known@example.com"), fastest("nobody@example.com")
    assert unknown > known * 0.6, (known, unknown)


def test_finished_windows_are_removed_by_a_ttl_index(db: RawDatabase) -> None:
    indexes = db.login_throttles.index_information().values()
    assert any(
        i.get("expireAfterSeconds") == 0 and i["key"] == [("expires_at", 1)] for i in indexes
    )
