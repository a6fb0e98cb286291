"""Logs, request ids, Prometheus metrics and health endpoints for the web processes.

- `configure_logging` sets up stdlib logging: one JSON object per line, or a readable line.
- `request_id` is a context variable holding the current request's id; every record handled by
  the handler `configure_logging` installs carries it (`RequestIdFilter`).
- `RequestContextMiddleware` is a pure ASGI middleware: it sets the request id (the caller's
  `X-Request-ID` when sane, else a fresh one), echoes it in the response, writes one access line
  per request and records request metrics into a `CollectorRegistry` handed to it.
- `health_routes` gives `/healthz` (liveness), `/readyz` (readiness) and `/metrics`.

Metrics go to a registry passed in, never to prometheus_client's global one, so several apps (and
tests) can live in one process.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import traceback
import uuid
import weakref
from collections.abc import Callable, Collection
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import IO, Any

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.exposition import CONTENT_TYPE_LATEST, generate_latest
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "REQUEST_ID_HEADER",
    "HttpMetrics",
    "JsonFormatter",
    "RequestContextMiddleware",
    "RequestIdFilter",
    "TextFormatter",
    "configure_logging",
    "health_routes",
    "http_metrics",
    "request_id",
]

REQUEST_ID_HEADER = "X-Request-ID"
UNMATCHED_ROUTE = "unmatched"
HEALTH_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})

request_id: ContextVar[str | None] = ContextVar("cloudcat_request_id", default=None)
"""The id of the request being served in this context, or None outside a request."""

_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
_HANDLER_NAME = "cloudcat"
_ACCESS_LOGGER = logging.getLogger("cloudcat.access")
# Attributes every LogRecord has; anything else on a record came from `extra=` and is kept.
_STANDARD_RECORD_ATTRS = frozenset(
    vars(logging.LogRecord("", logging.INFO, "", 0, "", None, None)).keys()
) | {"message", "asctime", "request_id", "rid"}


class RequestIdFilter(logging.Filter):
    """Stamp each record with the current `request_id` (None outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Add `record.request_id`; never drops a record."""
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, msg, request_id, exc, plus any `extra=`."""

    def format(self, record: logging.LogRecord) -> str:
        """Render the record as a single-line JSON object."""
        exc: str | None = None
        if record.exc_info:
            exc = "".join(traceback.format_exception(*record.exc_info)).rstrip()
        elif record.exc_text:
            exc = record.exc_text
        payload: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
            "exc": exc,
        }
        for key, value in vars(record).items():
            if key not in _STANDARD_RECORD_ATTRS and key not in payload:
                payload[key] = value
        return json.dumps(payload, default=str, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """A readable line: time, level, logger, [request id], message (and traceback)."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-7s %(name)s [%(rid)s] %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        """Render the record, showing `-` when it belongs to no request."""
        record.rid = getattr(record, "request_id", None) or "-"
        return super().format(record)


def configure_logging(json: bool, level: str, stream: IO[str] | None = None) -> logging.Handler:
    """Send log records at `level` and above to `stream` (stderr by default).

    `json` picks `JsonFormatter` (for log shippers) or `TextFormatter` (for people). The handler
    is installed on the root logger with a `RequestIdFilter`; calling again replaces the handler
    this function installed before and leaves other handlers alone. Returns the handler.
    """
    numeric_level = logging.getLevelName(level.upper())
    if not isinstance(numeric_level, int):
        raise ValueError(f"unknown log level {level!r}")
    handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
    handler.set_name(_HANDLER_NAME)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter() if json else TextFormatter())
    root = logging.getLogger()
    for existing in list(root.handlers):
        if existing.get_name() == _HANDLER_NAME:
            root.removeHandler(existing)
            existing.close()
    root.addHandler(handler)
    root.setLevel(numeric_level)
    return handler


class HttpMetrics:
    """The HTTP request metrics of one registry."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.requests = Counter(
            "cloudcat_http_requests_total",
            "HTTP requests served, by method, route template and status.",
            ("method", "route", "status"),
            registry=registry,
        )
        self.duration = Histogram(
            "cloudcat_http_request_duration_seconds",
            "Time spent serving HTTP requests, by method and route template.",
            ("method", "route"),
            registry=registry,
        )

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        """Count one request and record how long it took."""
        self.requests.labels(method, route, str(status)).inc()
        self.duration.labels(method, route).observe(seconds)


