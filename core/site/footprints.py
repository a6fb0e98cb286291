"""The footprints snippet: a small script on every site page posting the visitor's
page_view, view_item, select_item and click_buy events to ``/collect`` with the shop's
publishable site key (`Shop.site_key`). A shop without a site key gets no snippet."""

from __future__ import annotations

from pathlib import Path

from bson import ObjectId

from cloudcat.core import accounts, site_version
from cloudcat.core.documents import Shop

SCRIPT = Path(__file__).with_name("static") / "footprints.js"
SITE_KEY_NAME = "Site footprints"


def issue_site_key(shop: Shop, created_by: ObjectId) -> str:
    """Give `shop` a publishable storefront key for its site's snippet (kept, plain, on the
    shop: a publishable key is public by design) and return it. Replaces an earlier one."""
    _, key = accounts.create_storefront_key(shop, SITE_KEY_NAME, created_by)
    Shop.objects(id=shop.id).update_one(set__site_key=key)
    shop.site_key = key
    site_version.bump(shop.id, "site key issued")
    return key


def snippet(shop: Shop, base: str, item_id: str = "") -> dict[str, str] | None:
    """What the page's script tag carries (its src, the key, the collector, the product on
    show), or None when the shop has no site key."""
    key = shop.site_key or ""
    if not key:
        return None
    return {"src": f"{base}/footprints.js", "key": key, "collect": "/collect", "item": item_id}
