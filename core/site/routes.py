"""The site's endpoint: every page of ``/s/{slug}/...`` (and of a verified custom domain).

Per request: the shop (404 when none, 503 while suspended), its theme (the in-app theme for
WeChat/Weibo visitors when enabled), the locale; then the rendered-page cache, keyed by shop x
path x query x locale x theme x browser kind x site version and used only while the site
state is cacheable; on a miss the page's data is read (never written) and rendered.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from bson import ObjectId
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from cloudcat.core import site_version
from cloudcat.core.documents import Shop
from cloudcat.core.providers import ProviderKind, Theme
from cloudcat.core.services import Services
from cloudcat.core.site import pages
from cloudcat.core.site.cache import PageCache, RenderedPage
from cloudcat.core.site.footprints import SCRIPT
from cloudcat.core.site.http import (
    ASSET_CACHE_CONTROL,
    NO_STORE,
    PAGE_CACHE_CONTROL,
    entity_tag,
    page_response,
)
from cloudcat.core.site.links import in_app_browser
from cloudcat.core.site.locales import pick_locale
from cloudcat.core.site.rendering import environment, render
from cloudcat.core.site.seo import robots, sitemap
from cloudcat.core.site_version import SiteState

DEFAULT_THEME = "default_theme"
MAX_PATH = 512
MAX_SHOP_MEMOS = 10000
_SAFE_ASSET = re.compile(r"^[A-Za-z0-9_./-]{1,200}$")
CSP = (
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' "
    "'unsafe-inline'; img-src 'self' https: http: data:; font-src 'self' data:; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
"""Site pages run only scripts served by the site itself (the theme's, the footprints
snippet), never inline ones (JSON-LD is data, not run), and post only to the site's origin."""


@dataclass
class SiteRequest:
    """One site request, as the page builders see it."""

    services: Services
    shop: Shop
    base: str
    origin: str
    path: str
    query: dict[str, str]
    locale: str
    agent: str
    theme_name: str
    theme_cls: type[Theme]
    _theme: Theme | None = field(default=None, repr=False)

    def theme(self) -> Theme:
        """The shop's theme, built with its settings."""
        if self._theme is None:
            built = self.services.shop_plugins.provider(self.shop, self.theme_name)
            assert isinstance(built, Theme)
            self._theme = built
        return self._theme


def _theme_class(services: Services, name: str) -> type[Theme] | None:
    installed = services.plugins.providers.get(name)
    if installed is None or not issubclass(installed.cls, Theme):
        return None
    return installed.cls


def enabled_themes(services: Services, shop: Shop) -> list[str]:
    """The names of the themes `shop` enabled, sorted."""
    return sorted(
        name
        for name in services.shop_plugins.enabled_names(shop.id)
        if services.plugins.providers[name].kind is ProviderKind.THEME
    )


def choose_theme(services: Services, names: list[str], agent: str) -> str | None:
    """The theme a visitor gets of the enabled `names`: an in-app theme inside WeChat/Weibo
    when there is one, else another (the default theme first), else None (no site)."""
    if not names:
        return None
    classes = {name: _theme_class(services, name) for name in names}
    in_app = [n for n in names if (c := classes[n]) is not None and c.in_app]
    regular = [n for n in names if n not in in_app]
    if agent and in_app:
        return in_app[0]
    if DEFAULT_THEME in regular:
        return DEFAULT_THEME
    return (regular or in_app)[0]


@dataclass(frozen=True)
class _ShopMemo:
    """A shop and its enabled themes as read at site version `version`."""

    shop: Shop
    version: int
    themes: list[str]


def _problem(status: int, title: str, detail: str) -> Response:
    body = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(title)}</title>"
        f"</head><body><h1>{escape(title)}</h1><p>{escape(detail)}</p></body></html>"
    )
    return Response(body, status_code=status, media_type="text/html")


