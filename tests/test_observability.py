"""Request ids, access logs, metrics and health endpoints, through a small app built inline."""

from __future__ import annotations

import io
import json
import logging
import re
import socket
import threading
from collections.abc import Callable, Iterator

import pytest
from prometheus_client import CollectorRegistry
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from pymongo import MongoClient
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.testclient import TestClient

from cloudcat.core.observability import (
    RequestContextMiddleware,
    configure_logging,
    health_routes,
    request_id,
)
from cloudcat.core.storage.database import RawDatabase

GENERATED_ID = re.compile(r"[0-9a-f]{32}")


def item(request: Request) -> Response:
    """A sync endpoint (run in a worker thread) that logs and reports the request id it sees."""
    logging.getLogger("tests.endpoint").info("serving item %s", request.path_params["item_id"])
    return JSONResponse({"item": request.path_params["item_id"], "request_id": request_id.get()})


async def boom(request: Request) -> Response:
    raise RuntimeError("kaput")


def make_app(
    registry: CollectorRegistry, ready_check: Callable[[], bool] = lambda: True
) -> Starlette:
    return Starlette(
        routes=[
            *health_routes(registry, ready_check),
            Route("/items/{item_id}", item),
            Route("/boom", boom),
            Route("/plain", lambda request: PlainTextResponse("plain")),
        ],
        middleware=[Middleware(RequestContextMiddleware, registry=registry)],
    )


@pytest.fixture
def registry() -> CollectorRegistry:
    return CollectorRegistry()


def client_for(app: Starlette) -> TestClient:
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def client(registry: CollectorRegistry) -> Iterator[TestClient]:
    with client_for(make_app(registry)) as test_client:
        yield test_client


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def json_lines(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line]


# --- request ids -------------------------------------------------------------------------------


def test_incoming_request_id_is_kept_and_visible_to_the_endpoint(
    client: TestClient,
) -> None:
    response = client.get("/items/7", headers={"X-Request-ID": "abc-123_x.y"})
    assert response.status_code == 200
    assert response.headers["X-Request-ID"] == "abc-123_x.y"
    assert response.json() == {"item": "7", "request_id": "abc-123_x.y"}


def test_request_id_is_generated_when_missing(client: TestClient) -> None:
    first = client.get("/items/1")
    second = client.get("/items/1")
    assert GENERATED_ID.fullmatch(first.headers["X-Request-ID"])
    assert first.json()["request_id"] == first.headers["X-Request-ID"]
    assert first.headers["X-Request-ID"] != second.headers["X-Request-ID"]


@pytest.mark.parametrize(
    "incoming",
    [b"has space", b"x" * 65, b"semi;colon", "\u00fcn\u00efcode".encode(), b"", b"back\\slash"],
)
def test_insane_request_id_is_replaced(client: TestClient, incoming: bytes) -> None:
    response = client.get("/items/1", headers={b"X-Request-ID": incoming})
    assert GENERATED_ID.fullmatch(response.headers["X-Request-ID"])


def test_request_id_of_64_characters_is_accepted(client: TestClient) -> None:
    incoming = "A" * 64
    response = client.get("/plain", headers={"X-Request-ID": incoming})
    assert response.headers["X-Request-ID"] == incoming


def test_request_id_is_cleared_after_the_request(client: TestClient) -> None:
    client.get("/items/1", headers={"X-Request-ID": "done"})
    assert request_id.get() is None


def test_failing_endpoint_still_counts_as_500_with_its_route(
    client: TestClient, registry: CollectorRegistry
) -> None:
    response = client.get("/boom")
    assert response.status_code == 500
    count = registry.get_sample_value(
        "cloudcat_http_requests_total", {"method": "GET", "route": "/boom", "status": "500"}
    )
    assert count == 1.0


# --- metrics -----------------------------------------------------------------------------------


def test_metrics_count_requests_by_route_template(client: TestClient) -> None:
    client.get("/items/1")
    client.get("/items/2")
    client.get("/nowhere/at/all")
    client.post("/items/3")

    response = client.get("/metrics")

    assert response.status_code == 200
    assert response.headers["content-type"] == CONTENT_TYPE_LATEST
    text = response.text
    assert (
        'cloudcat_http_requests_total{method="GET",route="/items/{item_id}",status="200"} 2.0'
        in text
    )
    assert 'cloudcat_http_requests_total{method="GET",route="unmatched",status="404"} 1.0' in text
    assert (
        'cloudcat_http_requests_total{method="POST",route="/items/{item_id}",status="405"} 1.0'
        in text
    )
    assert (
        'cloudcat_http_request_duration_seconds_count{method="GET",route="/items/{item_id}"} 2.0'
        in text
    )
    assert "/items/1" not in text
    assert "/nowhere" not in text


def test_apps_with_their_own_registries_do_not_mix() -> None:
    one, two = CollectorRegistry(), CollectorRegistry()
    with client_for(make_app(one)) as client_one, client_for(make_app(two)) as client_two:
        client_one.get("/plain")
        client_one.get("/plain")
        client_two.get("/plain")
    labels = {"method": "GET", "route": "/plain", "status": "200"}
    assert one.get_sample_value("cloudcat_http_requests_total", labels) == 2.0
    assert two.get_sample_value("cloudcat_http_requests_total", labels) == 1.0


