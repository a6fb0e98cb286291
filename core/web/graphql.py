"""The GraphQL HTTP endpoints (admin and storefront) in front of strawberry.

Hand-written rather than strawberry's ASGI view so that every safety rule is in one place:
a body size limit, JSON-only POSTs (CSRF), queries only over GET, capped batches, credential
checks before execution, per-key rate limits on the storefront, stable `extensions.code` on
every error and no internal detail leaking outside development.

The storefront endpoint also serves published answers from `StorefrontCache` (see
`cloudcat.core.web.storefront_cache`: keyed by shop, document, variables, locale and site
version, never stale), accepts Apollo's automatic persisted queries
(`cloudcat.core.web.persisted_queries`), and gives GET answers an ETag, a public Cache-Control
(short `max-age` plus `stale-while-revalidate`, never past the shop's next scheduled change) and
a 304 when `If-None-Match` holds that ETag, so a CDN can serve them. A GET may carry the
publishable key in the `storefrontKey` query parameter instead of the header, which is what a
CDN caches best (the answer's URL then names its shop).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from graphql import GraphQLError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from strawberry.http.ides import get_graphql_ide_html
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from cloudcat.core import site_version
from cloudcat.core.auth import (
    SESSION_COOKIE,
    STOREFRONT_KEY_PREFIX,
    StorefrontKeyCache,
    Viewer,
    shop_for_storefront_key,
    user_for_session,
    viewer_for_bearer,
)
from cloudcat.core.documents.base import utcnow
from cloudcat.core.errors import CloudCatError
from cloudcat.core.services import Services
from cloudcat.core.settings import Settings
from cloudcat.core.site_version import SiteState
from cloudcat.core.web.bodies import RequestRejected, parse_json, read_body, require_json
from cloudcat.core.web.persisted_queries import (
    PERSISTED_QUERY_NOT_FOUND,
    PERSISTED_QUERY_NOT_SUPPORTED,
    PersistedQueries,
)
from cloudcat.core.web.ratelimit import RateLimiter
from cloudcat.core.web.storefront_cache import (
    CachedAnswer,
    DocumentHashes,
    StorefrontCache,
    cache_key,
    etag_of,
    text_hash,
)
from cloudcat.schema.build import CloudCatSchema
from cloudcat.schema.context import Context

log = logging.getLogger(__name__)

Endpoint = Callable[[Request], Awaitable[Response]]
Authenticate = Callable[[Request, Context], Awaitable[None]]

_SHA256 = re.compile(r"[0-9a-f]{64}")
STOREFRONT_KEY_PARAM = "storefrontKey"
"""The query parameter a storefront GET may carry its publishable key in."""


def format_error(error: GraphQLError, development: bool) -> dict[str, Any]:
    """A GraphQL error as sent to clients, always with `extensions.code`."""
    formatted: dict[str, Any] = dict(error.formatted)
    original = error.original_error
    if isinstance(original, CloudCatError):
        extensions: dict[str, Any] = {"code": original.code}
        if original.fields:
            extensions["fields"] = [f.as_dict() for f in original.fields]
        extensions.update(original.extensions)
        formatted["message"] = original.message
    elif original is None:
        extensions = dict(error.extensions or {})
        if "code" not in extensions:
            if error.message.startswith("Syntax Error"):
                extensions["code"] = "GRAPHQL_PARSE_FAILED"
            elif error.message.startswith("Variable "):
                extensions["code"] = "BAD_USER_INPUT"
            else:
                extensions["code"] = "GRAPHQL_VALIDATION_FAILED"
    elif isinstance(original, GraphQLError) and error.message.startswith("Variable "):
        extensions = {"code": "BAD_USER_INPUT"}  # a variable value its type cannot take
    else:
        extensions = {"code": "INTERNAL_SERVER_ERROR"}
        if not development:
            formatted["message"] = "Internal server error"
    formatted["extensions"] = extensions
    return formatted


@dataclass(frozen=True)
class Operation:
    """One operation of a request: its query text (None when only a persisted query's hash
    was sent), variables, operation name and persisted-query hash."""

    query: str | None
    variables: dict[str, Any] | None
    name: str | None
    sha256: str | None


def _persisted_hash(raw: dict[str, Any]) -> str | None:
    extensions = raw.get("extensions")
    if extensions is None:
        return None
    if not isinstance(extensions, dict):
        raise RequestRejected(400, "BAD_REQUEST", "`extensions` must be a JSON object")
    persisted = extensions.get("persistedQuery")
    if persisted is None:
        return None
    if not isinstance(persisted, dict) or persisted.get("version") != 1:
        raise RequestRejected(
            400, "BAD_REQUEST", "unsupported persisted query version: send `version: 1`"
        )
    sha = persisted.get("sha256Hash")
    if not isinstance(sha, str) or not _SHA256.fullmatch(sha):
        raise RequestRejected(
            400, "BAD_REQUEST", "`persistedQuery.sha256Hash` must be a lowercase SHA-256 (hex)"
        )
    return sha


def _operation(raw: Any) -> Operation:
    if not isinstance(raw, dict):
        raise RequestRejected(400, "BAD_REQUEST", "each operation must be a JSON object")
    sha = _persisted_hash(raw)
    query = raw.get("query")
    if query is None and sha is not None:
        pass  # a persisted query sent by its hash alone
    elif not isinstance(query, str) or not query.strip():
        raise RequestRejected(400, "BAD_REQUEST", "`query` must be a non-empty string")
    variables = raw.get("variables")
    if variables is not None and not isinstance(variables, dict):
        raise RequestRejected(400, "BAD_REQUEST", "`variables` must be a JSON object")
    name = raw.get("operationName")
    if name is not None and not isinstance(name, str):
        raise RequestRejected(400, "BAD_REQUEST", "`operationName` must be a string")
    return Operation(query, variables, name, sha)


def _no_such_operation(name: str | None) -> str:
    if name is None:
        return "the document has several operations: name the one to run in `operationName`"
    return f"the document has no operation named {name!r}"


def _from_query_string(request: Request) -> Any:
    params = request.query_params
    parsed: dict[str, Any] = {}
    for name in ("variables", "extensions"):
        if params.get(name):
            parsed[name] = parse_json(params[name].encode())
    return {
        "query": params.get("query"),
        "operationName": params.get("operationName"),
        **parsed,
    }


def _json(payload: Any) -> bytes:
    """A payload as JSON bytes, exactly as Starlette's `JSONResponse` renders it."""
    return json.dumps(
        payload, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")
    ).encode("utf-8")


