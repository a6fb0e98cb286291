"""Security headers on every response: no framing, no MIME sniffing, a careful referrer policy,
HSTS behind https, and a Content-Security-Policy suited to what is served.

- The admin SPA (/admin/) loads only its own scripts, styles, fonts and API. Styles also allow
  'unsafe-inline' (antd and its rc-* helpers set style attributes and add small <style> tags at
  run time) and scripts 'unsafe-eval' (the plugin settings form validates with ajv, which
  compiles each plugin's JSON Schema with `new Function`); no inline or foreign script runs.
  Images may come from any https host (product photos live on the marketplaces' CDNs).
- A shop's site (/s/) sets its own policy (`cloudcat.core.site.routes.CSP`: its own scripts
  only, no inline script); this one covers its other answers (no script at all; inline <style>
  and product photos from any host are allowed). Its draft previews
  (/s/<slug>/preview/<token>) may be framed by the same origin only: the admin's content editor
  shows them in a frame.
- GraphiQL (GET /graphql in development only) loads from a CDN with inline scripts, so /graphql
  gets no CSP in development; everything else (JSON APIs, health, plugin pages) may not be
  framed, and JSON answers may load nothing.

A header a route set itself is left as it is, with one exception: a draft preview may always be
framed by the same origin (the route's own policy is loosened to `frame-ancestors 'self'`).
"""

from __future__ import annotations

import re

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ADMIN_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: https:; font-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
SITE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
PREVIEW_CSP = SITE_CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'")
JSON_CSP = "default-src 'none'; frame-ancestors 'none'"
DEFAULT_CSP = "frame-ancestors 'none'"
COMMON = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}
PREVIEW_COMMON = {**COMMON, "X-Frame-Options": "SAMEORIGIN"}
HSTS = "max-age=31536000"
PREVIEW_PATH = re.compile(r"^/s/[^/]+/preview/")


def content_security_policy(path: str, content_type: str, development: bool) -> str | None:
    """The CSP for a response to `path` of `content_type` (None: send none)."""
    if path == "/admin" or path.startswith("/admin/"):
        return ADMIN_CSP
    if PREVIEW_PATH.match(path):
        return PREVIEW_CSP
    if path.startswith("/s/"):
        return SITE_CSP
    if development and path == "/graphql":
        return None  # GraphiQL needs its CDN and inline scripts
    if content_type.startswith("application/json"):
        return JSON_CSP
    return DEFAULT_CSP


def _frameable_by_self(headers: MutableHeaders) -> None:
    """Let the same origin (the admin's content editor) frame this answer, and nobody else."""
    policy = headers.get("content-security-policy")
    if policy is not None:
        headers["Content-Security-Policy"] = policy.replace(
            "frame-ancestors 'none'", "frame-ancestors 'self'"
        )
    if headers.get("x-frame-options", "").upper() == "DENY":
        headers["X-Frame-Options"] = "SAMEORIGIN"


class SecurityHeaders:
    """Pure ASGI middleware adding the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp, development: bool, https: bool) -> None:
        self.app = app
        self.development = development
        self.https = https

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one request, adding the headers to its response."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        preview = PREVIEW_PATH.match(path) is not None

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in (PREVIEW_COMMON if preview else COMMON).items():
                    headers.setdefault(name, value)
                if self.https:
                    headers.setdefault("Strict-Transport-Security", HSTS)
                csp = content_security_policy(
                    path, headers.get("content-type", ""), self.development
                )
                if csp is not None:
                    headers.setdefault("Content-Security-Policy", csp)
                if preview:
                    _frameable_by_self(headers)
            await send(message)

        await self.app(scope, receive, send_with_headers)
