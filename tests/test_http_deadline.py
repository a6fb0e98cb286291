"""Every outgoing fetch has a total deadline and a body size cap, against real trickling
loopback servers (requests' own timeouts only bound the gaps between bytes)."""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable

import pytest
import requests
from starlette.testclient import TestClient

from cloudcat.core.app import create_app
from cloudcat.core.http import (
    DeadlineExceeded,
    ResponseTooLarge,
    describe_request_error,
    http_session,
)
from cloudcat.core.services import build_services
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase
from tests.fakes.server import FakeRequest, FakeResponse, LoopbackServer
from tests.fakes.sockets import TrickleServer, trickled
from tests.graphql_client import GraphQLClient

DEADLINE = 2.0
SLACK = 1.5
"""How much later than the deadline a fetch may end (a busy test machine)."""

BODY = b"[" + b",".join([b'{"id": "A1", "title": "Tea", "price": 1}'] * 20) + b"]"


def head(extra: str = "") -> bytes:
    return f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{extra}\r\n".encode()


def chunked(body: bytes) -> list[bytes]:
    """`body` as HTTP chunks of one byte each, then the last chunk."""
    return [b"1\r\n" + body[i : i + 1] + b"\r\n" for i in range(len(body))] + [b"0\r\n\r\n"]


ANSWERS = {
    "with a length": trickled(head(f"Content-Length: {len(BODY)}\r\n"), BODY),
    "until close": trickled(head("Connection: close\r\n"), BODY),
    "chunked": [head("Transfer-Encoding: chunked\r\n"), *chunked(BODY)],
    "in the headers": [bytes([c]) for c in head(f"Content-Length: {len(BODY)}\r\n")],
}

READS: dict[str, Callable[[requests.Session, str], object]] = {
    "content": lambda session, url: session.get(url).content,
    "json": lambda session, url: session.get(url).json(),
    "iter_content": lambda session, url: b"".join(
        session.get(url, stream=True).iter_content(chunk_size=65536)
    ),
}


@pytest.mark.parametrize("answer", ANSWERS)
@pytest.mark.parametrize("read", READS)
def test_a_trickling_answer_fails_at_the_deadline(answer: str, read: str) -> None:
    with TrickleServer(ANSWERS[answer], interval=0.2) as server:
        started = time.monotonic()
        with (
            http_session(timeout=(5.0, 30.0), deadline=DEADLINE) as session,
            pytest.raises(DeadlineExceeded) as caught,
        ):
            READS[read](session, server.url("/feed.json"))
        took = time.monotonic() - started
    assert DEADLINE - 0.1 <= took < DEADLINE + SLACK
    assert server.served == 1  # the deadline covers the retries: none was made
    assert describe_request_error(caught.value, server.url("/feed.json?key=1")) == (
        f"{server.url('/feed.json')}?… did not send its whole answer in time"
    )


def test_a_quick_answer_is_read_whole() -> None:
    with (
        TrickleServer([head(f"Content-Length: {len(BODY)}\r\n") + BODY], 0.0) as server,
        http_session(deadline=DEADLINE) as session,
    ):
        assert session.get(server.url()).content == BODY
        assert session.get(server.url()).json()[0]["id"] == "A1"


class Redirects(LoopbackServer):
    """Each answer redirects to the next path after a pause: a slow chain of redirects."""

    def handle(self, request: FakeRequest) -> FakeResponse:
        time.sleep(0.5)
        step = int(request.path.strip("/") or 0)
        return FakeResponse(302, b"", {"Location": f"/{step + 1}"})


def test_the_deadline_covers_all_redirects() -> None:
    with Redirects() as server, http_session(deadline=DEADLINE) as session:
        started = time.monotonic()
        with pytest.raises(DeadlineExceeded):
            session.get(server.url("/0"))
        assert time.monotonic() - started < DEADLINE + SLACK
        assert 2 <= len(server.requests) <= 6


class Sized(LoopbackServer):
    """Serves `body` with its length, without it (chunked by the handler's close), or gzipped."""

    body = b""
    headers: dict[str, str] = {}  # noqa: RUF012 - set per test

    def handle(self, request: FakeRequest) -> FakeResponse:
        return FakeResponse(200, self.body, dict(self.headers))


def test_bodies_over_the_cap_are_refused() -> None:
    with Sized() as server, http_session(max_body_bytes=1000) as session:
        server.body = b"x" * 1000
        assert len(session.get(server.url()).content) == 1000

        server.body = b"x" * 1001
        with pytest.raises(ResponseTooLarge) as caught:
            session.get(server.url()).raise_for_status()
        assert describe_request_error(caught.value, server.url()) == (
            f"the answer of {server.url()} is larger than 1000 bytes"
        )

        server.body = gzip.compress(b"x" * 5_000_000)  # 5 MB in a few KB
        server.headers = {"Content-Encoding": "gzip"}
        with pytest.raises(ResponseTooLarge):
            b"".join(session.get(server.url(), stream=True).iter_content(8192))


def test_a_body_without_a_length_is_capped_as_it_arrives() -> None:
    body = b"y" * 5000
    with (
        TrickleServer([head("Connection: close\r\n"), body], 0.0) as server,
        http_session(max_body_bytes=4096) as session,
        pytest.raises(ResponseTooLarge),
    ):
        session.get(server.url()).content  # noqa: B018 - reading it is the test


def test_check_plugin_on_a_trickling_feed_answers_within_the_deadline(
    settings: Settings, db: RawDatabase
) -> None:
    """`checkPlugin` on a feed sending a byte every 0.2 s gives up at the configured deadline."""
    quick = settings.model_copy(update={"http_deadline_seconds": DEADLINE})
    app = create_app(quick, build_services(quick, db))
    answer = ANSWERS["with a length"]
    with TrickleServer(answer, interval=0.2) as feed, TestClient(app) as http:
        client = GraphQLClient(http)
        client.sign_up("owner@example.com")
        shop_id = client.create_shop("tea")
        client.data(
            'mutation($s: ID!, $c: JSON!) { configurePlugin(shopId: $s, name: "feed", '
            "config: $c) { name } }",
            {"s": shop_id, "c": {"url": feed.url("/feed.json")}},
        )
        client.data(
            'mutation($s: ID!) { setPluginEnabled(shopId: $s, name: "feed", enabled: true) '
            "{ name } }",
            {"s": shop_id},
        )
        started = time.monotonic()
        checked = client.data(
            'mutation($s: ID!) { checkPlugin(shopId: $s, name: "feed") { health lastError } }',
            {"s": shop_id},
        )["checkPlugin"]
        took = time.monotonic() - started
    assert took < DEADLINE + SLACK
    assert checked["lastError"] == f"{feed.url('/feed.json')} did not send its whole answer in time"


class SlowTurn:
    """A call budget that makes every call wait its turn for `seconds`."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def acquire(self) -> float:
        time.sleep(self.seconds)
        return self.seconds

    def penalize(self, seconds: float) -> None:
        """Not needed here."""


def test_waiting_for_the_call_budget_does_not_count_against_the_deadline() -> None:
    answer = [head(f"Content-Length: {len(BODY)}\r\n") + BODY]
    with (
        TrickleServer(answer, 0.0) as server,
        http_session(deadline=1.0, budget=SlowTurn(1.5)) as session,
    ):
        assert session.get(server.url()).content == BODY
