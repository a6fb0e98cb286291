"""Custom domains: a shop's site at ``/`` of its own host name, once the domain is verified.

The seller adds a domain (`add_domain`) and points it at CloudCat. While it is listed, CloudCat
answers ``http://<domain>/.well-known/cloudcat-domain-verification`` with the domain's token;
`verify_domain` fetches that address (through CloudCat's guarded HTTP session) and marks the
domain verified when the token comes back, which proves the domain's DNS leads here. From
then on, `CustomDomains` serves that host's requests from the shop's site. A host that is not
verified never shows any shop's pages.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from cloudcat.core.documents import Shop
from cloudcat.core.documents.base import utcnow
from cloudcat.core.documents.shops import HOST_PATTERN, ShopDomain
from cloudcat.core.errors import BadInput, FieldError
from cloudcat.core.http import http_session

VERIFICATION_PATH = "/.well-known/cloudcat-domain-verification"
MAX_DOMAINS = 10
HOST_CACHE_SECONDS = 10.0
APP_PREFIXES = (
    "/collect",
    "/media/",
    "/storefront/",
    "/graphql",
    "/healthz",
    "/readyz",
    "/metrics",
    "/admin",
    "/oauth/",
    "/plugins/",
    "/webhooks/",
    "/_dev/",
)
"""Paths that keep their meaning on a custom domain (the collector the snippet posts to, media,
the APIs); every other path is a page of the shop's site."""
_HOST = re.compile(HOST_PATTERN)


def normalize_host(value: str) -> str:
    """`value` as a bare lowercase host name (no scheme, port, path or trailing dot)."""
    host = value.strip().lower()
    host = host.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].rstrip(".")
    return host


def add_domain(shop: Shop, host: str) -> ShopDomain:
    """List `host` as a custom domain of `shop` (not yet verified) and return it with its
    verification token. Refused: a malformed host, one another shop lists, too many."""
    host = normalize_host(host)
    if not _HOST.match(host):
        raise BadInput("the domain is not a valid host name", [FieldError(["host"], "invalid")])
    taken = Shop.objects(domains__host=host, id__ne=shop.id).only("id").first()
    if taken is not None:
        raise BadInput("another shop uses this domain", [FieldError(["host"], "taken")])
    fresh = Shop.objects(id=shop.id).only("domains").first()
    domains = list(fresh.domains if fresh else [])
    found = next((d for d in domains if d.host == host), None)
    if found is not None:
        return found
    if len(domains) >= MAX_DOMAINS:
        raise BadInput(f"a shop has at most {MAX_DOMAINS} domains", [FieldError(["host"], "max")])
    domain = ShopDomain(host=host, token=secrets.token_urlsafe(24))
    Shop.objects(id=shop.id).update_one(push__domains=domain)
    return domain


def verify_domain(shop: Shop, host: str, *, via: str | None = None) -> bool:
    """Fetch the domain's verification address; mark it verified when it answers its token.
    Returns whether the domain is verified now. `via` (``address:port``) fetches it from that
    address instead of the domain's DNS, with the domain as Host (a proxy in front)."""
    host = normalize_host(host)
    fresh = Shop.objects(id=shop.id).only("domains").first()
    domain = next((d for d in (fresh.domains if fresh else []) if d.host == host), None)
    if domain is None:
        raise BadInput("add the domain first", [FieldError(["host"], "unknown")])
    with http_session(product="domain-verification", retries=1, max_body_bytes=4096) as session:
        try:
            answer = session.get(
                f"http://{via or host}{VERIFICATION_PATH}",
                headers={"Host": host},
                allow_redirects=False,
            )
        except Exception:  # unreachable, refused address, timeout: not verified
            return False
    if answer.status_code != 200 or answer.text.strip() != domain.token:
        return False
    Shop.objects(id=shop.id, domains__host=host).update_one(set__domains__S__verified_at=utcnow())
    return True


class _HostMap:
    """Host -> (shop slug, verified, token), looked up by the indexed ``domains.host`` (read
    only). A verified domain is kept for a few seconds; others are looked up each time, so a
    domain serves its site as soon as it is verified."""

    def __init__(self) -> None:
        self._found: dict[str, tuple[float, tuple[str, bool, str] | None]] = {}
        self._lock = threading.Lock()

    def lookup(self, host: str) -> tuple[str, bool, str] | None:
        now = time.monotonic()
        with self._lock:
            cached = self._found.get(host)
        if cached is not None and now - cached[0] < HOST_CACHE_SECONDS:
            return cached[1]
        shop = Shop.objects(domains__host=host).only("slug", "domains").first()
        value: tuple[str, bool, str] | None = None
        if shop is not None:
            domain = next(d for d in shop.domains if d.host == host)
            value = (shop.slug, domain.verified_at is not None, domain.token)
        if value is not None and value[1]:
            with self._lock:
                if len(self._found) > 10000:
                    self._found.clear()
                self._found[host] = (now, value)
        return value


class CustomDomains:
    """ASGI middleware: a request to a verified custom domain is served by its shop's site
    (``/x`` becomes ``/s/<slug>/x``, except `APP_PREFIXES`); a listed domain answers its
    verification token. The public host and unknown hosts pass through unchanged."""

    def __init__(self, app: ASGIApp, public_host: str) -> None:
        self.app = app
        self.public_host = normalize_host(public_host)
        self.hosts = _HostMap()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Route one request by its Host."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = normalize_host(_header(scope, b"host"))
        if not host or host == self.public_host or not _HOST.match(host):
            await self.app(scope, receive, send)
            return
        found = await run_in_threadpool(self.hosts.lookup, host)
        path: str = scope["path"]
        if found is None:
            await self.app(scope, receive, send)
            return
        slug, verified, token = found
        if path == VERIFICATION_PATH:
            await PlainTextResponse(token)(scope, receive, send)
            return
        if not verified or path.startswith(APP_PREFIXES):
            await self.app(scope, receive, send)
            return
        site_path = f"/s/{slug}{path}"
        scope = {
            **scope,
            "path": site_path,
            "raw_path": site_path.encode(),
            "cloudcat.site_host": host,
        }
        await self.app(scope, receive, send)


def _header(scope: Scope, name: bytes) -> str:
    headers: Any = scope.get("headers") or []
    for key, value in headers:
        if key == name:
            return str(value.decode("latin-1"))
    return ""
