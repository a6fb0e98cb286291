"""The stored shape of content: pages with per-locale state, their revisions, and menus.

Each locale of a page has its own draft, schedule and published snapshot (`LocaleState`):
publishing one locale never touches another. The writers (`cloudcat.core.content.pages`,
`.publishing`, `.menus`) update these collections with raw pymongo (atomic conditional
updates); the documents here declare the shape and the indexes the reads are shaped for.
"""

from __future__ import annotations

from typing import Any, ClassVar

from mongoengine import (
    BooleanField,
    DateTimeField,
    DictField,
    EmbeddedDocument,
    EmbeddedDocumentField,
    IntField,
    ListField,
    MapField,
    ObjectIdField,
    StringField,
)

from cloudcat.core.documents.base import TenantDocument, utcnow

KINDS = ("home", "landing", "campaign", "article")
HOME_HANDLE = "home"


class RevisionData(EmbeddedDocument):
    """What one version of a page says in one locale."""

    title = StringField(default="")
    seo_title = StringField()
    seo_description = StringField()
    blocks = ListField(DictField())  # {"id", "type", "settings"}, in order
    body_html = StringField()  # articles; sanitized by nh3
    excerpt = StringField()
    cover = StringField()  # an image ref


class LocaleState(EmbeddedDocument):
    """One locale of a page: its draft, its live snapshot and its pending schedule."""

    draft = EmbeddedDocumentField(RevisionData)
    draft_saved_at = DateTimeField()
    draft_version = IntField(default=0)  # +1 per draft save (optimistic concurrency)
    published = EmbeddedDocumentField(RevisionData)
    published_revision = IntField()
    published_at = DateTimeField()
    scheduled_revision = IntField()
    scheduled_at = DateTimeField()
    revisions = IntField(default=0)  # the number of the latest revision of this locale


class ContentPage(TenantDocument):
    """A home, landing, campaign or article page of one shop."""

    meta: ClassVar[dict[str, Any]] = {
        "collection": "content_pages",
        "indexes": [
            {"fields": ["shop_id", "kind", "handle"], "unique": True},
            ("shop_id", "kind", "previous_handles"),
            ("shop_id", "kind", "_id"),
            ("shop_id", "_id"),
            # Published lists, newest first (articles; campaigns), with and without a tag.
            ("shop_id", "kind", "live", "-first_published_at", "-_id"),
            ("shop_id", "kind", "tags", "live", "-first_published_at", "-_id"),
            # The next scheduled publish of a shop (site version's schedule source).
            ("shop_id", "next_publish_at"),
        ],
    }

    kind = StringField(required=True, choices=KINDS)
    handle = StringField(required=True, max_length=80)
    previous_handles = ListField(StringField(max_length=80))  # old handles, answered with 301
    starts_at = DateTimeField()  # campaigns
    ends_at = DateTimeField()
    promotion_ids = ListField(StringField(max_length=200))  # external ids of synced promotions
    tags = ListField(StringField(max_length=60))  # articles
    updated_at = DateTimeField(default=utcnow)
    locales = MapField(EmbeddedDocumentField(LocaleState))  # locale -> its state
    titles = ListField(StringField())  # every locale's draft title, for the admin's search
    live = BooleanField(default=False)  # some locale is published
    live_locales = ListField(StringField())  # the published locales (hreflang alternates)
    first_published_at = DateTimeField()  # an article's date: when it first went live
    next_publish_at = DateTimeField()  # the earliest scheduled publish of any locale


class ContentRevision(TenantDocument):
    """A version of one locale of a page, made when its draft is published or scheduled."""

    meta: ClassVar[dict[str, Any]] = {
        "collection": "content_revisions",
        "indexes": [
            {"fields": ["shop_id", "page_id", "locale", "-number"], "unique": True},
        ],
    }

    page_id = ObjectIdField(required=True)
    locale = StringField(required=True)
    number = IntField(required=True)  # 1, 2, ... per page and locale
    data = EmbeddedDocumentField(RevisionData, required=True)
    created_by = StringField()
    note = StringField()


class MenuLocale(EmbeddedDocument):
    """A menu's items in one locale: ``{"label", "url", "children": [...]}``."""

    items = ListField(DictField())
    saved_at = DateTimeField()


class ContentMenu(TenantDocument):
    """A navigation menu of a shop (``main``, ``footer``, ...); saving publishes it."""

    meta: ClassVar[dict[str, Any]] = {
        "collection": "content_menus",
        "indexes": [{"fields": ["shop_id", "handle"], "unique": True}],
    }

    handle = StringField(required=True, max_length=40)
    locales = MapField(EmbeddedDocumentField(MenuLocale))
    updated_at = DateTimeField(default=utcnow)


__all__ = [
    "HOME_HANDLE",
    "KINDS",
    "ContentMenu",
    "ContentPage",
    "ContentRevision",
    "LocaleState",
    "MenuLocale",
    "RevisionData",
]
