"""The rendered-page cache: finished pages kept in memory, keyed by shop x path x query x
locale x theme x browser kind x site version.

A page is stored and served from here only while the shop's site state is cacheable
(`cloudcat.core.site_version.SiteState.cacheable`); any committed change to what the site shows
bumps the version, so an entry of an older version is never hit again (and ages out).
Bounded by entry count and total bytes, least recently used out first.
"""

from __future__ import annotations

import gzip
import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import datetime

MAX_ENTRIES = 2000
MAX_BYTES = 64 * 1024 * 1024


GZIP_MIN_BYTES = 1024


@dataclass(frozen=True)
class RenderedPage:
    """A rendered page: status, body (and its gzip encoding, made once), its entity tag and
    when it was rendered."""

    status: int
    body: bytes
    etag: str
    rendered_at: datetime
    content_type: str = "text/html; charset=utf-8"
    gzipped: bytes | None = field(default=None, compare=False)

    @classmethod
    def make(
        cls,
        status: int,
        body: bytes,
        etag: str,
        rendered_at: datetime,
        content_type: str = "text/html; charset=utf-8",
    ) -> RenderedPage:
        """A page with its gzip encoding when it is large enough to be worth it."""
        packed = gzip.compress(body, 6, mtime=0) if len(body) >= GZIP_MIN_BYTES else None
        return cls(status, body, etag, rendered_at, content_type, packed)

    @property
    def size(self) -> int:
        """The bytes the page holds in memory."""
        return len(self.body) + len(self.gzipped or b"")


class PageCache:
    """A thread-safe LRU of `RenderedPage`s."""

    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Hashable, RenderedPage] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> RenderedPage | None:
        """The page stored under `key`, or None."""
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key: Hashable, page: RenderedPage) -> None:
        """Store `page` under `key` (a page larger than the whole budget is not kept)."""
        if page.size > self.max_bytes:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= old.size
            self._entries[key] = page
            self._bytes += page.size
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= dropped.size

    def __len__(self) -> int:
        return len(self._entries)
