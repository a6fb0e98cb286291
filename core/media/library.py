"""A shop's media library: adding an upload, listing, renaming the alt text, deleting.

Every function takes the shop id and touches only that shop's assets. Adding the same bytes
twice to a shop gives back the asset already there (deduplicated by SHA-256).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from bson import ObjectId
from mongoengine import NotUniqueError

from cloudcat.core import site_version
from cloudcat.core.documents.base import utcnow
from cloudcat.core.errors import BadInput, FieldError
from cloudcat.core.media.documents import MediaAsset, MediaVariant
from cloudcat.core.media.images import CONTENT_TYPES, Limits, decode, render_variants
from cloudcat.core.media.store import MediaStore

MAX_ALT = 500
MAX_FILENAME = 255


@dataclass(frozen=True)
class Added:
    """The asset an upload gave, and whether it is new (False: the same bytes were there)."""

    asset: MediaAsset
    created: bool


def clean_filename(name: str) -> str:
    """The file's name as shown in the library: its last path part, without control
    characters, at most `MAX_FILENAME` characters."""
    last = re.split(r"[\\/]", name)[-1]
    return "".join(ch for ch in last if ch.isprintable()).strip()[:MAX_FILENAME]


def _check_alt(alt: str) -> str:
    if len(alt) > MAX_ALT:
        raise BadInput(
            f"the alt text is longer than {MAX_ALT} characters",
            [
                FieldError(
                    ["alt"],
                    f"at most {MAX_ALT} characters",
                    "string_too_long",
                    {"max_length": MAX_ALT},
                )
            ],
        )
    return alt.strip()


def add_upload(
    store: MediaStore,
    shop_id: ObjectId,
    data: bytes,
    limits: Limits,
    filename: str = "",
    alt: str = "",
) -> Added:
    """Check `data`, make its variants, store them and record the asset (MediaRejected or
    BAD_USER_INPUT when refused)."""
    alt = _check_alt(alt)
    sha = hashlib.sha256(data).hexdigest()
    existing = MediaAsset.objects(shop_id=shop_id, sha256=sha).first()
    if existing is not None:
        return Added(existing, False)
    decoded = decode(data, limits)
    renditions = render_variants(decoded)
    for rendition in renditions:
        store.put(shop_id, rendition.key, rendition.data)
    asset = MediaAsset(
        shop_id=shop_id,
        sha256=sha,
        content_type=CONTENT_TYPES[decoded.format],
        width=decoded.width,
        height=decoded.height,
        size=len(data),
        filename=clean_filename(filename),
        alt=alt,
        variants=[
            MediaVariant(
                width=r.width, height=r.height, format=r.format, key=r.key, size=len(r.data)
            )
            for r in renditions
        ],
        created_at=utcnow(),
    )
    try:
        asset.save(force_insert=True)
    except NotUniqueError:  # the same bytes, uploaded at the same moment
        return Added(MediaAsset.objects.get(shop_id=shop_id, sha256=sha), False)
    return Added(asset, True)


def find_asset(shop_id: ObjectId, asset_id: str) -> MediaAsset | None:
    """The shop's asset `asset_id` (None for another shop's, a deleted one or a malformed id)."""
    if not ObjectId.is_valid(asset_id):
        return None
    found: MediaAsset | None = MediaAsset.objects(shop_id=shop_id, id=ObjectId(asset_id)).first()
    return found


def list_assets(
    shop_id: ObjectId, limit: int, before: ObjectId | None = None, search: str | None = None
) -> list[MediaAsset]:
    """The shop's assets newest first, `limit` of them from before `before` (a cursor id),
    those whose file name or alt text contains `search` (any case) when given."""
    query: dict[str, object] = {"shop_id": shop_id}
    if before is not None:
        query["_id"] = {"$lt": before}
    if search and search.strip():
        pattern = {"$regex": re.escape(search.strip()), "$options": "i"}
        query["$or"] = [{"filename": pattern}, {"alt": pattern}]
    return list(MediaAsset.objects(__raw__=query).order_by("-id").limit(limit))


def set_alt(asset: MediaAsset, alt: str) -> MediaAsset:
    """Change the asset's alt text (pages showing it change: the site version is bumped)."""
    asset.alt = _check_alt(alt)
    MediaAsset.objects(shop_id=asset.shop_id, id=asset.id).update_one(set__alt=asset.alt)
    site_version.bump(asset.shop_id, "image alt text changed")
    return asset


def delete_asset(store: MediaStore, asset: MediaAsset) -> None:
    """Delete the asset and those of its files no other asset of the shop uses.

    Pages that still name it keep working: `image_set` returns None for it and the theme
    leaves the picture out (the site version is bumped, so cached pages follow)."""
    MediaAsset.objects(shop_id=asset.shop_id, id=asset.id).delete()
    site_version.bump(asset.shop_id, "image deleted")
    keys = [v.key for v in asset.variants]
    shared = {
        v.key
        for other in MediaAsset.objects(shop_id=asset.shop_id, variants__key__in=keys)
        for v in other.variants
    }
    for key in keys:
        if key not in shared:
            store.delete(asset.shop_id, key)
