"""What the media tests share: sample files made with Pillow (and by hand for the malicious
ones), and a team of people with roles in two shops who upload over HTTP."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable
from typing import Any

import pytest
from PIL import Image

from tests.graphql_client import GraphQLClient


def picture(width: int, height: int, fmt: str = "PNG", mode: str = "RGB", **save: object) -> bytes:
    """An image with some detail (a gradient), encoded as `fmt`."""
    image = Image.linear_gradient("L").resize((width, height)).convert(mode)
    out = io.BytesIO()
    image.save(out, fmt, **save)
    return out.getvalue()


def jpeg_with_exif(width: int, height: int, orientation: int) -> bytes:
    """A JPEG whose EXIF says `orientation` and carries a GPS position and a camera model."""
    image = Image.new("RGB", (width, height), (200, 40, 40))
    image.paste((40, 40, 200), (0, 0, width // 2, height))  # left half blue
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x0110] = "SpyCam 3000"
    exif[0x8825] = {1: "N", 2: (31.0, 14.0, 0.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` x `height` grey pixels (a decompression bomb:
    decoded it would need width * height bytes)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * (width + 1) * 4)  # only the first rows: enough to open
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", rows)
        + _chunk(b"IEND", b"")
    )


HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script></svg>"
)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


ADD = "mutation($s: ID!, $e: String!, $r: Role!) { addMember(shopId: $s, email: $e, role: $r) { role } }"
TOKEN = (
    'mutation($s: ID!, $r: Role!) { createAdminToken(shopId: $s, name: "t", role: $r) { token } }'
)
BINARY = {"Content-Type": "application/octet-stream"}


@pytest.fixture
def team(make_client: Callable[[], GraphQLClient]) -> dict[str, Any]:
    owner, editor, analyst, stranger = (make_client() for _ in range(4))
    owner.sign_up("owner@example.com")
    shop = owner.create_shop("tea-house")
    for person, email, role in (
        (editor, "ed@example.com", "EDITOR"),
        (analyst, "an@example.com", "ANALYST"),
    ):
        person.sign_up(email)
        owner.data(ADD, {"s": shop, "e": email, "r": role})
    stranger.sign_up("stranger@example.com")
    other = stranger.create_shop("other-shop")
    return {
        "owner": owner,
        "editor": editor,
        "analyst": analyst,
        "stranger": stranger,
        "shop": shop,
        "other": other,
    }


def upload(
    person: GraphQLClient,
    shop: str,
    data: bytes,
    filename: str = "a.png",
    headers: dict[str, str] | None = None,
) -> Any:
    return person.http.post(
        f"/media/{shop}",
        params={"filename": filename, "alt": "A picture"},
        content=data,
        headers={**BINARY, **(headers or {})},
    )


def code(response: Any) -> str:
    return str(response.json()["errors"][0]["extensions"]["code"])