@dataclass
class Outcome:
    """The answer to one operation: its JSON bytes, its formatted errors, and whether (and for
    how long) HTTP caches may keep it (`max_age` None: not at all)."""

    body: bytes
    errors: list[dict[str, Any]] = field(default_factory=list)
    max_age: int | None = None
    etag: str | None = None
    cache: str = "off"  # what the answer cache did: "hit", "miss" (now kept) or "off"


@dataclass
class StorefrontServing:
    """What the storefront endpoint adds to the admin's: the answer cache (None: disabled),
    persisted queries and the Cache-Control of cacheable GET answers."""

    cache: StorefrontCache | None
    persisted: PersistedQueries
    documents: DocumentHashes
    max_age: int
    stale_while_revalidate: int

    @classmethod
    def from_settings(cls, settings: Settings) -> StorefrontServing:
        """The storefront's serving pieces as `settings` configure them."""
        cache = StorefrontCache(settings.storefront_cache_max_bytes)
        return cls(
            cache=cache if settings.storefront_cache else None,
            persisted=PersistedQueries(settings.storefront_persisted_queries_per_shop),
            documents=DocumentHashes(),
            max_age=settings.storefront_http_max_age_seconds,
            stale_while_revalidate=settings.storefront_http_stale_seconds,
        )

    def http_max_age(self, state: SiteState, now: datetime) -> int | None:
        """How long an HTTP cache may keep an answer of a shop in `state` (None: not at all)."""
        if not state.cacheable(now):
            return None
        if state.valid_until is None:
            return self.max_age
        return max(0, min(self.max_age, int((state.valid_until - now).total_seconds())))


