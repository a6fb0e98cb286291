"""The shop's public site: its home page, rendered by the theme the shop enabled."""

from __future__ import annotations

from html import escape
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from cloudcat.core.catalog.queries import published_products
from cloudcat.core.documents import Product, Shop
from cloudcat.core.providers import ProviderKind, StorefrontPage, Theme
from cloudcat.core.services import Services
from cloudcat.core.tenancy import shop_info

HOME_PRODUCTS = 48


def _problem(status: int, title: str, detail: str) -> HTMLResponse:
    body = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(title)}</title>"
        f"</head><body><h1>{escape(title)}</h1><p>{escape(detail)}</p></body></html>"
    )
    return HTMLResponse(body, status_code=status)


def _product_dicts(shop: Shop) -> list[dict[str, Any]]:
    """The shop's published products (active, not hidden by the seller), seller's order first."""
    rows = (
        Product.objects(__raw__=published_products(shop.id))
        .order_by("owned.sort_order", "id")
        .limit(HOME_PRODUCTS)
    )
    return [
        {
            "id": str(p.id),
            "title": p.display_title,
            "description": p.display_description,
            "price": p.price.to_decimal() if hasattr(p.price, "to_decimal") else p.price,
            "currency": p.currency,
            "image_urls": list(p.image_urls),
            "url": p.url,
        }
        for p in rows
    ]


def site_home(services: Services) -> Any:
    """Build the endpoint for `/s/{slug}/`."""

    def render(slug: str) -> Response:
        shop = Shop.objects(slug=slug).first()
        if shop is None:
            return _problem(404, "Not found", "There is no shop at this address.")
        if shop.suspended:
            return _problem(503, shop.name, "This shop is closed for now. 本店暂停营业。")
        shop_plugins = services.shop_plugins
        themes = [t for t in shop_plugins.enabled_providers(shop, ProviderKind.THEME)]
        if not themes:
            return _problem(404, shop.name, "This shop has not published a site yet.")
        theme = themes[0]
        assert isinstance(theme, Theme)
        page = StorefrontPage(
            shop=shop_info(shop),
            products=_product_dicts(shop),
            base_url=f"{services.settings.public_url}/s/{shop.slug}/",
        )
        try:
            html = theme.render_home(page)
        except Exception as exc:  # a failing theme is recorded and shown politely
            shop_plugins.record_error(shop.id, theme.name, exc)
            return _problem(500, shop.name, "This page could not be shown right now.")
        return HTMLResponse(html)

    async def endpoint(request: Request) -> Response:
        return await run_in_threadpool(render, request.path_params["slug"])

    return endpoint
