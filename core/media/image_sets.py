"""Turning an image ref (what pages, blocks and theme settings store) into what an `<img>` needs.

An image ref is a string: a media asset id (24 hex digits) of the shop, or an absolute https
URL (an outside picture, used as it is). The URL of one of the shop's own variants
(`/media/<shop id>/<key>`, absolute or not: product pictures of the demo catalog are such URLs)
is read as its asset. Anything else, another shop's asset and a deleted asset give None, so a
template simply leaves the picture out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from bson import ObjectId

from cloudcat.core.media.documents import MediaAsset, MediaVariant
from cloudcat.core.media.library import find_asset

DEFAULT_SRC_WIDTH = 1024
"""`src` is the variant closest to this width from below (the fallback of browsers without
srcset, and what link previews pick up)."""

_OWN_URL = re.compile(r"^/media/([0-9a-f]{24})/([0-9a-f]{40}\.(?:jpg|png|webp|gif))$")


@dataclass(frozen=True)
class ImageSet:
    """An image ready for a template or the API.

    `srcset` lists the variants in the original's format (`url 640w, ...`), `webp_srcset` the
    WebP ones (for a `<picture><source type="image/webp">`); both are empty for an outside URL,
    whose `width` and `height` are unknown (None)."""

    src: str
    srcset: str
    width: int | None
    height: int | None
    alt: str
    webp_srcset: str


def media_url(shop_id: ObjectId | str, key: str, base_url: str = "") -> str:
    """The address a variant is served at, under `base_url` (e.g. the public URL) or relative."""
    return f"{base_url.rstrip('/')}/media/{shop_id}/{key}"


def _pick(variants: Sequence[MediaVariant], widths: Sequence[int] | None) -> list[MediaVariant]:
    """The variants to list: all of them, or for each wanted width the smallest variant at
    least that wide (the widest one when none is)."""
    ordered = sorted(variants, key=lambda v: v.width)
    if not widths or not ordered:
        return ordered
    chosen: dict[int, MediaVariant] = {}
    for wanted in widths:
        match = next((v for v in ordered if v.width >= wanted), ordered[-1])
        chosen[match.width] = match
    return [chosen[w] for w in sorted(chosen)]


def _srcset(shop_id: ObjectId, variants: Sequence[MediaVariant], base_url: str) -> str:
    return ", ".join(f"{media_url(shop_id, v.key, base_url)} {v.width}w" for v in variants)


def asset_image_set(
    asset: MediaAsset, widths: Sequence[int] | None = None, base_url: str = ""
) -> ImageSet:
    """The image set of an asset (see `image_set`)."""
    original = asset.content_type.removeprefix("image/")
    main = _pick([v for v in asset.variants if v.format == original], widths)
    webp = _pick([v for v in asset.variants if v.format == "webp"], widths)
    below = [v for v in main if v.width <= DEFAULT_SRC_WIDTH]
    src = below[-1] if below else main[0]
    return ImageSet(
        src=media_url(asset.shop_id, src.key, base_url),
        srcset=_srcset(asset.shop_id, main, base_url),
        width=src.width,
        height=src.height,
        alt=asset.alt or "",
        webp_srcset=_srcset(asset.shop_id, webp, base_url),
    )


def image_set(
    shop_id: ObjectId | str,
    ref: str | None,
    widths: Sequence[int] | None = None,
    *,
    base_url: str = "",
) -> ImageSet | None:
    """What `<img>` needs for the image ref `ref` of shop `shop_id`, or None.

    `ref` is one of the shop's media asset ids, the URL of one of its variants, or an absolute
    https URL (returned as `src` alone). Another shop's asset, a deleted one and anything else
    give None. `widths` narrows the srcsets to the variants serving those widths; URLs are
    relative (`/media/...`) unless `base_url` (e.g. the deployment's public URL) is given.
    Read only: one indexed lookup for an asset.
    """
    if not ref or not isinstance(ref, str) or not ObjectId.is_valid(shop_id):
        return None
    shop = ObjectId(shop_id)
    ref = ref.strip()
    if ObjectId.is_valid(ref) and len(ref) == 24:
        asset = find_asset(shop, ref)
        return asset_image_set(asset, widths, base_url) if asset is not None else None
    parts = urlsplit(ref)
    own = _OWN_URL.fullmatch(parts.path) if parts.scheme in ("", "http", "https") else None
    if own is not None and (parts.netloc or not parts.scheme):
        if own.group(1) != str(shop):
            return None
        asset = MediaAsset.objects(shop_id=shop, variants__key=own.group(2)).first()
        return asset_image_set(asset, widths, base_url) if asset is not None else None
    if parts.scheme == "https" and parts.netloc:
        return ImageSet(src=ref, srcset="", width=None, height=None, alt="", webp_srcset="")
    return None


def asset_json(asset: MediaAsset, base_url: str) -> dict[str, Any]:
    """An asset as the admin sees it (the fields of the GraphQL `MediaAsset`, camelCase): the
    upload endpoint's answer and what the admin schema shows."""
    images = asset_image_set(asset, base_url=base_url)
    webp = sorted((v for v in asset.variants if v.format == "webp"), key=lambda v: v.width)
    return {
        "id": str(asset.id),
        "url": images.src,
        "thumbnailUrl": media_url(asset.shop_id, webp[0].key, base_url) if webp else images.src,
        "srcset": images.srcset,
        "webpSrcset": images.webp_srcset,
        "width": asset.width,
        "height": asset.height,
        "contentType": asset.content_type,
        "size": asset.size,
        "filename": asset.filename or "",
        "alt": asset.alt or "",
        "createdAt": asset.created_at.isoformat(),
    }