PERSISTED_QUERY_NOT_FOUND_ANSWER = _json(
    {
        "errors": [
            {
                "message": "PersistedQueryNotFound",
                "extensions": {"code": PERSISTED_QUERY_NOT_FOUND},
            }
        ]
    }
)
"""Apollo clients send the query text when they read this message (or this code)."""

PERSISTED_QUERY_NOT_SUPPORTED_ANSWER = _json(
    {
        "errors": [
            {
                "message": "PersistedQueryNotSupported",
                "extensions": {"code": PERSISTED_QUERY_NOT_SUPPORTED},
            }
        ]
    }
)


def graphql_endpoint(
    schema: CloudCatSchema,
    services: Services,
    authenticate: Authenticate,
    storefront: StorefrontServing | None = None,
) -> Endpoint:
    """Build the Starlette endpoint serving `schema` (the storefront's with `storefront`)."""
    settings = services.settings

    async def execute(
        operation: Operation, context: Context, allowed: frozenset[OperationType]
    ) -> tuple[ExecutionResult, dict[str, Any]]:
        try:
            result = await schema.execute(
                operation.query,
                variable_values=operation.variables,
                context_value=context,
                operation_name=operation.name,
                allowed_operation_types=allowed,
            )
        except InvalidOperationTypeError as exc:
            raise RequestRejected(
                405, "METHOD_NOT_ALLOWED", "mutations are only accepted in POST requests"
            ) from exc
        except CannotGetOperationTypeError as exc:
            raise RequestRejected(400, "BAD_REQUEST", _no_such_operation(operation.name)) from exc
        payload: dict[str, Any] = {"data": result.data}
        if result.errors:
            payload["errors"] = [format_error(e, settings.development) for e in result.errors]
        return result, payload

    def answer(
        raw: Any,
        context: Context,
        allowed: frozenset[OperationType],
        get: bool,
        run: Callable[[Coroutine[Any, Any, Any]], Any],
    ) -> Outcome:
        """Answer one operation (in a worker thread: cache and persisted-query lookups block)."""
        operation = _operation(raw)
        shop = context.storefront_shop
        register = False
        if operation.sha256 is not None:
            if storefront is None or shop is None:
                return Outcome(PERSISTED_QUERY_NOT_SUPPORTED_ANSWER)
            if operation.query is None:
                found = storefront.persisted.find(shop.id, operation.sha256)
                if found is None:
                    return Outcome(PERSISTED_QUERY_NOT_FOUND_ANSWER)
                operation = replace(operation, query=found)
            elif text_hash(operation.query) != operation.sha256:
                raise RequestRejected(400, "BAD_REQUEST", "provided sha does not match query")
            else:
                register = not get  # registering writes: POST only
        assert operation.query is not None
        key = None
        max_age = None
        cache = storefront.cache if storefront is not None else None
        if storefront is not None and shop is not None and (cache is not None or get):
            now = utcnow()
            state = site_version.current(shop.id)
            max_age = storefront.http_max_age(state, now)
            document = storefront.documents.of(operation.query) if cache is not None else None
            if cache is not None and document is not None and max_age is not None:
                key = cache_key(
                    shop.id,
                    document,
                    operation.name,
                    operation.variables,
                    context.locale,
                    state.version,
                )
                hit = cache.get(key)
                if hit is not None:
                    if context.charge_cost is not None:
                        context.charge_cost(hit.cost)
                    return Outcome(hit.body, max_age=max_age, etag=hit.etag, cache="hit")
        charged: list[int] = []
        charge = context.charge_cost

        def measured(cost: int) -> None:
            charged.append(cost)
            if charge is not None:
                charge(cost)

        context.charge_cost = measured
        try:
            result, payload = run(execute(operation, context, allowed))
        finally:
            context.charge_cost = charge
        body = _json(payload)
        errors = payload.get("errors", [])
        if errors or result.data is None:
            return Outcome(body, errors)
        if register and storefront is not None and shop is not None:
            storefront.persisted.register(shop.id, operation.sha256 or "", operation.query)
        etag = etag_of(body)
        if key is not None and cache is not None:
            cache.put(key, CachedAnswer(body, max(charged, default=0), etag))
        return Outcome(body, max_age=max_age, etag=etag, cache="miss" if key else "off")

    def answer_all(
        items: list[Any], context: Context, allowed: frozenset[OperationType], get: bool
    ) -> list[Outcome]:
        """Answer each operation; an event loop is made only if one has to execute."""
        with contextlib.ExitStack() as stack:
            runners: list[asyncio.Runner] = []

            def run(coroutine: Coroutine[Any, Any, Any]) -> Any:
                if not runners:
                    runners.append(stack.enter_context(asyncio.Runner()))
                return runners[0].run(coroutine)

            return [answer(item, context, allowed, get, run) for item in items]

    async def endpoint(request: Request) -> Response:
        get = request.method == "GET"
        try:
            if get:
                params = request.query_params
                if "query" not in params and "extensions" not in params:
                    if settings.development and "text/html" in request.headers.get("accept", ""):
                        return HTMLResponse(get_graphql_ide_html("graphiql"))
                    raise RequestRejected(400, "BAD_REQUEST", "pass the query in `query`")
                body: Any = _from_query_string(request)
                allowed = frozenset({OperationType.QUERY})
            else:
                require_json(request)
                body = parse_json(await read_body(request, settings.max_body_bytes))
                allowed = frozenset({OperationType.QUERY, OperationType.MUTATION})
            context = Context(request=request, services=services)
            await authenticate(request, context)
            if isinstance(body, list):
                if not body:
                    raise RequestRejected(400, "BAD_REQUEST", "the batch is empty")
                if len(body) > settings.graphql_max_batch:
                    raise RequestRejected(
                        400,
                        "BATCH_TOO_LARGE",
                        f"send at most {settings.graphql_max_batch} operations per batch",
                    )
                items = body
            else:
                items = [body]
            # Parsing, validating and executing are CPU work: off the server's event loop.
            outcomes = await run_in_threadpool(answer_all, items, context, allowed, get)
        except RequestRejected as rejected:
            return rejected.response()
        if isinstance(body, list):
            content = b"[" + b",".join(o.body for o in outcomes) + b"]"
        else:
            content = outcomes[0].body
        response = Response(content, media_type="application/json")
        if storefront is not None:
            if not isinstance(body, list):
                response.headers[CACHE_HEADER] = outcomes[0].cache
                if get:
                    not_modified = _http_caching(request, response, outcomes[0], storefront)
                    if not_modified is not None:
                        return not_modified
            response.headers["Vary"] = STOREFRONT_VARY
        wait = _retry_after([o.errors for o in outcomes])
        if wait is not None:
            response.headers["Retry-After"] = str(wait)
        secure = not settings.development and urlsplit(settings.public_url).scheme == "https"
        for cookie in context.cookies:
            response.set_cookie(
                cookie.name,
                cookie.value,
                max_age=cookie.max_age,
                httponly=True,
                samesite="lax",
                secure=secure,
                path="/",
            )
        return response

    return endpoint


