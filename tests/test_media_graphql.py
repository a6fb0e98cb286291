"""The media library in the admin GraphQL API: listing, search and pages, reading, editing the
alt text and deleting, with roles checked and one shop never seeing another's images."""

from __future__ import annotations

from typing import Any

from tests.graphql_client import GraphQLClient
from tests.media_helpers import picture, team, upload

__all__ = ["team"]  # the fixture, shared with the HTTP tests

LIST = """query($s: ID!, $first: Int, $after: String, $q: String) {
  mediaAssets(shopId: $s, first: $first, after: $after, search: $q) {
    nodes { id filename alt url thumbnailUrl srcset webpSrcset width height contentType size createdAt }
    pageInfo { hasNextPage endCursor }
  }
}"""
ONE = "query($s: ID!, $id: ID!) { mediaAsset(shopId: $s, id: $id) { id alt } }"
ALT = "mutation($s: ID!, $id: ID!, $alt: String!) { updateMediaAsset(shopId: $s, id: $id, alt: $alt) { id alt } }"
DELETE = "mutation($s: ID!, $id: ID!) { deleteMediaAsset(shopId: $s, id: $id) }"


def _add(team: dict[str, Any], width: int, name: str, shop: str | None = None) -> dict[str, Any]:
    person: GraphQLClient = team["editor"] if shop is None else team["stranger"]
    response = upload(person, shop or team["shop"], picture(width, 100), name)
    assert response.status_code == 201, response.text
    return dict(response.json()["asset"])


def test_listing_pages_and_searches_this_shops_images_only(team: dict[str, Any]) -> None:
    mine = [_add(team, 100 + i, f"longjing-{i}.png") for i in range(3)]
    _add(team, 90, "cup.png")
    theirs = _add(team, 80, "longjing-x.png", shop=team["other"])
    analyst: GraphQLClient = team["analyst"]
    page = analyst.data(LIST, {"s": team["shop"], "first": 2, "q": "LONGJING"})["mediaAssets"]
    assert [n["id"] for n in page["nodes"]] == [mine[2]["id"], mine[1]["id"]]
    assert page["pageInfo"]["hasNextPage"] is True
    rest = analyst.data(
        LIST,
        {"s": team["shop"], "first": 2, "q": "longjing", "after": page["pageInfo"]["endCursor"]},
    )["mediaAssets"]
    assert [n["id"] for n in rest["nodes"]] == [mine[0]["id"]]
    assert rest["pageInfo"]["hasNextPage"] is False
    everything = analyst.data(LIST, {"s": team["shop"]})["mediaAssets"]["nodes"]
    assert len(everything) == 4 and theirs["id"] not in {n["id"] for n in everything}
    node = everything[-1]
    assert node["contentType"] == "image/png" and node["width"] == 100
    assert node["url"] == mine[0]["url"] and node["webpSrcset"].count("webp") == 1
    assert analyst.data(ONE, {"s": team["shop"], "id": theirs["id"]})["mediaAsset"] is None
    assert analyst.data(ONE, {"s": team["shop"], "id": "nonsense"})["mediaAsset"] is None
    assert analyst.data(ONE, {"s": team["shop"], "id": mine[0]["id"]})["mediaAsset"]["id"]
    assert analyst.code(LIST, {"s": team["shop"], "after": "bad"}) == "BAD_USER_INPUT"
    stranger: GraphQLClient = team["stranger"]
    assert stranger.code(LIST, {"s": team["shop"]}) == "NOT_FOUND"


def test_viewers_read_editors_change(team: dict[str, Any], client: GraphQLClient) -> None:
    asset = _add(team, 120, "pot.png")
    ids = {"s": team["shop"], "id": asset["id"]}
    analyst: GraphQLClient = team["analyst"]
    assert analyst.code(ALT, {**ids, "alt": "x"}) == "FORBIDDEN"
    assert analyst.code(DELETE, ids) == "FORBIDDEN"
    assert client.code(LIST, {"s": team["shop"]}) == "UNAUTHENTICATED"
    editor: GraphQLClient = team["editor"]
    changed = editor.data(ALT, {**ids, "alt": " Yixing teapot "})["updateMediaAsset"]
    assert changed == {"id": asset["id"], "alt": "Yixing teapot"}
    assert analyst.data(ONE, ids)["mediaAsset"]["alt"] == "Yixing teapot"
    error = editor.error(ALT, {**ids, "alt": "x" * 501})
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["fields"][0]["path"] == ["alt"]


def test_deleting_an_image_in_use_leaves_nothing_broken(
    team: dict[str, Any], client: GraphQLClient
) -> None:
    asset = _add(team, 300, "hero.png")
    theirs = _add(team, 300, "theirs.png", shop=team["other"])
    editor: GraphQLClient = team["editor"]
    assert editor.code(DELETE, {"s": team["shop"], "id": theirs["id"]}) == "NOT_FOUND"
    assert editor.code(ALT, {"s": team["shop"], "id": theirs["id"], "alt": "mine"}) == "NOT_FOUND"
    path = asset["url"].removeprefix("http://testserver")
    assert client.http.get(path).status_code == 200
    assert editor.data(DELETE, {"s": team["shop"], "id": asset["id"]})["deleteMediaAsset"] is True
    assert editor.data(ONE, {"s": team["shop"], "id": asset["id"]})["mediaAsset"] is None
    assert client.http.get(path).status_code == 404
    assert editor.code(DELETE, {"s": team["shop"], "id": asset["id"]}) == "NOT_FOUND"
    their_path = theirs["url"].removeprefix("http://testserver")
    assert client.http.get(their_path).status_code == 200
