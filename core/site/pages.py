"""The data of each site page: which template draws it, with what, and its status.

Every function here reads published data of one shop only and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from bson import ObjectId

from cloudcat.core.catalog.queries import is_published
from cloudcat.core.content import reads
from cloudcat.core.providers import Theme
from cloudcat.core.search import search_products
from cloudcat.core.site import catalog
from cloudcat.core.site.blocks import article_view, generated_home, image_view, resolve_blocks
from cloudcat.core.site.footprints import snippet
from cloudcat.core.site.locales import SITE_LOCALES, language
from cloudcat.core.site.seo import product_json_ld
from cloudcat.core.site.texts import TEXTS

if TYPE_CHECKING:
    from cloudcat.core.site.routes import SiteRequest

PER_PAGE = 24
CONTENT_PREFIXES = {"pages": ("landing", "page.html"), "campaigns": ("campaign", "campaign.html")}


@dataclass
class Page:
    """A page to render: its template, data and HTTP status."""

    template: str
    data: dict[str, Any] = field(default_factory=dict)
    status: int = 200
    title: str = ""
    description: str = ""
    image: str = ""
    kind: str = "website"
    item_id: str = ""
    alternates: list[str] | None = None


@dataclass(frozen=True)
class Redirect:
    """A permanent move to `location` (a site path)."""

    location: str


def _shop(request: SiteRequest) -> catalog.SiteShop:
    return catalog.SiteShop(request.shop.id, request.shop.slug, request.shop.currency, request.base)


def not_found(request: SiteRequest) -> Page:
    """The friendly 404 page."""
    return Page("404.html", status=404, title=TEXTS[language(request.locale)]["not_found"])


def _page_number(request: SiteRequest) -> int:
    raw = request.query.get("page", "1")
    return max(1, min(1000, int(raw))) if raw.isdigit() else 1


def home(request: SiteRequest) -> Page:
    """The published home page, or one generated from the catalog."""
    shop = _shop(request)
    published = reads.published_page(shop.id, "home", "home", request.locale, request.shop.locale)
    if published is not None:
        blocks = resolve_blocks(published.blocks, shop, request.locale, request.shop.locale)
        return Page(
            "home.html",
            {"blocks": blocks, "content": published},
            title=published.seo_title or published.title or request.shop.name,
            description=published.seo_description or "",
            alternates=list(published.alternates),
        )
    settings = request.theme().settings()
    headline = str(settings.get("headline") or "")
    blocks = resolve_blocks(
        generated_home(shop, request.shop.name, headline), shop, request.locale, request.shop.locale
    )
    return Page("home.html", {"blocks": blocks, "content": None}, description=headline)


def collection(request: SiteRequest, category_id: str) -> Page:
    """A category or collection page with its published products, paged."""
    shop = _shop(request)
    found = next((c for c in catalog.categories(shop.id) if c["id"] == category_id), None)
    if found is None:
        return not_found(request)
    number = _page_number(request)
    sort = request.query.get("sort", "manual")
    products = catalog.list_products(
        shop, category_id=category_id, sort=sort, limit=PER_PAGE, offset=(number - 1) * PER_PAGE
    )
    total = catalog.count_products(shop, category_id)
    return Page(
        "collection.html",
        {"collection": found, "products": products, "pager": _pager(request, number, total)},
        title=found["name"],
        image=found["image"],
    )


def _pager(request: SiteRequest, number: int, total: int) -> dict[str, Any]:
    pages = max(1, -(-total // PER_PAGE))
    path = f"{request.base}/{request.path}"

    def link(n: int) -> str:
        query = {**request.query, "page": str(n)}
        return f"{path}?{urlencode(query)}"

    return {
        "number": number,
        "pages": pages,
        "total": total,
        "previous": link(number - 1) if number > 1 else "",
        "next": link(number + 1) if number < pages else "",
    }


def product(request: SiteRequest, handle: str) -> Page | Redirect:
    """A product page; a delisted or hidden product's is the 404 "no longer available" page,
    and a product asked for by id moves to its handle."""
    shop = _shop(request)
    raw = catalog.find_product(shop.id, handle)
    if raw is None:
        return not_found(request)
    current = catalog.product_handle(raw)
    if current != handle:
        return Redirect(f"{request.base}/products/{current}")
    if not is_published(raw):
        texts = TEXTS[language(request.locale)]
        return Page("unavailable.html", {"title": raw.get("title", "")}, 404, texts["unavailable"])
    view = catalog.product_views([raw], shop)[0]
    url = f"{request.origin}{view['url']}"
    related: list[dict[str, Any]] = []
    if view["category_ids"]:
        candidates = catalog.list_products(shop, category_id=view["category_ids"][0], limit=9)
        related = [p for p in candidates if p["id"] != view["id"]][:8]
    return Page(
        "product.html",
        {
            "product": view,
            "related": related,
            "json_ld": product_json_ld(view, request.shop.name, url),
        },
        title=view["seo_title"],
        description=view["seo_description"],
        image=view["image"],
        kind="product",
        item_id=view["id"],
    )


def search(request: SiteRequest) -> Page:
    """Search results for ``?q=`` (published products only)."""
    shop = _shop(request)
    text = request.query.get("q", "").strip()[:200]
    number = _page_number(request)
    products: list[dict[str, Any]] = []
    total = 0
    suggestion = None
    if text:
        found = search_products(shop.id, text, limit=PER_PAGE, offset=(number - 1) * PER_PAGE)
        ids = [ObjectId(i) if isinstance(i, str) else i for i in found.product_ids]
        products = catalog.list_products(shop, ids=ids)
        total, suggestion = int(found.total), found.suggestion
    return Page(
        "search.html",
        {
            "query": text,
            "products": products,
            "total": total,
            "suggestion": suggestion,
            "pager": _pager(request, number, total),
        },
        title=f"{TEXTS[language(request.locale)]['search']}: {text}" if text else "",
    )


def content_page(request: SiteRequest, prefix: str, handle: str) -> Page | Redirect:
    """A published landing page, campaign or article (301 from an old handle)."""
    kind, template = CONTENT_PREFIXES.get(prefix, ("article", "article.html"))
    found = reads.published_page(request.shop.id, kind, handle, request.locale, request.shop.locale)
    if found is None:
        moved = reads.moved_handle(request.shop.id, kind, handle)
        if moved:
            return Redirect(f"{request.base}/{prefix}/{moved}")
        return not_found(request)
    return _content(request, found, template)


def _content(request: SiteRequest, found: Any, template: str) -> Page:
    shop = _shop(request)
    blocks = resolve_blocks(found.blocks, shop, request.locale, request.shop.locale)
    cover = image_view(shop.id, found.cover)
    return Page(
        template,
        {"content": found, "blocks": blocks, "cover": cover},
        title=found.seo_title or found.title,
        description=found.seo_description or found.excerpt or "",
        image=cover["src"] if cover else "",
        kind="article" if found.kind == "article" else "website",
        alternates=list(found.alternates),
    )


def articles(request: SiteRequest) -> Page:
    """The list of published articles, newest first (``?tag=`` narrows it)."""
    shop = _shop(request)
    tag = request.query.get("tag") or None
    found = reads.published_pages(
        shop.id, "article", request.locale, request.shop.locale, limit=PER_PAGE, tag=tag
    )
    title = TEXTS[language(request.locale)]["articles"]
    return Page("articles.html", {"articles": [article_view(p, shop) for p in found]}, title=title)


def preview(request: SiteRequest, token: str) -> Page:
    """A draft shown through its signed preview link (never cached, never indexed)."""
    found = reads.preview_page(token, datetime.now(UTC), shop_id=request.shop.id)
    if found is None:
        return not_found(request)
    template = {"home": "home.html", "landing": "page.html", "campaign": "campaign.html"}
    return _content(request, found, template.get(found.kind, "article.html"))


def page_for(request: SiteRequest) -> Page | Redirect:
    """The page at `request.path`."""
    parts = [part for part in request.path.split("/") if part]
    if not parts:
        return home(request)
    head, rest = parts[0], parts[1:]
    if len(rest) == 1:
        if head == "collections":
            return collection(request, rest[0])
        if head == "products":
            return product(request, rest[0])
        if head in ("pages", "campaigns", "articles"):
            return content_page(request, head, rest[0])
        if head == "preview":
            return preview(request, rest[0])
    if not rest and head == "search":
        return search(request)
    if not rest and head == "articles":
        return articles(request)
    return not_found(request)


def _alternates(request: SiteRequest, published: list[str] | None) -> list[dict[str, str]]:
    path = f"{request.origin}{request.base}/{request.path}"
    locales = [loc for loc in SITE_LOCALES if published is None or loc in published]
    links = [{"hreflang": loc, "href": f"{path}?{urlencode({'lang': loc})}"} for loc in locales]
    if links:
        links.append({"hreflang": "x-default", "href": path})
    return links


def _navigation(request: SiteRequest, categories: list[dict[str, Any]]) -> list[dict[str, Any]]:
    menu = reads.menu(request.shop.id, "main", request.locale, request.shop.locale)
    if menu:
        return list(menu)
    top = [c for c in categories if not c["parent_id"]]
    return [
        {"label": c["name"], "url": f"{request.base}/collections/{c['id']}", "children": []}
        for c in top[:8]
    ]


def common(request: SiteRequest, theme: Theme, page: Page) -> dict[str, Any]:
    """What every template sees besides its page's own data."""
    lang = language(request.locale)
    texts = {**TEXTS[lang], **dict(getattr(theme, "texts", {}).get(lang, {}))}
    shop = request.shop
    title = page.title or shop.name
    if page.title and page.title != shop.name:
        title = f"{page.title} · {shop.name}"
    other = "en" if lang == "zh" else "zh-CN"
    path = f"{request.base}/{request.path}"
    categories = catalog.categories(shop.id)
    return {
        **page.data,
        "shop": {
            "name": shop.name,
            "slug": shop.slug,
            "locale": shop.locale,
            "currency": shop.currency,
        },
        "base": request.base,
        "home_url": f"{request.base}/",
        "locale": request.locale,
        "lang": request.locale,
        "t": texts,
        "settings": theme.settings(),
        "block_types": theme.block_types,
        "asset_base": f"{request.base}/assets/{request.theme_name}/",
        "navigation": _navigation(request, categories),
        "categories": categories,
        "agent": request.agent,
        "in_wechat": request.agent == "wechat",
        "search_url": f"{request.base}/search",
        "switch_language": {
            "label": texts["language"],
            "url": f"{path}?{urlencode({'lang': other})}",
        },
        "seo": {
            "title": title,
            "description": page.description[:300],
            "image": f"{request.origin}{page.image}" if page.image.startswith("/") else page.image,
            "type": page.kind,
            "canonical": f"{request.origin}{path}",
            "alternates": _alternates(request, page.alternates),
            "noindex": page.status != 200 or request.path.startswith(("preview/", "search")),
        },
        "snippet": snippet(shop, request.base, page.item_id),
        "status": page.status,
    }