_METRICS: weakref.WeakKeyDictionary[CollectorRegistry, HttpMetrics] = weakref.WeakKeyDictionary()


def http_metrics(registry: CollectorRegistry) -> HttpMetrics:
    """The `HttpMetrics` of `registry`, registered on first use and shared afterwards."""
    metrics = _METRICS.get(registry)
    if metrics is None:
        metrics = _METRICS[registry] = HttpMetrics(registry)
    return metrics


def _incoming_request_id(scope: Scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            candidate = value.decode("latin-1")
            return candidate if _SANE_REQUEST_ID.fullmatch(candidate) else None
    return None


def _route_template(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) and path else UNMATCHED_ROUTE


class RequestContextMiddleware:
    """Pure ASGI middleware giving each HTTP request an id, an access line and metrics.

    The id is the incoming `X-Request-ID` when it is 1-64 characters of `[A-Za-z0-9._-]`,
    otherwise a new random one; it is set in `request_id` for the duration of the request and
    returned in the `X-Request-ID` response header. Metrics are labelled by the matched route's
    path template (`scope["route"].path`, set by Starlette's router; under a `Mount` of routes
    that is the inner route's template) or `unmatched`, never by the raw path, so label
    cardinality stays bounded. Requests to `quiet_paths` (probes, scrapes) are logged at DEBUG.
    Other scope types (lifespan, websocket) pass through untouched.
    """

    def __init__(
        self,
        app: ASGIApp,
        registry: CollectorRegistry,
        logger: logging.Logger | None = None,
        quiet_paths: Collection[str] = HEALTH_PATHS,
    ) -> None:
        self.app = app
        self.metrics = http_metrics(registry)
        self.logger = logger if logger is not None else _ACCESS_LOGGER
        self.quiet_paths = frozenset(quiet_paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one ASGI connection."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = _incoming_request_id(scope) or uuid.uuid4().hex
        token = request_id.set(rid)
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = rid
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            method = scope["method"]
            path = scope["path"]
            self.metrics.observe(method, _route_template(scope), status, elapsed)
            self.logger.log(
                logging.DEBUG if path in self.quiet_paths else logging.INFO,
                "%s %s %d %.1fms",
                method,
                path,
                status,
                elapsed * 1000,
                extra={
                    "method": method,
                    "path": path,
                    "status": status,
                    "duration_ms": round(elapsed * 1000, 3),
                },
            )
            request_id.reset(token)


def health_routes(registry: CollectorRegistry, ready_check: Callable[[], bool]) -> list[Route]:
    """Routes for `/healthz`, `/readyz` and `/metrics`.

    - `/healthz` answers 200 `{"status": "ok"}` whenever the process serves requests.
    - `/readyz` runs the blocking `ready_check` (e.g. a database ping) in a worker thread: 200
      `{"status": "ready"}` when it returns true, else 503 `{"status": "unavailable", "reason"}`
      (an exception counts as not ready; it is logged, and only its type is shown).
    - `/metrics` is the Prometheus text exposition of `registry`.
    """
    logger = logging.getLogger("cloudcat.health")

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> Response:
        try:
            ready = await run_in_threadpool(ready_check)
        except Exception as exc:
            logger.exception("readiness check failed")
            reason = f"readiness check raised {type(exc).__name__}"
        else:
            if ready:
                return JSONResponse({"status": "ready"})
            reason = "readiness check failed"
        return JSONResponse(
            {"status": "unavailable", "reason": reason},
            status_code=503,
            headers={"Cache-Control": "no-store"},
        )

    async def metrics(request: Request) -> Response:
        body = await run_in_threadpool(generate_latest, registry)
        return Response(body, media_type=CONTENT_TYPE_LATEST)

    return [
        Route("/healthz", healthz, methods=["GET"], name="healthz"),
        Route("/readyz", readyz, methods=["GET"], name="readyz"),
        Route("/metrics", metrics, methods=["GET"], name="metrics"),
    ]
