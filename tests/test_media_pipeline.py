"""The upload pipeline on the bytes: detection, limits, orientation, metadata, variants, dedupe,
deletion, and `image_set` (one shop never reaches another's images)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from cloudcat.core import plugin_api, site_version
from cloudcat.core.documents import Shop
from cloudcat.core.media import MediaAsset, MediaRejected, image_set
from cloudcat.core.media.images import Limits
from cloudcat.core.media.library import add_upload, delete_asset, list_assets, set_alt
from cloudcat.core.media.store import FileMediaStore
from cloudcat.core.storage.database import RawDatabase
from tests.conftest import make_shop
from tests.media_helpers import HTML, PDF, SVG, jpeg_with_exif, picture, png_bomb

LIMITS = Limits(max_bytes=2_000_000, max_pixels=20_000_000)


@pytest.fixture
def store(tmp_path: Path) -> FileMediaStore:
    return FileMediaStore(tmp_path / "media")


def _open(store: FileMediaStore, shop: Shop, key: str) -> Image.Image:
    data = store.get(shop.id, key)
    assert data is not None, key
    return Image.open(io.BytesIO(data))


def test_a_png_named_jpg_is_taken_for_what_it_is(store: FileMediaStore, shop: Shop) -> None:
    added = add_upload(store, shop.id, picture(700, 350), LIMITS, "photo.jpg")
    asset = added.asset
    assert added.created
    assert asset.content_type == "image/png"
    assert (asset.width, asset.height, asset.filename) == (700, 350, "photo.jpg")
    assert {v.format for v in asset.variants} == {"png", "webp"}
    for variant in asset.variants:
        image = _open(store, shop, variant.key)
        assert image.format == variant.format.upper()
        assert variant.key.endswith("." + ("png" if variant.format == "png" else "webp"))


@pytest.mark.parametrize(("data", "name"), [(HTML, "x.png"), (SVG, "logo.png"), (PDF, "a.png")])
def test_what_is_not_an_image_is_refused_whatever_its_name(
    store: FileMediaStore, shop: Shop, data: bytes, name: str
) -> None:
    with pytest.raises(MediaRejected) as refused:
        add_upload(store, shop.id, data, LIMITS, name)
    assert refused.value.code == "UNSUPPORTED_IMAGE_TYPE"
    assert MediaAsset.objects(shop_id=shop.id).count() == 0
    assert not (store.root / str(shop.id)).exists()


def test_other_image_formats_are_refused(store: FileMediaStore, shop: Shop) -> None:
    bmp = picture(20, 20, "BMP")
    tiff = picture(20, 20, "TIFF")
    for data in (bmp, tiff):
        with pytest.raises(MediaRejected) as refused:
            add_upload(store, shop.id, data, LIMITS, "x.png")
        assert refused.value.code == "UNSUPPORTED_IMAGE_TYPE"


def test_too_many_bytes_are_refused_before_decoding(store: FileMediaStore, shop: Shop) -> None:
    data = picture(60, 60)
    with pytest.raises(MediaRejected) as refused:
        add_upload(store, shop.id, data, Limits(max_bytes=len(data) - 1, max_pixels=10**7))
    assert refused.value.code == "FILE_TOO_LARGE"
    assert add_upload(store, shop.id, data, Limits(len(data), 10**7)).created


@pytest.mark.parametrize("side", [6000, 30_000])
def test_a_decompression_bomb_is_refused_from_its_header(
    store: FileMediaStore, shop: Shop, side: int
) -> None:
    bomb = png_bomb(side, side)
    assert len(bomb) < 200_000  # a small file...
    with pytest.raises(MediaRejected) as refused:  # ...claiming 36 M or 900 M pixels
        add_upload(store, shop.id, bomb, LIMITS, "bomb.png")
    assert refused.value.code == "IMAGE_TOO_LARGE"


def test_a_truncated_image_is_refused_as_damaged(store: FileMediaStore, shop: Shop) -> None:
    whole = picture(400, 300, "JPEG")
    with pytest.raises(MediaRejected) as refused:
        add_upload(store, shop.id, whole[: len(whole) // 2], LIMITS, "cut.jpg")
    assert refused.value.code == "IMAGE_DAMAGED"


def test_variants_cover_the_widths_up_to_the_original(store: FileMediaStore, shop: Shop) -> None:
    asset = add_upload(store, shop.id, picture(3000, 1500, "JPEG"), LIMITS).asset
    assert asset.content_type == "image/jpeg"
    jpeg = sorted((v.width, v.height) for v in asset.variants if v.format == "jpeg")
    webp = sorted((v.width, v.height) for v in asset.variants if v.format == "webp")
    assert jpeg == webp == [(320, 160), (640, 320), (1024, 512), (1600, 800), (2048, 1024)]
    for variant in asset.variants:
        image = _open(store, shop, variant.key)
        assert image.size == (variant.width, variant.height)
        assert image.format == {"jpeg": "JPEG", "webp": "WEBP"}[variant.format]
        assert variant.size == len(store.get(shop.id, variant.key) or b"")

    small = add_upload(store, shop.id, picture(500, 500, "WEBP"), LIMITS).asset
    assert sorted((v.width, v.format) for v in small.variants) == [(320, "webp"), (500, "webp")]


def test_exif_orientation_is_applied_and_metadata_dropped(
    store: FileMediaStore, shop: Shop
) -> None:
    data = jpeg_with_exif(400, 200, orientation=6)  # stored sideways: shown 200 x 400
    assert Image.open(io.BytesIO(data)).getexif()[0x0110] == "SpyCam 3000"
    asset = add_upload(store, shop.id, data, LIMITS, "phone.jpg").asset
    assert (asset.width, asset.height) == (200, 400)
    for variant in asset.variants:
        image = _open(store, shop, variant.key)
        assert image.height > image.width
        assert len(image.getexif()) == 0, dict(image.getexif())
        raw = store.get(shop.id, variant.key) or b""
        assert b"SpyCam" not in raw and b"Exif" not in raw
    # rotated 90° clockwise: the blue left half is now the top half
    top = _open(store, shop, asset.variants[0].key).convert("RGB")
    red, _, blue = top.getpixel((top.width // 2, 5))  # type: ignore[misc]
    assert blue > red


def test_the_same_bytes_are_one_asset_per_shop(
    store: FileMediaStore, shop: Shop, db: RawDatabase
) -> None:
    data = picture(100, 100)
    first = add_upload(store, shop.id, data, LIMITS, "a.png")
    again = add_upload(store, shop.id, data, LIMITS, "b.png")
    assert first.created and not again.created
    assert again.asset.id == first.asset.id
    other = make_shop("other-shop")
    theirs = add_upload(store, other.id, data, LIMITS, "c.png")
    assert theirs.created and theirs.asset.id != first.asset.id
    assert db.media_assets.count_documents({}) == 2


def test_deleting_removes_the_files_and_image_set_gives_none(
    store: FileMediaStore, shop: Shop
) -> None:
    asset = add_upload(store, shop.id, picture(800, 600), LIMITS).asset
    kept = add_upload(store, shop.id, picture(900, 600), LIMITS).asset
    assert image_set(shop.id, str(asset.id)) is not None
    version = site_version.current(shop.id).version
    delete_asset(store, asset)
    assert site_version.current(shop.id).version == version + 1  # cached pages follow
    assert image_set(shop.id, str(asset.id)) is None
    assert all(not store.has(shop.id, v.key) for v in asset.variants)
    assert all(store.has(shop.id, v.key) for v in kept.variants)


def test_image_set_of_an_asset(store: FileMediaStore, shop: Shop) -> None:
    asset = add_upload(store, shop.id, picture(1800, 900, "JPEG"), LIMITS, alt="Tea").asset
    found = image_set(shop.id, str(asset.id), base_url="https://cdn.example")
    assert found is not None
    prefix = f"https://cdn.example/media/{shop.id}/"
    assert found.src.startswith(prefix) and found.src.endswith(".jpg")
    assert (found.width, found.height, found.alt) == (1024, 512, "Tea")
    assert [part.split(" ")[1] for part in found.srcset.split(", ")] == [
        "320w",
        "640w",
        "1024w",
        "1600w",
        "1800w",
    ]
    assert all(p.startswith(prefix) and ".webp " in p for p in found.webp_srcset.split(", "))
    narrow = image_set(shop.id, str(asset.id), widths=[300, 600])
    assert narrow is not None
    assert [p.split(" ")[1] for p in narrow.srcset.split(", ")] == ["320w", "640w"]
    assert narrow.src.startswith(f"/media/{shop.id}/")
    # the URL of one of its variants is the asset too (product pictures of the demo)
    by_url = image_set(shop.id, f"http://127.0.0.1:8000/media/{shop.id}/{asset.variants[0].key}")
    assert by_url is not None and by_url.srcset == image_set(shop.id, str(asset.id)).srcset  # type: ignore[union-attr]
    version = site_version.current(shop.id).version
    set_alt(asset, "  Longjing  ")
    assert site_version.current(shop.id).version == version + 1
    assert image_set(shop.id, str(asset.id)).alt == "Longjing"  # type: ignore[union-attr]


def test_image_set_never_reaches_another_shop(store: FileMediaStore, shop: Shop) -> None:
    other = make_shop("other-shop")
    theirs = add_upload(store, other.id, picture(400, 400), LIMITS).asset
    assert image_set(other.id, str(theirs.id)) is not None
    assert image_set(shop.id, str(theirs.id)) is None
    their_url = f"/media/{other.id}/{theirs.variants[0].key}"
    assert image_set(shop.id, their_url) is None
    assert image_set(shop.id, f"/media/{shop.id}/{theirs.variants[0].key}") is None
    assert list_assets(shop.id, 10) == []


@pytest.mark.parametrize(
    "ref",
    [
        "",
        None,
        "not an id",
        "0123456789abcdef01234567",
        "http://example.com/a.jpg",
        "javascript:alert(1)",
        "data:image/png;base64,AAAA",
        "//example.com/a.jpg",
        "/media/../../etc/passwd",
    ],
)
def test_image_set_of_anything_else_is_none(shop: Shop, ref: str | None) -> None:
    assert image_set(shop.id, ref) is None
    assert image_set("not-a-shop", ref) is None


def test_an_outside_https_picture_is_passed_through(shop: Shop) -> None:
    found = image_set(shop.id, "https://img.alicdn.com/a.jpg")
    assert found is not None
    assert (found.src, found.srcset, found.width, found.webp_srcset) == (
        "https://img.alicdn.com/a.jpg",
        "",
        None,
        "",
    )


def test_listing_searches_and_pages(store: FileMediaStore, shop: Shop) -> None:
    ids = [
        add_upload(store, shop.id, picture(50 + i, 50), LIMITS, f"tea-{i}.png").asset.id
        for i in range(3)
    ]
    add_upload(store, shop.id, picture(40, 40), LIMITS, "cup.png", alt="Celadon TEA cup")
    assert len(list_assets(shop.id, 10)) == 4
    assert [a.id for a in list_assets(shop.id, 2, search="TEA-")] == [ids[2], ids[1]]
    assert [a.id for a in list_assets(shop.id, 10, before=ids[2], search="tea-")] == ids[1::-1]
    assert [a.filename for a in list_assets(shop.id, 10, search="celadon")] == ["cup.png"]
    assert list_assets(shop.id, 10, search=".*") == []


def test_gifs_and_phone_multi_picture_jpegs_are_taken(store: FileMediaStore, shop: Shop) -> None:
    frames = [Image.new("P", (400, 300), color) for color in (1, 2, 3)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:])
    gif = add_upload(store, shop.id, out.getvalue(), LIMITS, "anim.webp").asset
    assert gif.content_type == "image/gif"
    assert sorted((v.width, v.format) for v in gif.variants) == [
        (320, "gif"),
        (320, "webp"),
        (400, "gif"),
        (400, "webp"),
    ]
    assert _open(store, shop, gif.variants[0].key).format in ("GIF", "WEBP")
    photo = Image.new("RGB", (500, 400), (10, 120, 200))
    mpo = io.BytesIO()
    photo.save(mpo, "MPO", save_all=True, append_images=[photo.resize((100, 80))])
    assert Image.open(io.BytesIO(mpo.getvalue())).format == "MPO"
    asset = add_upload(store, shop.id, mpo.getvalue(), LIMITS, "phone.jpg").asset
    assert (asset.content_type, asset.width, asset.height) == ("image/jpeg", 500, 400)


def test_themes_reach_image_set_through_the_plugin_api() -> None:
    assert plugin_api.image_set is image_set
    assert plugin_api.ImageSet.__name__ == "ImageSet"
