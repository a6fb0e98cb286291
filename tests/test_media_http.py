"""Media over HTTP: the upload endpoint (authenticated like the admin API, editors only,
CSRF-safe, refusing non-images) and serving variants (immutable cache, ETag/304, nosniff, 404s)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from cloudcat.core.documents import Shop
from cloudcat.core.operator import resume, suspend
from tests.graphql_client import GraphQLClient
from tests.media_helpers import HTML, SVG, TOKEN, code, picture, png_bomb, team, upload

__all__ = ["team"]  # the fixture


def test_an_editor_uploads_and_the_same_bytes_come_back_as_the_same_asset(
    team: dict[str, Any],
) -> None:
    data = picture(900, 600)
    first = upload(team["editor"], team["shop"], data, "photo.jpg")
    assert first.status_code == 201, first.text
    asset = first.json()["asset"]
    assert first.json()["created"] is True
    assert asset["contentType"] == "image/png" and asset["filename"] == "photo.jpg"
    assert (asset["width"], asset["height"], asset["size"]) == (900, 600, len(data))
    assert asset["alt"] == "A picture"
    assert asset["url"].startswith(f"http://testserver/media/{team['shop']}/")
    assert asset["thumbnailUrl"].endswith(".webp") and "320w" in asset["srcset"]
    again = upload(team["owner"], team["shop"], data, "again.png")
    assert again.status_code == 200 and again.json()["created"] is False
    assert again.json()["asset"]["id"] == asset["id"]


def test_uploads_need_credentials_and_the_editor_role(
    team: dict[str, Any], client: GraphQLClient
) -> None:
    data = picture(50, 50)
    anonymous = upload(client, team["shop"], data)
    assert (anonymous.status_code, code(anonymous)) == (401, "UNAUTHENTICATED")
    viewer = upload(team["analyst"], team["shop"], data)
    assert (viewer.status_code, code(viewer)) == (403, "FORBIDDEN")
    outsider = upload(team["stranger"], team["shop"], data)
    assert (outsider.status_code, code(outsider)) == (404, "NOT_FOUND")
    nonsense = upload(team["editor"], "not-a-shop", data)
    assert (nonsense.status_code, code(nonsense)) == (404, "NOT_FOUND")
    bad_token = upload(client, team["shop"], data, headers={"Authorization": "Bearer cca_nope"})
    assert (bad_token.status_code, code(bad_token)) == (401, "UNAUTHENTICATED")
    # the refused uploads stored nothing
    listed = team["owner"].data(
        "query($s: ID!) { mediaAssets(shopId: $s) { nodes { id } } }", {"s": team["shop"]}
    )
    assert listed["mediaAssets"]["nodes"] == []


def test_admin_tokens_upload_with_their_role(team: dict[str, Any], client: GraphQLClient) -> None:
    owner = team["owner"]
    editor_token = owner.data(TOKEN, {"s": team["shop"], "r": "EDITOR"})["createAdminToken"]
    analyst_token = owner.data(TOKEN, {"s": team["shop"], "r": "ANALYST"})["createAdminToken"]
    data = picture(60, 60)
    refused = upload(
        client, team["shop"], data, headers={"Authorization": f"Bearer {analyst_token['token']}"}
    )
    assert (refused.status_code, code(refused)) == (403, "FORBIDDEN")
    taken = upload(
        client, team["shop"], data, headers={"Authorization": f"Bearer {editor_token['token']}"}
    )
    assert taken.status_code == 201, taken.text
    elsewhere = upload(
        client, team["other"], data, headers={"Authorization": f"Bearer {editor_token['token']}"}
    )
    assert (elsewhere.status_code, code(elsewhere)) == (404, "NOT_FOUND")


@pytest.mark.parametrize(
    "content_type",
    ["multipart/form-data; boundary=x", "text/plain", "application/x-www-form-urlencoded", None],
)
def test_bodies_a_cross_site_form_could_send_are_refused(
    team: dict[str, Any], content_type: str | None
) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    response = team["editor"].http.post(
        f"/media/{team['shop']}", content=picture(20, 20), headers=headers
    )
    if content_type is None:  # httpx sends no Content-Type for raw bytes without one
        assert "content-type" not in response.request.headers
    assert (response.status_code, code(response)) == (415, "UNSUPPORTED_MEDIA_TYPE")


def test_a_session_from_another_origin_is_refused(team: dict[str, Any]) -> None:
    response = upload(
        team["editor"], team["shop"], picture(20, 20), headers={"Origin": "https://evil.example"}
    )
    assert (response.status_code, code(response)) == (403, "FORBIDDEN")


@pytest.mark.parametrize(("data", "name"), [(HTML, "page.png"), (SVG, "logo.svg.png")])
def test_what_is_not_an_image_is_refused_even_declared_as_one(
    team: dict[str, Any], data: bytes, name: str
) -> None:
    response = upload(team["editor"], team["shop"], data, name, {"Content-Type": "image/png"})
    assert (response.status_code, code(response)) == (415, "UNSUPPORTED_IMAGE_TYPE")
    assert "JPEG, PNG, WebP or GIF" in response.json()["errors"][0]["message"]


def test_oversized_uploads_and_pixel_bombs_are_refused(
    team: dict[str, Any], make_client: Callable[[], GraphQLClient]
) -> None:
    bomb = upload(team["editor"], team["shop"], png_bomb(20_000, 20_000), "bomb.png")
    assert (bomb.status_code, code(bomb)) == (422, "IMAGE_TOO_LARGE")
    big = b"\x89PNG" + b"\x00" * 10_000_001  # over the default 10 MB cap
    response = upload(team["editor"], team["shop"], big)
    assert (response.status_code, code(response)) == (413, "PAYLOAD_TOO_LARGE")


def _served(team: dict[str, Any]) -> tuple[dict[str, Any], str]:
    asset = upload(team["editor"], team["shop"], picture(700, 500, "JPEG"), "p.jpg").json()["asset"]
    return asset, asset["url"].removeprefix("http://testserver")


def test_variants_are_served_immutable_with_an_etag_and_304(
    team: dict[str, Any], client: GraphQLClient
) -> None:
    asset, path = _served(team)
    response = client.http.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/jpeg"
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "content-encoding" not in response.headers
    assert response.content[:3] == b"\xff\xd8\xff"
    etag = response.headers["etag"]
    assert etag == f'"{path.rsplit("/", 1)[1].split(".")[0]}"'
    again = client.http.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag and "immutable" in again.headers["cache-control"]
    other = client.http.get(path, headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200
    webp = client.http.get(asset["thumbnailUrl"].removeprefix("http://testserver"))
    assert webp.headers["content-type"] == "image/webp" and webp.content[8:12] == b"WEBP"
    head = client.http.head(path)
    assert head.status_code == 200 and head.headers["etag"] == etag


def test_unknown_and_foreign_media_paths_are_404(
    team: dict[str, Any], client: GraphQLClient
) -> None:
    _, path = _served(team)
    key = path.rsplit("/", 1)[1]
    for wrong in (
        f"/media/{team['other']}/{key}",  # another shop's folder
        f"/media/{team['shop']}/{'0' * 40}.jpg",
        f"/media/{team['shop']}/{key[:-3]}png",
        f"/media/{team['shop']}/..%2F..%2Fetc%2Fpasswd",
        f"/media/{team['shop']}/{key}.html",
        f"/media/not-a-shop/{key}",
    ):
        response = client.http.get(wrong, headers={"If-None-Match": '"' + key.split(".")[0] + '"'})
        assert response.status_code == 404, wrong


def test_a_suspended_shop_takes_no_uploads(team: dict[str, Any]) -> None:
    shop = Shop.objects.get(id=team["shop"])
    suspend(shop, "unpaid")
    refused = upload(team["editor"], team["shop"], picture(30, 30))
    assert (refused.status_code, code(refused)) == (403, "SHOP_SUSPENDED")
    resume(shop)
    assert upload(team["editor"], team["shop"], picture(30, 30)).status_code == 201
