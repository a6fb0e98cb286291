"""What search engines and link previews read: structured data, the sitemap, robots.txt."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from bson import ObjectId

from cloudcat.core.catalog.queries import published_products
from cloudcat.core.content import reads
from cloudcat.core.documents import Product
from cloudcat.core.site import catalog
from cloudcat.core.site.formatting import iso_time

MAX_SITEMAP_URLS = 50000


def product_json_ld(product: dict[str, Any], shop_name: str, url: str) -> dict[str, Any]:
    """schema.org Product with its Offer (or AggregateOffer over its SKUs)."""
    price = product["sale"] if product["sale"] is not None else product["price"]
    availability = "https://schema.org/" + ("InStock" if product["available"] else "OutOfStock")
    offer: dict[str, Any] = {
        "@type": "Offer",
        "price": str(price),
        "priceCurrency": product["currency"],
        "availability": availability,
        "url": url,
        "seller": {"@type": "Organization", "name": shop_name},
    }
    prices = [v["price"] for v in product["variants"] if v["price"] is not None]
    if len(set(prices)) > 1:
        offer = {
            "@type": "AggregateOffer",
            "lowPrice": str(min(prices)),
            "highPrice": str(max(prices)),
            "offerCount": len(prices),
            "priceCurrency": product["currency"],
            "availability": availability,
            "url": url,
        }
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product["title"],
        "description": product["seo_description"],
        "sku": product["variants"][0]["sku"] if product["variants"] else product["external_id"],
        "url": url,
        "offers": offer,
    }
    if product["images"]:
        data["image"] = product["images"][:5]
    return data


def sitemap(shop_id: ObjectId, origin: str, base: str, locale: str, default: str) -> str:
    """The sitemap of the shop's site: home, collections, products, published pages."""
    urls: list[tuple[str, str]] = [(f"{origin}{base}/", "")]
    for category in catalog.categories(shop_id):
        urls.append((f"{origin}{base}/collections/{category['id']}", ""))
    fields = {"handle": 1, "updated_at": 1}
    for doc in (
        Product._get_collection().find(published_products(shop_id), fields).limit(MAX_SITEMAP_URLS)
    ):
        urls.append(
            (
                f"{origin}{base}/products/{catalog.product_handle(doc)}",
                iso_time(doc.get("updated_at")),
            )
        )
    for kind, prefix in (("landing", "pages"), ("campaign", "campaigns"), ("article", "articles")):
        for page in reads.published_pages(shop_id, kind, locale, default, limit=1000):
            urls.append((f"{origin}{base}/{prefix}/{page.handle}", iso_time(page.updated_at)))
    lines = ['<?xml version="1.0" encoding="UTF-8"?>']
    lines.append('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    for loc, modified in urls[:MAX_SITEMAP_URLS]:
        extra = f"<lastmod>{escape(modified)}</lastmod>" if modified else ""
        lines.append(f"<url><loc>{escape(loc)}</loc>{extra}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots(origin: str, base: str) -> str:
    """robots.txt: everything may be crawled but previews; where the sitemap is."""
    return (
        "User-agent: *\n"
        f"Disallow: {base}/preview/\n"
        f"Disallow: {base}/search\n"
        f"Sitemap: {origin}{base}/sitemap.xml\n"
    )
