"""Persisted storefront queries (Apollo's automatic persisted queries), per shop."""

from __future__ import annotations

from typing import Any, ClassVar

from mongoengine import StringField

from cloudcat.core.documents.base import TenantDocument


class PersistedQuery(TenantDocument):
    """A query text a shop's front-end registered under its SHA-256 (`sha256`, hex)."""

    meta: ClassVar[dict[str, Any]] = {
        "collection": "persisted_queries",
        "indexes": [{"fields": ["shop_id", "sha256"], "unique": True}],
    }

    sha256 = StringField(required=True, min_length=64, max_length=64)
    query = StringField(required=True)


__all__ = ["PersistedQuery"]
