"""HTTP for media: serving variants at `/media/{shop_id}/{key}` and the admin upload endpoint.

Serving reads only the store (no database): keys are content-addressed, so every answer may be
cached for a year (`immutable`), with the key as ETag (304 on `If-None-Match`). Anything that
is not a stored key of that shop is a 404.

Uploads (`POST /media/{shop_id}`, see docs/media.md) are authenticated exactly like the admin
GraphQL API (`authenticate_admin`: an admin token, or the session cookie from the same origin)
and need the editor role in the shop. The body is the file's bytes with a non-form content type
(e.g. `application/octet-stream`): the form and text types a cross-site page may post without a
preflight are refused, which blocks CSRF the same way the GraphQL API's JSON-only rule does.
"""

from __future__ import annotations

import re
from typing import Any

from bson import ObjectId
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from cloudcat.core.documents import Role, Shop
from cloudcat.core.errors import CloudCatError, ShopSuspended
from cloudcat.core.i18n import message
from cloudcat.core.media import asset_json, media_store
from cloudcat.core.media.images import CONTENT_TYPES, EXTENSIONS, Limits
from cloudcat.core.media.library import add_upload
from cloudcat.core.media.store import valid_key
from cloudcat.core.services import Services
from cloudcat.core.web.bodies import RequestRejected, read_body
from cloudcat.core.web.graphql import authenticate_admin
from cloudcat.schema.context import Context

IMMUTABLE = "public, max-age=31536000, immutable"
IMAGE_CSP = "default-src 'none'; frame-ancestors 'none'"
_TYPES_BY_EXTENSION = {ext: CONTENT_TYPES[fmt] for fmt, ext in EXTENSIONS.items()}
_SHOP_ID = re.compile(r"^[0-9a-f]{24}$")
SIMPLE_CONTENT_TYPES = frozenset(
    {"application/x-www-form-urlencoded", "multipart/form-data", "text/plain", ""}
)
"""Bodies a cross-site page can send without a CORS preflight: refused for uploads."""

STATUS_OF = {
    "UNAUTHENTICATED": 401,
    "FORBIDDEN": 403,
    "SHOP_SUSPENDED": 403,
    "NOT_FOUND": 404,
    "FILE_TOO_LARGE": 413,
    "UNSUPPORTED_IMAGE_TYPE": 415,
}


def _not_found() -> Response:
    return Response(
        "not found", status_code=404, media_type="text/plain", headers={"Cache-Control": "no-store"}
    )


def media_routes(services: Services) -> list[BaseRoute]:
    """The routes serving variants and taking uploads."""
    store = media_store(services.settings)
    settings = services.settings
    limits = Limits(settings.media_max_bytes, settings.media_max_pixels)

    async def serve(request: Request) -> Response:
        shop_id, key = request.path_params["shop_id"], request.path_params["key"]
        if not _SHOP_ID.fullmatch(shop_id) or not valid_key(key):
            return _not_found()
        etag = f'"{key.split(".")[0]}"'
        headers = {
            "Cache-Control": IMMUTABLE,
            "ETag": etag,
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": IMAGE_CSP,
        }
        shop = ObjectId(shop_id)
        asked = request.headers.get("if-none-match", "")
        matches = etag in [tag.strip().removeprefix("W/") for tag in asked.split(",")]
        if matches and await run_in_threadpool(store.has, shop, key):
            return Response(status_code=304, headers=headers)
        data = await run_in_threadpool(store.get, shop, key)
        if data is None:
            return _not_found()
        media_type = _TYPES_BY_EXTENSION[key.rsplit(".", 1)[1]]
        return Response(data, media_type=media_type, headers=headers)

    def _rejected(error: CloudCatError) -> JSONResponse:
        body: dict[str, Any] = {"message": error.message, "extensions": {"code": error.code}}
        if error.fields:
            body["extensions"]["fields"] = [f.as_dict() for f in error.fields]
        return JSONResponse({"errors": [body]}, status_code=STATUS_OF.get(error.code, 422))

    def _authorize(context: Context, shop_id: str) -> Shop:
        shop = context.viewer.require(shop_id, Role.EDITOR)
        user = context.viewer.user
        if shop.suspended and not (user is not None and user.is_operator):
            raise ShopSuspended(message("SHOP_SUSPENDED", context.locale))
        return shop

    async def upload(request: Request) -> Response:
        try:
            media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if media_type in SIMPLE_CONTENT_TYPES:
                raise RequestRejected(
                    415,
                    "UNSUPPORTED_MEDIA_TYPE",
                    "send the file's bytes as the body with Content-Type: "
                    "application/octet-stream (form and text posts are refused)",
                )
            context = Context(request=request, services=services)
            await authenticate_admin(request, context)
            shop = await run_in_threadpool(_authorize, context, request.path_params["shop_id"])
            data = await read_body(request, settings.media_max_bytes)
            added = await run_in_threadpool(
                add_upload,
                store,
                shop.id,
                data,
                limits,
                request.query_params.get("filename", ""),
                request.query_params.get("alt", ""),
            )
        except RequestRejected as rejected:
            return rejected.response()
        except CloudCatError as error:
            return _rejected(error)
        return JSONResponse(
            {"asset": asset_json(added.asset, settings.public_url), "created": added.created},
            status_code=201 if added.created else 200,
        )

    return [
        Route("/media/{shop_id}", upload, methods=["POST"]),
        Route("/media/{shop_id}/{key}", serve, methods=["GET", "HEAD"]),
    ]