def test_two_apps_may_share_one_registry(registry: CollectorRegistry) -> None:
    with client_for(make_app(registry)) as first, client_for(make_app(registry)) as second:
        first.get("/plain")
        second.get("/plain")
    labels = {"method": "GET", "route": "/plain", "status": "200"}
    assert registry.get_sample_value("cloudcat_http_requests_total", labels) == 2.0


# --- health ------------------------------------------------------------------------------------


def test_healthz_is_ok(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_pings_the_real_database(registry: CollectorRegistry, db: RawDatabase) -> None:
    threads: list[str] = []

    def ping() -> bool:
        threads.append(threading.current_thread().name)
        return bool(db.command("ping").get("ok"))

    with client_for(make_app(registry, ping)) as test_client:
        response = test_client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready"}
    assert threads and threads[0].startswith("AnyIO worker thread")


def test_readyz_is_503_when_the_check_says_no(registry: CollectorRegistry) -> None:
    with client_for(make_app(registry, lambda: False)) as test_client:
        response = test_client.get("/readyz")
        live = test_client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "reason": "readiness check failed"}
    assert live.status_code == 200


def test_readyz_is_503_when_the_database_is_unreachable(registry: CollectorRegistry) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    dead: MongoClient[dict[str, object]] = MongoClient(
        f"mongodb://127.0.0.1:{port}/", serverSelectionTimeoutMS=200, connectTimeoutMS=200
    )

    def ping() -> bool:
        return bool(dead.admin.command("ping").get("ok"))

    try:
        with client_for(make_app(registry, ping)) as test_client:
            response = test_client.get("/readyz")
    finally:
        dead.close()
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["reason"] == "readiness check raised ServerSelectionTimeoutError"


# --- logging -----------------------------------------------------------------------------------


@pytest.mark.usefixtures("restore_logging")
def test_json_logs_carry_the_request_id(client: TestClient) -> None:
    stream = io.StringIO()
    configure_logging(json=True, level="INFO", stream=stream)

    response = client.get("/items/9", headers={"X-Request-ID": "trace-me"})
    logging.getLogger("tests.outside").warning("no request here")

    lines = json_lines(stream)
    endpoint = next(line for line in lines if line["logger"] == "tests.endpoint")
    assert endpoint["msg"] == "serving item 9"
    assert endpoint["request_id"] == "trace-me"
    assert endpoint["level"] == "INFO"
    assert endpoint["exc"] is None
    assert isinstance(endpoint["ts"], str)
    assert endpoint["ts"].endswith("+00:00")

    access = next(line for line in lines if line["logger"] == "cloudcat.access")
    assert access["request_id"] == response.headers["X-Request-ID"] == "trace-me"
    assert access["method"] == "GET"
    assert access["path"] == "/items/9"
    assert access["status"] == 200
    assert isinstance(access["duration_ms"], float)
    assert isinstance(access["msg"], str)
    assert access["msg"].startswith("GET /items/9 200 ")

    outside = next(line for line in lines if line["logger"] == "tests.outside")
    assert outside["request_id"] is None


@pytest.mark.usefixtures("restore_logging")
def test_json_logs_include_exceptions() -> None:
    stream = io.StringIO()
    configure_logging(json=True, level="INFO", stream=stream)
    try:
        raise ValueError("bad value")
    except ValueError:
        logging.getLogger("tests.exc").exception("it failed")
    (line,) = (line for line in json_lines(stream) if line["logger"] == "tests.exc")
    assert line["level"] == "ERROR"
    assert isinstance(line["exc"], str)
    assert "ValueError: bad value" in line["exc"]


@pytest.mark.usefixtures("restore_logging")
def test_probe_requests_are_logged_at_debug_only(client: TestClient) -> None:
    stream = io.StringIO()
    configure_logging(json=True, level="INFO", stream=stream)
    client.get("/healthz")
    assert [line for line in json_lines(stream) if line["logger"] == "cloudcat.access"] == []

    configure_logging(json=True, level="DEBUG", stream=stream)
    client.get("/healthz")
    access = [line for line in json_lines(stream) if line["logger"] == "cloudcat.access"]
    assert [line["path"] for line in access] == ["/healthz"]


@pytest.mark.usefixtures("restore_logging")
def test_readable_logs_show_the_request_id(client: TestClient) -> None:
    stream = io.StringIO()
    configure_logging(json=False, level="INFO", stream=stream)
    client.get("/items/5", headers={"X-Request-ID": "readable-1"})
    logging.getLogger("tests.outside").info("between requests")
    lines = stream.getvalue().splitlines()
    assert any("tests.endpoint [readable-1] serving item 5" in line for line in lines)
    assert any("cloudcat.access [readable-1] GET /items/5 200" in line for line in lines)
    assert any("tests.outside [-] between requests" in line for line in lines)
    with pytest.raises(json.JSONDecodeError):
        json.loads(lines[0])


@pytest.mark.usefixtures("restore_logging")
def test_configure_logging_replaces_only_its_own_handler() -> None:
    root = logging.getLogger()
    other = logging.NullHandler()
    root.addHandler(other)
    try:
        first = configure_logging(json=True, level="warning", stream=io.StringIO())
        second = configure_logging(json=False, level="ERROR", stream=io.StringIO())
        assert first not in root.handlers
        assert second in root.handlers
        assert other in root.handlers
        assert root.level == logging.ERROR
    finally:
        root.removeHandler(other)


def test_configure_logging_rejects_an_unknown_level() -> None:
    with pytest.raises(ValueError, match="unknown log level"):
        configure_logging(json=True, level="LOUD")
