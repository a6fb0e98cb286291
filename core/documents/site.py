"""The site version of each shop: the number public caches of its site and API are keyed on."""

from __future__ import annotations

from typing import Any, ClassVar

from mongoengine import DateTimeField, Document, IntField, ObjectIdField, StringField


class SiteVersion(Document):
    """One per shop (`_id` is the shop's id), changed by `cloudcat.core.site_version.bump`."""

    meta: ClassVar[dict[str, Any]] = {
        "collection": "site_versions",
        "indexes": ["next_change_at"],
    }

    id = ObjectIdField(primary_key=True)
    version = IntField(default=0)
    changed_at = DateTimeField()
    reason = StringField(default="", max_length=200)
    next_change_at = DateTimeField()  # the earliest future moment the shown data changes by itself
