"""The media asset document: one uploaded image of a shop and the variants made from it."""

from __future__ import annotations

from typing import Any, ClassVar

from mongoengine import (
    EmbeddedDocument,
    EmbeddedDocumentListField,
    IntField,
    StringField,
)

from cloudcat.core.documents.base import TenantDocument

FORMATS = ("jpeg", "png", "webp", "gif")
"""The image formats accepted (as detected from the bytes) and the formats variants are in."""


class MediaVariant(EmbeddedDocument):
    """One stored rendition of an asset: a width, a format and its content-addressed key."""

    width = IntField(required=True)
    height = IntField(required=True)
    format = StringField(required=True, choices=FORMATS)
    key = StringField(required=True)
    size = IntField(required=True)


class MediaAsset(TenantDocument):
    """An image a shop uploaded, deduplicated per shop by the SHA-256 of its bytes.

    `content_type` is what Pillow found in the bytes, never what the name or the request said.
    The original bytes are not kept: every variant is re-encoded (EXIF orientation applied,
    metadata dropped), the largest at the original's width up to `MAX_WIDTH`.
    """

    meta: ClassVar[dict[str, Any]] = {
        "collection": "media_assets",
        "indexes": [
            {"fields": ["shop_id", "sha256"], "unique": True},
            {"fields": ["shop_id", "-id"]},
            {"fields": ["shop_id", "variants.key"]},
        ],
    }

    sha256 = StringField(required=True, regex=r"^[0-9a-f]{64}$")
    content_type = StringField(required=True)
    width = IntField(required=True)
    height = IntField(required=True)
    size = IntField(required=True)
    filename = StringField(default="", max_length=255)
    alt = StringField(default="", max_length=500)
    variants = EmbeddedDocumentListField(MediaVariant)
