"""A small per-shop key/value store for each plugin (`ProviderContext.state`).

What a provider remembers between runs of one shop (e.g. a marketplace shop's currency, so a
webhook delivery can be priced without a call) lives in the one tenant-scoped raw collection
`plugin_state`: one document per (shop, plugin, key), holding a JSON-compatible value of at
most `MAX_VALUE_BYTES` once encoded. Plugins never write the database themselves: this is the
place for such values. It is a cache-sized store, not a place for records (those are synced).
"""

from __future__ import annotations

import json
import re
import threading
import weakref
from typing import Any

from bson import ObjectId
from pymongo import ASCENDING, IndexModel, MongoClient

from cloudcat.core.documents.base import utcnow
from cloudcat.core.storage.database import RawDatabase, register_raw_indexes
from cloudcat.core.storage.retry import retry_transient

STATE_COLLECTION = "plugin_state"
MAX_VALUE_BYTES = 16 * 1024
"""The largest value `ProviderState.set` takes (its JSON encoding, in UTF-8 bytes)."""
KEY_PATTERN = re.compile(r"^\S{1,200}$")
"""What a key may be: 1 to 200 characters, none of them white space (e.g. ``currency:x.com``)."""
INDEXES = [
    IndexModel(
        [("shop_id", ASCENDING), ("plugin", ASCENDING), ("key", ASCENDING)],
        unique=True,
        name="shop_plugin_key",
    )
]

_indexed: weakref.WeakKeyDictionary[MongoClient[dict[str, Any]], set[str]] = (
    weakref.WeakKeyDictionary()
)
"""The databases (by client) whose `plugin_state` index this process has created."""
_indexed_lock = threading.Lock()


def ensure_state_indexes(db: RawDatabase) -> None:
    """Create the unique (shop_id, plugin, key) index of `plugin_state` (idempotent)."""
    db[STATE_COLLECTION].create_indexes(INDEXES)
    with _indexed_lock:
        _indexed.setdefault(db.client, set()).add(db.name)


def _ensure_once(db: RawDatabase) -> None:
    with _indexed_lock:
        done = db.name in _indexed.get(db.client, set())
    if not done:
        ensure_state_indexes(db)


register_raw_indexes(ensure_state_indexes)


class ProviderState:
    """The values one plugin keeps for one shop: `get(key)` and `set(key, value)`.

    Values are JSON-compatible (str, int, float, bool, None, lists, objects with string keys)
    and at most `MAX_VALUE_BYTES` once encoded; keys match `KEY_PATTERN`. A bad key or value
    raises `ValueError` (a bug in the plugin, not a seller's mistake).
    """

    def __init__(self, db: RawDatabase, shop_id: str | ObjectId, plugin: str) -> None:
        self._collection = db[STATE_COLLECTION]
        self._db = db
        self._shop_id = ObjectId(shop_id)
        self._plugin = plugin

    def _filter(self, key: str) -> dict[str, Any]:
        if not KEY_PATTERN.match(key):
            raise ValueError(f"a state key is 1-200 characters without spaces, not {key!r}")
        return {"shop_id": self._shop_id, "plugin": self._plugin, "key": key}

    def get(self, key: str) -> Any:
        """The value stored under `key` for this shop and plugin, or None when there is none."""
        found = self._collection.find_one(self._filter(key), {"value": 1})
        return found.get("value") if found else None

    @retry_transient
    def set(self, key: str, value: Any) -> None:
        """Store `value` under `key` for this shop and plugin (replacing what was there)."""
        where = self._filter(key)
        try:
            size = len(json.dumps(value, allow_nan=False).encode())
        except (TypeError, ValueError) as exc:
            raise ValueError(f"the state value of {key!r} is not JSON: {exc}") from exc
        if size > MAX_VALUE_BYTES:
            raise ValueError(
                f"the state value of {key!r} takes {size} bytes; at most {MAX_VALUE_BYTES}"
            )
        _ensure_once(self._db)
        self._collection.update_one(
            where, {"$set": {"value": value, "updated_at": utcnow()}}, upsert=True
        )
