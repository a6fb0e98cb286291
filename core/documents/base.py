"""Shared pieces of documents: timestamps and the tenant-owned base class."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from mongoengine import DateTimeField, Document, ObjectIdField


def utcnow() -> datetime:
    return datetime.now(UTC)


class TenantDocument(Document):
    """A document owned by one shop: it carries `shop_id`, and every query filters by it."""

    meta: ClassVar[dict[str, Any]] = {"abstract": True}

    shop_id = ObjectIdField(required=True)
    created_at = DateTimeField(default=utcnow)
