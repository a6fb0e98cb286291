"""Reading request bodies safely: a size cap, JSON parsing with clear errors."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse


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


def parse_json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RequestRejected(400, "BAD_REQUEST", f"the body is not valid JSON: {exc}") from exc
