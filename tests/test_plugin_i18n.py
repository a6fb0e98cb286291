"""Plugins localise their own texts: every installed provider (and the example plugin) has a
zh-CN title, description, and zh-CN texts for every config field title, description and enum
choice; the admin API answers in the caller's Accept-Language."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from cloudcat.core.i18n import negotiate_locale, untranslated
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.providers import Provider
from tests.graphql_client import GraphQLClient

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "cloudcat-example-plugin"


def _example_providers() -> list[type[Provider]]:
    """The example plugin's providers, loaded from its source folder."""
    path = EXAMPLE / "cloudcat_example_plugin" / "publisher.py"
    spec = importlib.util.spec_from_file_location("cloudcat_example_publisher", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return [
        value
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, Provider) and value.__module__ == spec.name
    ]


def _providers() -> list[type[Provider]]:
    installed = [p.cls for p in create_plugin_manager().providers.values()]
    return sorted([*installed, *_example_providers()], key=lambda cls: cls.name)


def test_every_builtin_plugin_is_there() -> None:
    names = {cls.name for cls in _providers()}
    assert {
        "taobao",
        "shopify",
        "woocommerce",
        "feed",
        "webhook",
        "default_theme",
        "event_store",
        "example_log",
    } <= names


@pytest.mark.parametrize("provider", _providers(), ids=lambda cls: cls.name)
def test_every_user_visible_plugin_text_has_a_chinese_version(provider: type[Provider]) -> None:
    assert provider.title_i18n.get("zh-CN"), f"{provider.name} has no zh-CN title"
    if provider.description:
        assert provider.description_i18n.get("zh-CN"), f"{provider.name}: no zh-CN description"
    assert untranslated(provider.config_schema(), "zh-CN") == []
    localized = provider.localized_config_schema("zh-CN")
    assert "x-i18n" not in json.dumps(localized)
    for name, prop in localized.get("properties", {}).items():
        if "enum" in prop:
            assert len(prop["x-enumNames"]) == len(prop["enum"]), name


def test_the_walk_finds_a_missing_text() -> None:
    schema = {
        "title": "Model",
        "properties": {
            "a": {"title": "A", "x-i18n": {"zh-CN": {"title": "甲"}}},
            "b": {"title": "B", "description": "b", "x-i18n": {"zh-CN": {"title": "乙"}}},
            "c": {"title": "C", "enum": ["x", "y"], "type": "string"},
        },
    }
    assert untranslated(schema, "zh-CN") == [
        "/properties/b#description",
        "/properties/c#title",
        "/properties/c#x-enumNames (default locale)",
    ]


@pytest.mark.parametrize(
    ("header", "locale"),
    [("zh-CN", "zh-CN"), ("zh-TW,zh;q=0.9", "zh-CN"), ("en-US,en;q=0.8", "en"), (None, "en")],
)
def test_accept_language_picks_the_locale(header: str | None, locale: str) -> None:
    assert negotiate_locale(header) == locale


def test_the_admin_api_answers_plugin_texts_in_the_callers_language(client: GraphQLClient) -> None:
    client.sign_up("seller@example.com")
    shop = client.create_shop("tea-house")
    query = (
        "query($s: ID!) { plugins { name title description configSchema } "
        "shop(id: $s) { plugins { name configSchema plugin { title } } } }"
    )
    zh = client.data(query, {"s": shop}, headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    en = client.data(query, {"s": shop}, headers={"Accept-Language": "en"})
    taobao_zh = next(p for p in zh["plugins"] if p["name"] == "taobao")
    taobao_en = next(p for p in en["plugins"] if p["name"] == "taobao")
    assert taobao_zh["title"] == "淘宝 / 天猫" and taobao_en["title"] == "Taobao"
    view_zh = taobao_zh["configSchema"]["properties"]["view"]
    assert view_zh["title"] == "授权页面" and view_zh["x-enumNames"] == ["淘宝", "天猫", "移动端"]
    view_en = taobao_en["configSchema"]["properties"]["view"]
    assert view_en["title"] == "Authorization page"
    assert view_en["x-enumNames"] == ["Taobao", "Tmall", "Mobile"]
    assert "x-i18n" not in json.dumps(zh) and "x-i18n" not in json.dumps(en)
    feed = next(p for p in zh["shop"]["plugins"] if p["name"] == "feed")
    assert feed["plugin"]["title"] == "商品源（JSON/CSV）"
    assert feed["configSchema"]["properties"]["url"]["title"] == "商品源地址"
    columns = feed["configSchema"]["$defs"]["ColumnMapping"]["properties"]
    assert columns["price"]["title"] == "价格"
    search = '{ plugins(search: "淘宝") { name } }'
    searched = client.data(search, headers={"Accept-Language": "zh-CN"})
    assert [p["name"] for p in searched["plugins"]] == ["taobao"]