class Site:
    """The site endpoint with its page cache."""

    def __init__(self, services: Services, cache: PageCache | None = None) -> None:
        self.services = services
        self.cache = cache or PageCache()
        self._shops: dict[str, _ShopMemo] = {}
        self._states: dict[ObjectId, tuple[float, SiteState]] = {}
        self._state_seconds = services.settings.site_version_cache_seconds

    def site_state(self, shop_id: ObjectId) -> SiteState:
        """The shop's site state: read each time, or trusted for `site_version_cache_seconds`
        when that setting is above 0."""
        if self._state_seconds <= 0:
            return site_version.current(shop_id)
        now = time.monotonic()
        found = self._states.get(shop_id)
        if found is not None and now - found[0] < self._state_seconds:
            return found[1]
        state = site_version.current(shop_id)
        if len(self._states) > MAX_SHOP_MEMOS:
            self._states.clear()
        self._states[shop_id] = (now, state)
        return state

    def resolve(self, slug: str) -> tuple[Shop, SiteState, list[str]] | None:
        """The shop of `slug`, its site state and enabled themes. The shop and its themes are
        kept per slug and reused while the site version is the same (every change to a shop
        or its plugins bumps it), so a cached page costs one `_id` read."""
        memo = self._shops.get(slug)
        if memo is not None:
            state = self.site_state(memo.shop.id)
            if state.version == memo.version:
                return memo.shop, state, memo.themes
        found = Shop.objects(slug=slug).only("id").first()
        if found is None:
            return None
        state = self.site_state(found.id)  # first: a change after it bumps again
        shop = Shop.objects(id=found.id).first()
        if shop is None or shop.slug != slug:
            return None
        themes = enabled_themes(self.services, shop)
        if len(self._shops) > MAX_SHOP_MEMOS:
            self._shops.clear()
        self._shops[slug] = _ShopMemo(shop, state.version, themes)
        return shop, state, themes

    def fallback_templates(self) -> Path | None:
        """The default theme's templates (every theme falls back to them)."""
        found = _theme_class(self.services, DEFAULT_THEME)
        return found.template_dir if found is not None else None

    def handle(
        self, slug: str, path: str, query: dict[str, str], headers: Any, base: str, origin: str
    ) -> Response:
        """Answer one request for `path` of shop `slug`'s site."""
        resolved = self.resolve(slug)
        if resolved is None:
            return _problem(404, "Not found", "There is no shop at this address.")
        shop, state, themes = resolved
        if shop.suspended:
            return _problem(503, shop.name, "This shop is closed for now. 本店暂停营业。")
        if path == "footprints.js":
            return FileResponse(
                SCRIPT, media_type="text/javascript", headers={"Cache-Control": ASSET_CACHE_CONTROL}
            )
        if path.startswith("assets/"):
            return self.asset(path.removeprefix("assets/"))
        agent = in_app_browser(headers.get("user-agent", ""))
        theme_name = choose_theme(self.services, themes, agent)
        theme_cls = _theme_class(self.services, theme_name) if theme_name else None
        if theme_name is None or theme_cls is None:
            return _problem(404, shop.name, "This shop has not published a site yet.")
        locale = pick_locale(query.get("lang"), headers.get("accept-language", ""), shop.locale)
        request = SiteRequest(
            self.services, shop, base, origin, path, query, locale, agent, theme_name, theme_cls
        )
        if path == "robots.txt":
            return PlainTextResponse(
                robots(origin, base), headers={"Cache-Control": "public, max-age=3600"}
            )
        if path.startswith("preview/"):
            draft = self.render_page(request)
            return page_response(
                draft,
                headers,
                {"X-Robots-Tag": "noindex", "Content-Security-Policy": CSP},
                cache_control=NO_STORE,
            )
        now = datetime.now(UTC)
        cacheable = state.cacheable(now)
        key = (
            shop.id,
            base,
            path,
            tuple(sorted(query.items())),
            locale,
            theme_name,
            agent,
            state.version,
        )
        page = self.cache.get(key) if cacheable else None
        if page is None:
            if path == "sitemap.xml":
                body = sitemap(shop.id, origin, base, locale, shop.locale).encode()
                page = RenderedPage.make(200, body, entity_tag(body), now, "application/xml")
            else:
                outcome = self.build(request)
                if isinstance(outcome, Response):
                    return outcome
                page = outcome
            if cacheable and page.status in (200, 404):
                self.cache.put(key, page)
        return page_response(
            page, headers, {"Content-Security-Policy": CSP}, cache_control=PAGE_CACHE_CONTROL
        )

    def build(self, request: SiteRequest) -> RenderedPage | Response:
        """Render the page of `request` (or answer a redirect)."""
        outcome = pages.page_for(request)
        if isinstance(outcome, pages.Redirect):
            target = outcome.location
            if request.query:
                target += "?" + urlencode(request.query)
            return RedirectResponse(target, status_code=301)
        return self._render(request, outcome)

    def render_page(self, request: SiteRequest) -> RenderedPage:
        """Render `request` (no cache; redirects become the not-found page)."""
        outcome = pages.page_for(request)
        if isinstance(outcome, pages.Redirect):
            outcome = pages.not_found(request)
        return self._render(request, outcome)

    def _render(self, request: SiteRequest, page: pages.Page) -> RenderedPage:
        env = environment(request.theme_cls, self.fallback_templates())
        theme = request.theme()
        data = pages.common(request, theme, page)
        try:
            html = render(env, page.template, data)
        except Exception as exc:  # a failing theme is recorded and shown politely
            self.services.shop_plugins.record_error(request.shop.id, request.theme_name, exc)
            body = _problem(500, request.shop.name, "This page could not be shown right now.").body
            return RenderedPage.make(500, bytes(body), entity_tag(bytes(body)), datetime.now(UTC))
        body = html.encode()
        return RenderedPage.make(page.status, body, entity_tag(body), datetime.now(UTC))

    def asset(self, relative: str) -> Response:
        """A static file of a theme, ``<theme name>/<file>`` (the default theme's file when
        the theme has none of that name)."""
        name, _, file = relative.partition("/")
        theme_cls = _theme_class(self.services, name)
        if theme_cls is None or not _SAFE_ASSET.match(file) or ".." in file.split("/"):
            return PlainTextResponse("not found", status_code=404)
        folders = [theme_cls.static_dir]
        default = _theme_class(self.services, DEFAULT_THEME)
        if default is not None:
            folders.append(default.static_dir)
        for folder in folders:
            if folder is None:
                continue
            candidate = (folder / file).resolve()
            if candidate.is_relative_to(folder.resolve()) and candidate.is_file():
                return FileResponse(candidate, headers={"Cache-Control": ASSET_CACHE_CONTROL})
        return PlainTextResponse("not found", status_code=404)


