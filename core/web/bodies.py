"""Reading request bodies safely: a size cap, JSON parsing with a depth limit and clear errors."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

# Deeper JSON bodies are refused before any work: nothing CloudCat accepts nests this deep, and
# deep values would otherwise exhaust the recursion of later stages (validation, GraphQL).
MAX_JSON_DEPTH = 64


class RequestRejected(Exception):
    """The request is refused before any work; carries the HTTP answer to send."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}

    def response(self) -> JSONResponse:
        return JSONResponse(
            {"errors": [{"message": self.message, "extensions": {"code": self.code}}]},
            status_code=self.status,
            headers=self.headers,
        )


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, refusing (413) anything over `limit` bytes without reading it all."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise RequestRejected(400, "BAD_REQUEST", "the Content-Length header is not a number")
        if int(declared) > limit:
            raise RequestRejected(
                413, "PAYLOAD_TOO_LARGE", f"the request body is over the {limit}-byte limit"
            )
    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise RequestRejected(
                413, "PAYLOAD_TOO_LARGE", f"the request body is over the {limit}-byte limit"
            )
        chunks.append(chunk)
    return b"".join(chunks)


def require_json(request: Request) -> None:
    """Refuse (415) bodies that are not application/json: form and text/plain posts are what a
    cross-site page can send without a preflight, so refusing them blocks CSRF."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json":
        raise RequestRejected(
            415,
            "UNSUPPORTED_MEDIA_TYPE",
            "send the request as Content-Type: application/json",
        )


def json_depth(value: Any) -> int:
    """How deeply `value` nests lists and objects (a scalar is 0), computed without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        depth += 1
        deepest = max(deepest, depth)
        stack.extend((child, depth) for child in children)
    return deepest


def parse_json(body: bytes, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """The JSON value of `body`; malformed JSON or nesting deeper than `max_depth` is a 400."""
    too_deep = RequestRejected(
        400, "BAD_REQUEST", f"the body nests lists and objects deeper than {max_depth} levels"
    )
    try:
        value = json.loads(body)
    except RecursionError as exc:
        raise too_deep from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RequestRejected(400, "BAD_REQUEST", f"the body is not valid JSON: {exc}") from exc
    if json_depth(value) > max_depth:
        raise too_deep
    return value
