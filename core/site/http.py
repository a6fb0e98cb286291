"""HTTP for site pages: entity tags, Last-Modified, 304 answers and caching headers."""

from __future__ import annotations

import hashlib
from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime

from starlette.datastructures import Headers
from starlette.responses import Response

from cloudcat.core.site.cache import RenderedPage

PAGE_CACHE_CONTROL = "public, max-age=0, must-revalidate"
"""Pages change with every sync: browsers and CDNs keep them but ask again each time (cheap:
the answer is a 304 while the page is the same)."""
NO_STORE = "no-store"
ASSET_CACHE_CONTROL = "public, max-age=3600"


def entity_tag(body: bytes) -> str:
    """A strong entity tag of `body`."""
    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


def http_date(moment: datetime) -> str:
    """`moment` as an HTTP date."""
    return format_datetime(moment.replace(microsecond=0), usegmt=True)


def gzip_tag(etag: str) -> str:
    """The entity tag of the gzip encoding of the representation tagged `etag`."""
    return etag[:-1] + '-gz"'


def not_modified(headers: Headers, etag: str, modified: datetime) -> bool:
    """Whether the request's validators match: If-None-Match when sent (it wins; either
    encoding's tag), else If-Modified-Since."""
    wanted = headers.get("if-none-match")
    if wanted is not None:
        tags = {tag.strip().removeprefix("W/") for tag in wanted.split(",")}
        return bool({etag, gzip_tag(etag), "*"} & tags)
    since = headers.get("if-modified-since")
    if since:
        try:
            moment = parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
        if moment.tzinfo is None:
            return False
        return modified.replace(microsecond=0) <= moment
    return False


def page_response(
    page: RenderedPage, request_headers: Headers, extra: dict[str, str], *, cache_control: str
) -> Response:
    """The response for `page`: a 304 when the request already has it (only for 200 pages),
    gzip-encoded when the client takes it, with ETag, Last-Modified, Vary and
    `cache_control`."""
    packed = page.gzipped is not None and "gzip" in request_headers.get("accept-encoding", "")
    headers = {
        "ETag": gzip_tag(page.etag) if packed else page.etag,
        "Last-Modified": http_date(page.rendered_at),
        "Cache-Control": cache_control,
        "Vary": "Accept-Encoding, Accept-Language, User-Agent",
        **extra,
    }
    if page.status == 200 and not_modified(request_headers, page.etag, page.rendered_at):
        return Response(status_code=304, headers=headers)
    if packed and page.gzipped is not None:
        headers["Content-Encoding"] = "gzip"
        body = page.gzipped
    else:
        body = page.body
    return Response(body, status_code=page.status, headers=headers, media_type=page.content_type)
