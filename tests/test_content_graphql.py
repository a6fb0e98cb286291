"""The admin content API: the editor's whole flow, roles, and clear errors with stable codes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.graphql_client import GraphQLClient

ADD = "mutation($s: ID!, $e: String!, $r: Role!) { addMember(shopId: $s, email: $e, role: $r) { role } }"
PAGE = """id kind handle url locales { locale status draftVersion draft { title blocks { id type settings } }
          published { title } publishedRevision scheduledAt scheduledRevision }"""
CREATE = f"""mutation($s: ID!, $d: ContentDataInput!, $h: String, $k: ContentKind! = LANDING) {{
  createContentPage(shopId: $s, kind: $k, locale: "zh-CN", data: $d, handle: $h) {{ {PAGE} }} }}"""
SAVE = f"""mutation($s: ID!, $id: ID!, $l: String!, $d: ContentDataInput!, $v: Int) {{
  saveContentDraft(shopId: $s, id: $id, locale: $l, data: $d, draftVersion: $v) {{ {PAGE} }} }}"""
PUBLISH = f"""mutation($s: ID!, $id: ID!, $l: String!, $at: DateTime) {{
  publishContent(shopId: $s, id: $id, locale: $l, at: $at) {{ {PAGE} }} }}"""
RESTORE = f"""mutation($s: ID!, $id: ID!, $l: String!, $n: Int!) {{
  restoreContentRevision(shopId: $s, id: $id, locale: $l, number: $n) {{ {PAGE} }} }}"""
REVISIONS = """query($s: ID!, $id: ID!, $l: String!, $a: String) {
  contentRevisions(shopId: $s, pageId: $id, locale: $l, first: 1, after: $a) {
    edges { cursor node { number live data { title } } } pageInfo { hasNextPage } } }"""


def _data(title: str, html: str = "<p>hi</p>") -> dict[str, Any]:
    return {"title": title, "blocks": [{"type": "rich_text", "settings": {"html": html}}]}


@pytest.fixture
def team(make_client: Callable[[], GraphQLClient]) -> dict[str, Any]:
    owner, editor, analyst = make_client(), make_client(), make_client()
    owner.sign_up("owner@example.com")
    shop = owner.create_shop("content-shop")
    for person, email, role in (
        (editor, "ed@example.com", "EDITOR"),
        (analyst, "an@example.com", "ANALYST"),
    ):
        person.sign_up(email)
        owner.data(ADD, {"s": shop, "e": email, "r": role})
    return {"owner": owner, "editor": editor, "analyst": analyst, "shop": shop}


def _locale(page: dict[str, Any], locale: str) -> dict[str, Any]:
    return next(loc for loc in page["locales"] if loc["locale"] == locale)


def test_the_editor_flow_draft_publish_restore(team: dict[str, Any]) -> None:
    editor: GraphQLClient = team["editor"]
    shop = team["shop"]
    page = editor.data(CREATE, {"s": shop, "d": _data("关于"), "h": "about"})["createContentPage"]
    assert page["url"] == "http://testserver/s/content-shop/pages/about"
    zh = _locale(page, "zh-CN")
    assert zh["status"] == "DRAFT" and zh["draftVersion"] == 1
    block_id = zh["draft"]["blocks"][0]["id"]
    assert len(block_id) == 32
    pid = page["id"]
    page = editor.data(PUBLISH, {"s": shop, "id": pid, "l": "zh-CN"})["publishContent"]
    assert _locale(page, "zh-CN")["status"] == "PUBLISHED"
    changed = {
        "title": "关于我们",
        "blocks": [{"id": block_id, "type": "rich_text", "settings": {"html": "<p>v2</p>"}}],
    }
    page = editor.data(SAVE, {"s": shop, "id": pid, "l": "zh-CN", "d": changed, "v": 1})[
        "saveContentDraft"
    ]
    zh = _locale(page, "zh-CN")
    assert zh["status"] == "CHANGED" and zh["draft"]["blocks"][0]["id"] == block_id
    assert zh["published"]["title"] == "关于"
    editor.data(PUBLISH, {"s": shop, "id": pid, "l": "zh-CN"})
    first = editor.data(REVISIONS, {"s": shop, "id": pid, "l": "zh-CN"})["contentRevisions"]
    assert [e["node"]["number"] for e in first["edges"]] == [2] and first["edges"][0]["node"][
        "live"
    ]
    assert first["pageInfo"]["hasNextPage"]
    rest = editor.data(
        REVISIONS, {"s": shop, "id": pid, "l": "zh-CN", "a": first["edges"][0]["cursor"]}
    )
    assert [e["node"] for e in rest["contentRevisions"]["edges"]] == [
        {"number": 1, "live": False, "data": {"title": "关于"}}
    ]
    page = editor.data(RESTORE, {"s": shop, "id": pid, "l": "zh-CN", "n": 1})[
        "restoreContentRevision"
    ]
    zh = _locale(page, "zh-CN")
    assert zh["draft"]["title"] == "关于" and zh["published"]["title"] == "关于我们"
    assert zh["publishedRevision"] == 2 and zh["status"] == "CHANGED"


def test_a_stale_draft_version_is_a_conflict_and_a_past_schedule_is_refused(
    team: dict[str, Any],
) -> None:
    editor: GraphQLClient = team["editor"]
    shop = team["shop"]
    pid = editor.data(CREATE, {"s": shop, "d": _data("A")})["createContentPage"]["id"]
    editor.data(SAVE, {"s": shop, "id": pid, "l": "zh-CN", "d": _data("B"), "v": 1})
    assert (
        editor.code(SAVE, {"s": shop, "id": pid, "l": "zh-CN", "d": _data("C"), "v": 1})
        == "CONFLICT"
    )
    past = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    error = editor.error(PUBLISH, {"s": shop, "id": pid, "l": "zh-CN", "at": past})
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["fields"][0]["path"] == ["at"]
    future = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    page = editor.data(PUBLISH, {"s": shop, "id": pid, "l": "zh-CN", "at": future})[
        "publishContent"
    ]
    zh = _locale(page, "zh-CN")
    assert zh["status"] == "SCHEDULED" and zh["scheduledRevision"] == 1 and zh["published"] is None
    cancel = 'mutation($s: ID!, $id: ID!) { cancelScheduledContent(shopId: $s, id: $id, locale: "zh-CN") { locales { status } } }'
    assert editor.data(cancel, {"s": shop, "id": pid})["cancelScheduledContent"]["locales"] == [
        {"status": "DRAFT"}
    ]


def test_bad_blocks_name_each_field(team: dict[str, Any]) -> None:
    editor: GraphQLClient = team["editor"]
    data = {
        "title": "",
        "blocks": [
            {"type": "hero", "settings": {"link": "javascript:alert(1)"}},
            {"type": "product_grid", "settings": {"limit": 99, "collection_id": "tea"}},
            {"type": "marquee", "settings": {}},
            {"type": "coupon", "settings": {"code": "X", "surprise": 1}},
        ],
    }
    error = editor.error(CREATE, {"s": team["shop"], "d": data})
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    paths = {tuple(f["path"]) for f in error["extensions"]["fields"]}
    assert paths == {
        ("data", "title"),
        ("data", "blocks", 0, "settings", "link"),
        ("data", "blocks", 1, "settings", "limit"),
        ("data", "blocks", 2, "type"),
        ("data", "blocks", 3, "settings", "surprise"),
    }


def test_analysts_read_editors_write(team: dict[str, Any]) -> None:
    editor: GraphQLClient = team["editor"]
    analyst: GraphQLClient = team["analyst"]
    shop = team["shop"]
    pid = editor.data(CREATE, {"s": shop, "d": _data("A")})["createContentPage"]["id"]
    listed = analyst.data(
        'query($s: ID!) { contentPages(shopId: $s, kind: LANDING, search: "a") { nodes { id } } }',
        {"s": shop},
    )
    assert listed["contentPages"]["nodes"] == [{"id": pid}]
    for operation, variables in (
        (CREATE, {"s": shop, "d": _data("B")}),
        (SAVE, {"s": shop, "id": pid, "l": "zh-CN", "d": _data("B")}),
        (PUBLISH, {"s": shop, "id": pid, "l": "zh-CN"}),
        (
            'mutation($s: ID!) { saveMenu(shopId: $s, handle: "main", locale: "zh-CN", items: []) { handle } }',
            {"s": shop},
        ),
        (
            "mutation($s: ID!, $id: ID!) { deleteContentPage(shopId: $s, id: $id) }",
            {"s": shop, "id": pid},
        ),
    ):
        assert analyst.code(operation, variables) == "FORBIDDEN"


def test_another_shops_page_is_not_found(
    team: dict[str, Any], make_client: Callable[[], GraphQLClient]
) -> None:
    editor: GraphQLClient = team["editor"]
    pid = editor.data(CREATE, {"s": team["shop"], "d": _data("Mine")})["createContentPage"]["id"]
    stranger = make_client()
    stranger.sign_up("stranger@example.com")
    theirs = stranger.create_shop("strangers")
    assert stranger.code(PUBLISH, {"s": theirs, "id": pid, "l": "zh-CN"}) == "NOT_FOUND"
    assert (
        stranger.code(SAVE, {"s": theirs, "id": pid, "l": "zh-CN", "d": _data("X")}) == "NOT_FOUND"
    )
    read = "query($s: ID!, $id: ID!) { contentPage(shopId: $s, id: $id) { id } }"
    assert stranger.data(read, {"s": theirs, "id": pid}) == {"contentPage": None}
    assert stranger.code(read, {"s": team["shop"], "id": pid}) in {"FORBIDDEN", "NOT_FOUND"}


def test_block_types_are_described_in_the_callers_language(team: dict[str, Any]) -> None:
    analyst: GraphQLClient = team["analyst"]
    query = "query($s: ID!) { contentBlockTypes(shopId: $s) { type title schema } }"
    zh = analyst.data(query, {"s": team["shop"]}, headers={"Accept-Language": "zh-CN"})
    en = analyst.data(query, {"s": team["shop"]}, headers={"Accept-Language": "en"})
    types = [t["type"] for t in zh["contentBlockTypes"]]
    assert types == [
        "hero",
        "product_grid",
        "countdown",
        "rich_text",
        "gallery",
        "article_list",
        "coupon",
    ]
    hero_zh = zh["contentBlockTypes"][0]
    hero_en = en["contentBlockTypes"][0]
    assert hero_zh["title"] == "横幅" and hero_en["title"] == "Hero banner"
    assert hero_zh["schema"]["properties"]["heading"]["title"] == "标题"
    assert hero_en["schema"]["properties"]["heading"]["title"] == "Heading"
    assert "x-i18n" not in str(hero_zh["schema"])


def test_menus_are_saved_per_locale_and_cleaned(team: dict[str, Any]) -> None:
    editor: GraphQLClient = team["editor"]
    shop = team["shop"]
    save = """mutation($s: ID!, $l: String!, $i: [MenuItemInput!]!) {
      saveMenu(shopId: $s, handle: "main", locale: $l, items: $i) { handle locale items } }"""
    items = [
        {
            "label": "<script>alert(1)</script>首页<b>!</b>",
            "url": "/",
            "children": [{"label": "茶", "url": "/collections/tea"}],
        }
    ]
    saved = editor.data(save, {"s": shop, "l": "zh-CN", "i": items})["saveMenu"]
    assert saved["items"] == [
        {
            "label": "首页!",
            "url": "/",
            "children": [{"label": "茶", "url": "/collections/tea", "children": []}],
        }
    ]
    editor.data(save, {"s": shop, "l": "en", "i": [{"label": "Home", "url": "/"}]})
    bad = editor.error(
        save, {"s": shop, "l": "en", "i": [{"label": "x", "url": "javascript:alert(1)"}]}
    )
    assert bad["extensions"]["fields"][0]["path"] == ["items", 0, "url"]
    listed = editor.data("query($s: ID!) { menus(shopId: $s) { handle locale } }", {"s": shop})[
        "menus"
    ]
    assert listed == [{"handle": "main", "locale": "en"}, {"handle": "main", "locale": "zh-CN"}]


def test_a_preview_link_points_at_the_site(team: dict[str, Any]) -> None:
    editor: GraphQLClient = team["editor"]
    shop = team["shop"]
    pid = editor.data(CREATE, {"s": shop, "d": _data("A")})["createContentPage"]["id"]
    link = 'mutation($s: ID!, $id: ID!, $m: Int) { contentPreviewLink(shopId: $s, id: $id, locale: "zh-CN", minutes: $m) { url expiresAt } }'
    made = editor.data(link, {"s": shop, "id": pid, "m": 30})["contentPreviewLink"]
    assert made["url"].startswith("http://testserver/s/content-shop/preview/")
    assert editor.code(link, {"s": shop, "id": pid, "m": 0}) == "BAD_USER_INPUT"
