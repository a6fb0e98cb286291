"""Serving the built admin SPA at /admin.

Vite's hashed files under /admin/assets/ never change, so they are cached forever; every other
path under /admin is a client-side route and gets index.html, which is never cached (so a new
deploy is picked up at once). The build output lives in admin-ui/dist and is not committed; a
wheel carries a copy of it as ``cloudcat/core/web/admin_dist`` (setup.py copies it at build
time), served when there is no admin-ui/dist next to the code.

The build also writes a Brotli (.br) and a gzip (.gz) copy of each compressible file
(admin-ui/scripts/precompress.mjs); the best one the browser accepts is sent as it is, so the
server never spends a request's time compressing a file that never changes.
"""

from __future__ import annotations

import mimetypes
import re
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

IMMUTABLE = "public, max-age=31536000, immutable"
NO_CACHE = "no-cache"
SOURCE_DIST = Path(__file__).resolve().parents[2] / "admin-ui" / "dist"
PACKAGED_DIST = Path(__file__).resolve().parent / "admin_dist"
# Content codings of the precompressed copies, best first, with their file suffixes.
PRECOMPRESSED = (("br", ".br"), ("gzip", ".gz"))
# Paths the SPA may ask for: printable characters without NUL or backslashes, of a sane length
# (anything else is a 404, never handed to the file system).
SAFE_PATH = re.compile(r"[\x21-\x5b\x5d-\x7e\u00a0-\uffff ]{1,512}")

NOT_BUILT = """<!doctype html><html><head><meta charset="utf-8"><title>CloudCat admin</title>
</head><body><h1>The admin UI is not built</h1>
<p>Run <code>make admin-ui</code> (or <code>make dev</code>, which builds it when needed).</p>
</body></html>"""


def default_dist() -> Path:
    """Where the built SPA is: admin-ui/dist of a source checkout, else the wheel's copy."""
    if (PACKAGED_DIST / "index.html").is_file() and not (SOURCE_DIST / "index.html").is_file():
        return PACKAGED_DIST
    return SOURCE_DIST


def accepted_codings(accept_encoding: str) -> set[str]:
    """The content codings an Accept-Encoding header allows (q=0 excludes one; `*` is ignored)."""
    accepted = set()
    for item in accept_encoding.split(","):
        coding, _, params = item.strip().partition(";")
        quality = params.strip().removeprefix("q=").strip() if params else "1"
        try:
            allowed = float(quality) > 0
        except ValueError:
            allowed = False
        if coding and allowed:
            accepted.add(coding.strip().lower())
    return accepted


def file_response(request: Request, path: Path, cache_control: str) -> Response:
    """`path`, or its best precompressed copy the request accepts, with `cache_control`.

    The plain file goes through the app's GZip middleware, which adds `Vary: Accept-Encoding`
    itself (and compresses it for a client that takes gzip but no copy exists).
    """
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    accepted = accepted_codings(request.headers.get("accept-encoding", ""))
    for coding, suffix in PRECOMPRESSED:
        copy = path.with_name(path.name + suffix)
        if coding in accepted and copy.is_file():
            headers = {
                "Cache-Control": cache_control,
                "Content-Encoding": coding,
                "Vary": "Accept-Encoding",
            }
            return FileResponse(copy, media_type=media_type, headers=headers)
    return FileResponse(path, media_type=media_type, headers={"Cache-Control": cache_control})


def _existing_file(root: Path, relative: str) -> Path | None:
    """The file `relative` names inside `root`, or None (outside it, missing, or a name the
    file system refuses, such as one too long)."""
    try:
        candidate = (root / relative).resolve()
        if candidate.is_relative_to(root) and candidate.is_file():
            return candidate
    except (OSError, ValueError):
        pass
    return None


def admin_ui_routes(dist: Path) -> list[BaseRoute]:
    """Routes serving the SPA built into `dist` under /admin."""
    root = dist.resolve()

    async def redirect(_: Request) -> Response:
        return RedirectResponse("/admin/", status_code=308)

    async def serve(request: Request) -> Response:
        index = root / "index.html"
        if not index.is_file():
            return HTMLResponse(NOT_BUILT, status_code=503, headers={"Cache-Control": NO_CACHE})
        relative = request.path_params.get("path", "")
        if relative and not SAFE_PATH.fullmatch(relative):
            return HTMLResponse("not found", status_code=404)
        candidate = _existing_file(root, relative) if relative else None
        if candidate is not None:
            cache = IMMUTABLE if relative.startswith("assets/") else NO_CACHE
            return file_response(request, candidate, cache)
        if relative.startswith("assets/"):
            return HTMLResponse("not found", status_code=404)
        return file_response(request, index, NO_CACHE)

    return [
        Route("/admin", redirect, methods=["GET"]),
        Route("/admin/{path:path}", serve, methods=["GET", "HEAD"]),
    ]