CACHE_HEADER = "X-CloudCat-Cache"
"""Says what the answer cache did for a storefront answer: `hit`, `miss` (computed and kept) or
`off` (not asked: disabled, an error, or the shop not cacheable right now)."""

STOREFRONT_VARY = "Accept-Language, X-CloudCat-Storefront-Key, Authorization"
"""What a storefront answer depends on besides its URL (the key names the shop, the language
the locale)."""


def _http_caching(
    request: Request, response: Response, outcome: Outcome, storefront: StorefrontServing
) -> Response | None:
    """Set the ETag and Cache-Control of a storefront GET answer; the 304 to send instead when
    the client's `If-None-Match` holds the answer's ETag."""
    if outcome.max_age is None or outcome.etag is None:
        response.headers["Cache-Control"] = "no-store"  # errors, or the shop is not cacheable now
        return None
    cache_control = (
        f"public, max-age={outcome.max_age}, "
        f"stale-while-revalidate={storefront.stale_while_revalidate}"
    )
    response.headers["Cache-Control"] = cache_control
    response.headers["ETag"] = outcome.etag
    wanted = request.headers.get("if-none-match", "")
    if outcome.etag in {tag.strip() for tag in wanted.split(",")} or wanted.strip() == "*":
        return Response(
            status_code=304,
            headers={"ETag": outcome.etag, "Cache-Control": cache_control, "Vary": STOREFRONT_VARY},
        )
    return None


