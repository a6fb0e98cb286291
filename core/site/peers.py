"""The parts of CloudCat the site draws on that other modules provide: published content
(`cloudcat.core.content.reads`), media images (`cloudcat.core.media.image_set`) and search
(`cloudcat.core.search.search_products`). Each is looked up once; while one is not installed
the site does without it (a generated home page, plain image URLs, the catalog's title search).
"""

from __future__ import annotations

import functools
import importlib
from types import ModuleType
from typing import Any

from bson import ObjectId


@functools.cache
def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError:
        return None


def content_reads() -> Any | None:
    """`cloudcat.core.content.reads`, or None while content is not part of this build."""
    module = _module("cloudcat.core.content.reads")
    return module if module is not None and hasattr(module, "published_page") else None


def image_set(shop_id: Any, ref: Any) -> dict[str, Any] | None:
    """Image ref `ref` (a media id or an https URL) as ``{src, srcset, width, height, alt}``
    for a template, or None when it names nothing this shop can show."""
    if not isinstance(ref, str) or not ref:
        return None
    media = _module("cloudcat.core.media")
    if media is not None and hasattr(media, "image_set"):
        found = media.image_set(shop_id, ref)
        if found is None:
            return None
        return {
            "src": found.src,
            "srcset": getattr(found, "srcset", "") or "",
            "width": getattr(found, "width", None),
            "height": getattr(found, "height", None),
            "alt": getattr(found, "alt", "") or "",
        }
    if ref.startswith("https://"):
        return {"src": ref, "srcset": "", "width": None, "height": None, "alt": ""}
    return None


def search_products() -> Any | None:
    """`cloudcat.core.search.search_products`, or None while search is not part of this build."""
    module = _module("cloudcat.core.search")
    return getattr(module, "search_products", None) if module is not None else None


def page_of_shop(shop_id: Any, page: Any) -> bool:
    """Whether published (or previewed) content page `page` belongs to shop `shop_id`."""
    own = getattr(page, "shop_id", None)
    if own:
        return str(own) == str(shop_id)
    documents = _module("cloudcat.core.content.documents")
    content_page = getattr(documents, "ContentPage", None) if documents is not None else None
    if content_page is None:
        return False
    page_id = str(getattr(page, "id", ""))
    if not ObjectId.is_valid(page_id):
        return False
    query = {"_id": ObjectId(page_id), "shop_id": shop_id}
    return content_page._get_collection().count_documents(query, limit=1) > 0
