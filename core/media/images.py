"""Reading uploaded bytes with Pillow and making the variants, with every limit on the bytes.

`decode` accepts only JPEG, PNG, WebP and GIF as Pillow detects them from the content (a file's
name or declared type count for nothing), refuses files over the size cap before opening them
and images over the pixel cap from their header before decoding (decompression bombs), applies
the EXIF orientation and returns the first frame. `render_variants` makes the widths of
`VARIANT_WIDTHS` not larger than the original (and the original's width up to `MAX_WIDTH`),
each as WebP and in the original's format, with no EXIF or other metadata.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from cloudcat.core.errors import CloudCatError

VARIANT_WIDTHS = (320, 640, 1024, 1600)
MAX_WIDTH = 2048
"""The widest variant made; larger originals are scaled down to it."""

PILLOW_FORMATS = {"JPEG": "jpeg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
OPENED_AS = {**PILLOW_FORMATS, "MPO": "jpeg"}
"""What Pillow may call an image it opened with `PILLOW_FORMATS`' readers: a phone's
multi-picture JPEG (MPO) is a JPEG whose first picture is the photo."""
CONTENT_TYPES = {
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "gif": "image/gif",
}
EXTENSIONS = {"jpeg": "jpg", "png": "png", "webp": "webp", "gif": "gif"}


class MediaRejected(CloudCatError):
    """An upload refused for what its bytes are; `code` says why:

    - ``FILE_TOO_LARGE``: more bytes than the size cap;
    - ``UNSUPPORTED_IMAGE_TYPE``: not a JPEG, PNG, WebP or GIF image (whatever its name);
    - ``IMAGE_TOO_LARGE``: more pixels than the pixel cap (a decompression bomb, or simply huge);
    - ``IMAGE_DAMAGED``: a supported format that cannot be decoded (truncated, corrupt).
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message, code)


@dataclass(frozen=True)
class Limits:
    """The caps an upload is checked against."""

    max_bytes: int
    max_pixels: int


@dataclass(frozen=True)
class Decoded:
    """An accepted image: its detected format, oriented size and first frame."""

    format: str  # one of PILLOW_FORMATS' values
    width: int
    height: int
    image: Image.Image


@dataclass(frozen=True)
class Rendition:
    """One encoded variant."""

    width: int
    height: int
    format: str
    data: bytes

    @property
    def key(self) -> str:
        """The content address of the bytes: a URL with this key always means these bytes."""
        digest = hashlib.sha256(self.data).hexdigest()[:40]
        return f"{digest}.{EXTENSIONS[self.format]}"


def decode(data: bytes, limits: Limits) -> Decoded:
    """The image in `data`, or MediaRejected (see its codes)."""
    if len(data) > limits.max_bytes:
        raise MediaRejected(
            "FILE_TOO_LARGE", f"the file is {len(data)} bytes; at most {limits.max_bytes} allowed"
        )
    with warnings.catch_warnings():
        # Our own pixel cap (below) decides; Pillow's bomb warning would only be noise.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=list(PILLOW_FORMATS))
        except Image.DecompressionBombError as exc:
            raise _too_many_pixels(limits) from exc
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
            raise MediaRejected(
                "UNSUPPORTED_IMAGE_TYPE",
                "the file is not a JPEG, PNG, WebP or GIF image (its contents were checked, "
                "not its name)",
            ) from exc
        detected = OPENED_AS.get(str(image.format))
        if detected is None:
            raise MediaRejected("UNSUPPORTED_IMAGE_TYPE", f"{image.format} images are not taken")
        width, height = image.size
        if width * height > limits.max_pixels:
            raise _too_many_pixels(limits, width, height)
        try:
            image.seek(0)
            image.load()
            oriented = ImageOps.exif_transpose(image)
        except Image.DecompressionBombError as exc:
            raise _too_many_pixels(limits) from exc
        except (OSError, ValueError, SyntaxError, EOFError) as exc:
            raise MediaRejected(
                "IMAGE_DAMAGED", f"the {detected.upper()} image is damaged or truncated"
            ) from exc
    return Decoded(detected, oriented.width, oriented.height, oriented)


def _too_many_pixels(limits: Limits, width: int = 0, height: int = 0) -> MediaRejected:
    size = f"{width}x{height} " if width else ""
    return MediaRejected(
        "IMAGE_TOO_LARGE",
        f"the image {size}has more than the {limits.max_pixels} pixels allowed",
    )


def variant_widths(width: int) -> list[int]:
    """The widths made for an original `width` pixels wide, smallest first."""
    top = min(width, MAX_WIDTH)
    return [w for w in VARIANT_WIDTHS if w < top] + [top]


def render_variants(decoded: Decoded) -> list[Rendition]:
    """Every variant of `decoded`: each width of `variant_widths` as WebP and, unless the
    original is WebP, in the original's format. The widest is scaled from the original, each
    narrower one from the one before (much less work for the same result)."""
    formats = ["webp"] if decoded.format == "webp" else [decoded.format, "webp"]
    source = decoded.image
    frame = _normalized(source)
    renditions = []
    for width in reversed(variant_widths(decoded.width)):
        height = max(1, round(decoded.height * width / decoded.width))
        if frame.width != width:
            frame = frame.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        for fmt in formats:
            renditions.append(Rendition(width, height, fmt, _encode(frame, fmt, source)))
    return sorted(renditions, key=lambda r: (r.width, r.format != decoded.format))


def _normalized(image: Image.Image) -> Image.Image:
    """The frame in RGB or RGBA (palette, CMYK, 16-bit and grey images included)."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    return image.convert("RGBA" if has_alpha else "RGB")


def _encode(frame: Image.Image, fmt: str, source: Image.Image) -> bytes:
    """`frame` encoded as `fmt`, keeping only the colour profile (no EXIF, XMP or comments)."""
    out = io.BytesIO()
    icc = source.info.get("icc_profile")
    # A profile describes the source's colour space: kept only when the pixels stay in it.
    same_space = source.mode in ("RGB", "RGBA") and fmt != "gif"
    extra = {"icc_profile": icc} if icc and same_space else {}
    if fmt == "jpeg":
        rgb = frame
        if frame.mode == "RGBA":
            rgb = Image.new("RGB", frame.size, (255, 255, 255))
            rgb.paste(frame, mask=frame.getchannel("A"))
        rgb.save(out, "JPEG", quality=85, optimize=True, progressive=True, **extra)
    elif fmt == "png":
        frame.save(out, "PNG", **extra)
    elif fmt == "webp":
        frame.save(out, "WEBP", quality=80, method=2, **extra)
    else:
        frame.convert("RGB").quantize(256).save(out, "GIF")
    return out.getvalue()