def site_endpoint(services: Services, site: Site | None = None) -> Callable[..., Any]:
    """Build the endpoint for ``/s/{slug}/{path}`` (a custom domain's requests arrive here
    too, rewritten by `cloudcat.core.site.domains.CustomDomains`)."""
    site = site or Site(services)

    async def endpoint(request: Request) -> Response:
        slug = request.path_params["slug"]
        path = request.path_params.get("path", "")
        if len(path) > MAX_PATH or "\x00" in path:
            return _problem(404, "Not found", "There is no page at this address.")
        domain = request.scope.get("cloudcat.site_host")
        base = "" if domain else f"/s/{slug}"
        origin = f"https://{domain}" if domain else services.settings.public_url.rstrip("/")
        query = {k: v[:200] for k, v in list(request.query_params.items())[:20]}
        return await run_in_threadpool(
            site.handle, slug, path, query, request.headers, base, origin
        )

    return endpoint


def site_routes(services: Services) -> list[BaseRoute]:
    """The site's routes: ``/s/{slug}/...`` (and ``/s/{slug}`` moving to ``/s/{slug}/``)."""

    async def add_slash(request: Request) -> Response:
        return RedirectResponse(f"/s/{request.path_params['slug']}/", status_code=301)

    endpoint = site_endpoint(services)
    return [
        Route("/s/{slug}", add_slash, methods=["GET", "HEAD"]),
        Route("/s/{slug}/{path:path}", endpoint, methods=["GET", "HEAD"]),
    ]
