"""The GraphQL HTTP endpoints (admin and storefront) in front of strawberry.

Hand-written rather than strawberry's ASGI view so that every safety rule is in one place:
a body size limit, JSON-only POSTs (CSRF), queries only over GET, capped batches, credential
checks before execution, per-key rate limits on the storefront, stable `extensions.code` on
every error and no internal detail leaking outside development.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from graphql import GraphQLError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from strawberry.http.ides import get_graphql_ide_html
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types.graphql import OperationType

from cloudcat.core.auth import (
    SESSION_COOKIE,
    STOREFRONT_KEY_PREFIX,
    StorefrontKeyCache,
    Viewer,
    shop_for_storefront_key,
    user_for_session,
    viewer_for_bearer,
)
from cloudcat.core.errors import CloudCatError
from cloudcat.core.services import Services
from cloudcat.core.web.bodies import RequestRejected, parse_json, read_body, require_json
from cloudcat.core.web.ratelimit import RateLimiter
from cloudcat.schema.build import CloudCatSchema
from cloudcat.schema.context import Context

log = logging.getLogger(__name__)

Endpoint = Callable[[Request], Awaitable[Response]]
Authenticate = Callable[[Request, Context], Awaitable[None]]


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


def _operation(raw: Any) -> tuple[str, dict[str, Any] | None, str | None]:
    if not isinstance(raw, dict):
        raise RequestRejected(400, "BAD_REQUEST", "each operation must be a JSON object")
    query = raw.get("query")
    if not isinstance(query, str) or not query.strip():
        raise RequestRejected(400, "BAD_REQUEST", "`query` must be a non-empty string")
    variables = raw.get("variables")
    if variables is not None and not isinstance(variables, dict):
        raise RequestRejected(400, "BAD_REQUEST", "`variables` must be a JSON object")
    name = raw.get("operationName")
    if name is not None and not isinstance(name, str):
        raise RequestRejected(400, "BAD_REQUEST", "`operationName` must be a string")
    return query, variables, name


def _no_such_operation(name: str | None) -> str:
    if name is None:
        return "the document has several operations: name the one to run in `operationName`"
    return f"the document has no operation named {name!r}"


def _from_query_string(request: Request) -> Any:
    params = request.query_params
    variables: Any = None
    if params.get("variables"):
        variables = parse_json(params["variables"].encode())
    return {
        "query": params.get("query"),
        "variables": variables,
        "operationName": params.get("operationName"),
    }


def graphql_endpoint(
    schema: CloudCatSchema,
    services: Services,
    authenticate: Authenticate,
) -> Endpoint:
    """Build the Starlette endpoint serving `schema`."""
    settings = services.settings

    async def execute(
        raw: Any, context: Context, allowed: frozenset[OperationType]
    ) -> dict[str, Any]:
        query, variables, name = _operation(raw)
        try:
            result = await schema.execute(
                query,
                variable_values=variables,
                context_value=context,
                operation_name=name,
                allowed_operation_types=allowed,
            )
        except InvalidOperationTypeError as exc:
            raise RequestRejected(
                405, "METHOD_NOT_ALLOWED", "mutations are only accepted in POST requests"
            ) from exc
        except CannotGetOperationTypeError as exc:
            raise RequestRejected(400, "BAD_REQUEST", _no_such_operation(name)) from exc
        payload: dict[str, Any] = {"data": result.data}
        if result.errors:
            payload["errors"] = [format_error(e, settings.development) for e in result.errors]
        return payload

    async def endpoint(request: Request) -> Response:
        try:
            if request.method == "GET":
                if "query" not in request.query_params:
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

            async def run_all() -> list[dict[str, Any]]:
                return [await execute(item, context, allowed) for item in items]

            # Parsing, validating and executing are CPU work: off the server's event loop.
            done = await run_in_threadpool(asyncio.run, run_all())
            payload: Any = done if isinstance(body, list) else done[0]
        except RequestRejected as rejected:
            return rejected.response()
        response = JSONResponse(payload)
        wait = _retry_after(payload if isinstance(payload, list) else [payload])
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


def _retry_after(payloads: list[dict[str, Any]]) -> int | None:
    """The seconds to wait when every operation was refused as RATE_LIMITED, else None."""
    waits = []
    for payload in payloads:
        limited = [
            e["extensions"].get("retryAfter", 1)
            for e in payload.get("errors", [])
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


def storefront_authenticator(
    limiter: RateLimiter, keys: StorefrontKeyCache | None = None
) -> Authenticate:
    """Storefront credentials: a publishable key, rate limited per key (lookups cached in
    `keys` when given)."""

    async def authenticate(request: Request, context: Context) -> None:
        key = request.headers.get("x-cloudcat-storefront-key", "")
        if not key:
            scheme, _, token = request.headers.get("authorization", "").partition(" ")
            key = token.strip() if scheme.lower() == "bearer" else ""
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
