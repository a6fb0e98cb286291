"""Where variant bytes live: a `MediaStore` keyed by (shop, content-addressed key).

The default `FileMediaStore` keeps each shop's files in its own folder under
`settings.media_dir` (default `<data_dir>/media`); files are written to a temporary name and
renamed, so a reader never sees half a file. Keys are checked against `KEY_PATTERN` before any
path is built, so no key can leave its shop's folder.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Protocol

from bson import ObjectId

from cloudcat.core.settings import Settings

KEY_PATTERN = re.compile(r"^[0-9a-f]{40}\.(jpg|png|webp|gif)$")


def valid_key(key: str) -> bool:
    """Whether `key` has the shape of a variant key (40 hex digits and an image extension)."""
    return KEY_PATTERN.fullmatch(key) is not None


class MediaStore(Protocol):
    """Bytes by shop and key. Writing the same key twice is harmless (same content)."""

    def put(self, shop_id: ObjectId, key: str, data: bytes) -> None:
        """Store `data` under `key` for the shop."""

    def get(self, shop_id: ObjectId, key: str) -> bytes | None:
        """The bytes under `key` for the shop, or None."""

    def has(self, shop_id: ObjectId, key: str) -> bool:
        """Whether the shop has `key`."""

    def delete(self, shop_id: ObjectId, key: str) -> None:
        """Forget `key` for the shop (no error when absent)."""


class FileMediaStore:
    """A `MediaStore` on the local filesystem: `<root>/<shop id>/<key>`."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, shop_id: ObjectId, key: str) -> Path:
        if not valid_key(key):
            raise ValueError(f"not a media key: {key!r}")
        return self.root / str(ObjectId(shop_id)) / key

    def put(self, shop_id: ObjectId, key: str, data: bytes) -> None:
        """Store `data` under `key` (atomically: written aside, then renamed)."""
        path = self._path(shop_id, key)
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def get(self, shop_id: ObjectId, key: str) -> bytes | None:
        """The bytes of `key`, or None when there is no such file."""
        try:
            return self._path(shop_id, key).read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None

    def has(self, shop_id: ObjectId, key: str) -> bool:
        """Whether the file of `key` is there."""
        return self._path(shop_id, key).is_file()

    def delete(self, shop_id: ObjectId, key: str) -> None:
        """Remove the file of `key` if it is there."""
        self._path(shop_id, key).unlink(missing_ok=True)


def media_store(settings: Settings) -> MediaStore:
    """The store the settings name: the filesystem under `media_dir` (or `<data_dir>/media`)."""
    return FileMediaStore(settings.media_dir or settings.data_dir / "media")
