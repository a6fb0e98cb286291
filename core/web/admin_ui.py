"""Serving the built admin SPA at /admin.

Vite's hashed files under /admin/assets/ never change, so they are cached forever; every other
path under /admin is a client-side route and gets index.html, which is never cached (so a new
deploy is picked up at once). The build output lives in admin-ui/dist and is not committed.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

IMMUTABLE = "public, max-age=31536000, immutable"
NO_CACHE = "no-cache"
DEFAULT_DIST = Path(__file__).resolve().parents[2] / "admin-ui" / "dist"

NOT_BUILT = """<!doctype html><html><head><meta charset="utf-8"><title>CloudCat admin</title>
</head><body><h1>The admin UI is not built</h1>
<p>Run <code>make admin-ui</code> (or <code>make dev</code>, which builds it when needed).</p>
</body></html>"""


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
        candidate = (root / relative).resolve()
        if relative and candidate.is_file() and candidate.is_relative_to(root):
            cache = IMMUTABLE if relative.startswith("assets/") else NO_CACHE
            return FileResponse(candidate, headers={"Cache-Control": cache})
        if relative.startswith("assets/"):
            return HTMLResponse("not found", status_code=404)
        return FileResponse(index, headers={"Cache-Control": NO_CACHE})

    return [
        Route("/admin", redirect, methods=["GET"]),
        Route("/admin/{path:path}", serve, methods=["GET", "HEAD"]),
    ]