def _retry_after(errors_of_each: list[list[dict[str, Any]]]) -> int | None:
    """The seconds to wait when every operation was refused as RATE_LIMITED, else None."""
    waits = []
    for errors in errors_of_each:
        limited = [
            e["extensions"].get("retryAfter", 1)
            for e in errors
            if e["extensions"].get("code") == "RATE_LIMITED"
        ]
        if not limited:
            return None
        waits.append(max(limited))
    return max(waits) if waits else None


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if origin is None or (origin == "null" and request.method == "GET"):
        return True
    host = request.headers.get("host", "")
    return urlsplit(origin).netloc == host


async def authenticate_admin(request: Request, context: Context) -> None:
    """Admin credentials: `Authorization: Bearer cca_…` or the session cookie."""
    header = request.headers.get("authorization")
    if header:
        scheme, _, token = header.partition(" ")
        viewer = (
            await run_in_threadpool(viewer_for_bearer, token.strip())
            if scheme.lower() == "bearer"
            else None
        )
        if viewer is None:
            raise RequestRejected(
                401, "UNAUTHENTICATED", "the admin token is not valid or was revoked"
            )
        context.viewer = viewer
        return
    session = request.cookies.get(SESSION_COOKIE)
    if session:
        if not _same_origin(request):
            raise RequestRejected(403, "FORBIDDEN", "cross-origin requests with a session cookie")
        user = await run_in_threadpool(user_for_session, session)
        context.viewer = Viewer(user=user)


def storefront_key_of(request: Request) -> str:
    """The publishable key a storefront request carries: the `X-CloudCat-Storefront-Key`
    header, a bearer token, or (GET only) the `storefrontKey` query parameter; "" if none."""
    key = request.headers.get("x-cloudcat-storefront-key", "")
    if not key:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        key = token.strip() if scheme.lower() == "bearer" else ""
    if not key and request.method == "GET":
        key = request.query_params.get(STOREFRONT_KEY_PARAM, "")
    return key


def storefront_authenticator(
    limiter: RateLimiter, keys: StorefrontKeyCache | None = None
) -> Authenticate:
    """Storefront credentials: a publishable key, rate limited per key (lookups cached in
    `keys` when given)."""

    async def authenticate(request: Request, context: Context) -> None:
        key = storefront_key_of(request)
        if not key.startswith(STOREFRONT_KEY_PREFIX):
            raise RequestRejected(
                401,
                "UNAUTHENTICATED",
                "a storefront key is required (header X-CloudCat-Storefront-Key)",
            )
        wait = limiter.acquire(key)
        if wait > 0:
            raise RequestRejected(
                429,
                "RATE_LIMITED",
                "too many requests for this storefront key: slow down",
                headers={"Retry-After": str(max(1, round(wait)))},
            )
        found = await run_in_threadpool(shop_for_storefront_key, key, keys)
        if found is None:
            raise RequestRejected(
                401, "UNAUTHENTICATED", "the storefront key is not valid or was revoked"
            )
        if found[0].suspended:
            raise RequestRejected(403, "SHOP_SUSPENDED", "this shop is suspended")
        context.storefront_shop = found[0]
        context.charge_cost = lambda cost: limiter.charge(key, cost)

    return authenticate
