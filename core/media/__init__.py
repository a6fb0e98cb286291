"""Media: a shop's uploaded images, their variants, where they are stored and how pages use them.

- `library.add_upload` checks the bytes (`images.decode`: JPEG/PNG/WebP/GIF only, size and
  pixel caps), makes the variants (`images.render_variants`: several widths, WebP and the
  original's format, EXIF orientation applied, metadata dropped) and stores them in the
  shop's `MediaStore` (`store.media_store(settings)`) under content-addressed keys.
- `image_set(shop_id, ref)` turns an image ref into `src`/`srcset`/size/alt for templates and
  the API (also in the plugin API, for themes).
- The variants are served at `/media/<shop id>/<key>` (`cloudcat.core.web.media`), with the
  admin upload endpoint beside them (documented in docs/media.md).
"""

from cloudcat.core.media.documents import MediaAsset, MediaVariant
from cloudcat.core.media.image_sets import (
    ImageSet,
    asset_image_set,
    asset_json,
    image_set,
    media_url,
)
from cloudcat.core.media.images import Limits, MediaRejected
from cloudcat.core.media.store import MediaStore, media_store

__all__ = [
    "ImageSet",
    "Limits",
    "MediaAsset",
    "MediaRejected",
    "MediaStore",
    "MediaVariant",
    "asset_image_set",
    "asset_json",
    "image_set",
    "media_store",
    "media_url",
]
