"""The MongoDB connection shared by mongoengine documents and raw pymongo code.

`connect()` registers mongoengine's default connection to one database and hands back the
same client's `Database` for raw pymongo access (bulk writes, aggregations, job leasing), so
both go through one connection pool. `resolve_uri()` decides between a configured MongoDB and
the embedded SecantusDB server.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import mongoengine
from mongoengine.base.common import _document_registry
from pymongo import MongoClient
from pymongo.database import Database

from cloudcat.core.settings import Environment, Settings, SettingsError
from cloudcat.core.storage.embedded import EmbeddedDatabase

log = logging.getLogger(__name__)

RawDatabase = Database[dict[str, Any]]

_RAW_INDEX_BUILDERS: list[Callable[[RawDatabase], None]] = []
"""The index builders of raw (non-mongoengine) collections, run by `open_storage`."""


def register_raw_indexes(build: Callable[[RawDatabase], None]) -> None:
    """Have `open_storage` run `build(db)` to create a raw collection's indexes at startup.

    The modules that own raw collections (the jobs, the plugin state store) register their
    builder when imported, so storage depends on none of them. A builder must be idempotent;
    it runs once per `open_storage` (the owners also create their indexes on first use).
    """
    if build not in _RAW_INDEX_BUILDERS:
        _RAW_INDEX_BUILDERS.append(build)


@dataclass
class Storage:
    """An open connection: the raw database plus what to stop when closing."""

    db: RawDatabase
    embedded: EmbeddedDatabase | None = None

    @property
    def client(self) -> MongoClient[dict[str, Any]]:
        return self.db.client

    def ping(self) -> bool:
        try:
            self.db.command("ping")
        except Exception:
            return False
        return True

    def close(self) -> None:
        mongoengine.disconnect()
        if self.embedded is not None:
            self.embedded.stop()


def connect(uri: str, name: str) -> RawDatabase:
    """Point mongoengine's default connection at database `name` and return it for pymongo."""
    mongoengine.disconnect()
    mongoengine.connect(
        db=name,
        host=uri,
        tz_aware=True,
        uuidRepresentation="standard",
        serverSelectionTimeoutMS=5000,
    )
    db: RawDatabase = mongoengine.get_db()
    return db


def ensure_indexes() -> None:
    """Create the indexes every registered document declares (idempotent)."""
    for document in list(_document_registry.values()):
        if document._meta.get("abstract") or not hasattr(document, "ensure_indexes"):
            continue
        if getattr(document, "_is_document", False):
            document.ensure_indexes()


def open_storage(settings: Settings) -> Storage:
    """Connect to the configured MongoDB, or start the embedded server when none is set."""
    embedded = None
    uri = settings.mongodb_uri
    if not uri and settings.environment == Environment.PRODUCTION:
        raise SettingsError(
            "CLOUDCAT_MONGODB_URI is required in production: every API process and worker must "
            "share one MongoDB (the embedded database is for development and tests)"
        )
    if not uri:
        embedded = EmbeddedDatabase(settings.data_dir)
        uri = embedded.start()
        log.info("embedded database listening at %s (data in %s)", uri, settings.data_dir)
    db = connect(uri, settings.database_name)
    ensure_indexes()
    for build in _RAW_INDEX_BUILDERS:
        build(db)
    return Storage(db=db, embedded=embedded)
