"""The demo shop's product pictures: drawn with Pillow, stored through the media pipeline.

Each kind of product (a `make_catalog.TEMPLATES` entry) gets `LOOKS` cards: a colour gradient of
its category, a pattern (rings, stripes or dots), the product's initials large and its name.
Drawing is deterministic, so the same code always makes the same bytes (and the pipeline's
per-shop deduplication finds them again). A product shows two cards of its kind, so the product
page has a gallery. No outside host is involved: the pictures are served at `/media/...`.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from functools import cache

from bson import ObjectId
from PIL import Image, ImageDraw, ImageFont

from cloudcat.core.demo.make_catalog import TEMPLATES, Template
from cloudcat.core.media import MediaAsset, MediaStore, asset_image_set
from cloudcat.core.media.images import Limits
from cloudcat.core.media.library import add_upload

SIZE = 800
LOOKS = 3
PALETTES = {  # category: (top colour, bottom colour)
    "green-tea": ((122, 169, 104), (48, 99, 72)),
    "oolong": ((196, 140, 74), (120, 72, 38)),
    "dark-tea": ((130, 76, 58), (58, 34, 30)),
    "teaware": ((92, 122, 160), (44, 62, 96)),
    "ceramics": ((84, 140, 176), (28, 70, 120)),
    "silk": ((206, 92, 110), (128, 40, 70)),
    "bamboo": ((176, 170, 92), (98, 110, 52)),
    "stationery": ((120, 110, 150), (56, 48, 86)),
    "home": ((214, 150, 96), (150, 82, 60)),
}
DEFAULT_PALETTE = ((120, 120, 120), (60, 60, 60))


def card_name(template_index: int, look: int) -> str:
    """The file name of a card in the media library (how the demo finds its cards again)."""
    return f"demo-card-{template_index + 1:02d}-{look + 1}.jpg"


def product_cards(number: int) -> list[str]:
    """The card names of demo product `number` (from 1): two looks of its kind."""
    template = (number - 1) % len(TEMPLATES)
    look = number % LOOKS
    return [card_name(template, look), card_name(template, (look + 1) % LOOKS)]


def initials(name: str) -> str:
    """The first letters of the first two words ("Longjing tea" -> "LT")."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    return "".join(w[0].upper() for w in words[:2]) or "CC"


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _gradient(top: tuple[int, int, int], bottom: tuple[int, int, int]) -> Image.Image:
    mask = Image.linear_gradient("L").resize((SIZE, SIZE))
    return Image.composite(
        Image.new("RGB", (SIZE, SIZE), bottom), Image.new("RGB", (SIZE, SIZE), top), mask
    )


def _pattern(look: int) -> Image.Image:
    layer = Image.new("L", (SIZE, SIZE), 0)
    draw = ImageDraw.Draw(layer)
    if look == 0:  # rings from the lower right corner
        for radius in range(120, 1200, 90):
            draw.ellipse(
                (SIZE - radius, SIZE - radius, SIZE + radius, SIZE + radius), outline=48, width=14
            )
    elif look == 1:  # diagonal stripes
        for offset in range(-SIZE, SIZE, 70):
            draw.line((offset, SIZE, offset + SIZE, 0), fill=40, width=22)
    else:  # a grid of dots
        for x in range(40, SIZE, 80):
            for y in range(40, SIZE, 80):
                draw.ellipse((x - 9, y - 9, x + 9, y + 9), fill=60)
    return layer


def _centered(
    draw: ImageDraw.ImageDraw, y: int, text: str, size: int, fill: tuple[int, int, int]
) -> None:
    font = _font(size)
    left, _, right, _ = draw.textbbox((0, 0), text, font=font)
    draw.text(((SIZE - (right - left)) / 2, y), text, font=font, fill=fill)


def render_card(template: Template, look: int) -> bytes:
    """The JPEG bytes of one card."""
    top, bottom = PALETTES.get(template.category, DEFAULT_PALETTE)
    image = _gradient(top, bottom)
    image.paste((255, 255, 255), mask=_pattern(look))
    draw = ImageDraw.Draw(image)
    _centered(draw, 190 + 4, initials(template.en), 300, (0, 0, 0))  # a soft shadow
    _centered(draw, 190, initials(template.en), 300, (255, 255, 255))
    _centered(draw, 560, template.en, 54, (255, 255, 255))
    _centered(draw, 715, "CloudCat demo", 28, (235, 235, 235))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def all_cards() -> Iterable[tuple[str, Template, int]]:
    """Every card: its file name, its kind of product and its look."""
    for index, template in enumerate(TEMPLATES):
        for look in range(LOOKS):
            yield card_name(index, look), template, look


def ensure_demo_images(store: MediaStore, shop_id: ObjectId, limits: Limits) -> int:
    """Draw and store the cards the shop does not have yet (a few at once: Pillow draws and
    encodes outside the GIL); returns how many were added."""
    have = set(MediaAsset.objects(shop_id=shop_id).distinct("filename"))

    def add(name: str, template: Template, look: int) -> bool:
        alt = f"{template.zh} {template.en}"
        return add_upload(store, shop_id, render_card(template, look), limits, name, alt).created

    missing = [card for card in all_cards() if card[0] not in have]
    with ThreadPoolExecutor(max_workers=4) as pool:
        return sum(pool.map(lambda card: add(*card), missing))


def card_urls(shop_id: ObjectId, base_url: str) -> dict[str, str]:
    """Card file name -> the absolute URL of its picture (up to 1024 px, JPEG). Read only."""
    found = MediaAsset.objects(shop_id=shop_id, filename__startswith="demo-card-")
    return {asset.filename: asset_image_set(asset, base_url=base_url).src for asset in found}
