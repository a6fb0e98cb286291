"""Plugins' app-level settings: set once by the operator (GraphQL, CLI or the settings file),
encrypted at rest, never returned, merged into every shop's config, hidden from sellers' forms;
"one-click" Connect without developer keys; Sync now / Check refused until a source is ready."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest
import requests
from graphql import introspection_from_schema

from cloudcat.core.accounts import ShopFields, create_shop, create_user
from cloudcat.core.documents import Shop
from cloudcat.core.errors import BadInput
from cloudcat.core.operator import set_operator
from cloudcat.core.secrets import SecretBox
from cloudcat.core.services import Services, build_services
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase
from cloudcat.plugins.taobao.config import TaobaoConfig
from cloudcat.schema.build import build_admin_schema
from tests.conftest import TEST_SECRET_KEY
from tests.fakes.taobao import TaobaoFake
from tests.graphql_client import GraphQLClient

OPERATOR_SECRET = "operator-app-secret-7f3a9c"
SHOP_SECRET = "shop-webhook-secret-0123456789abcdef"
CONFIGURE_APP = (
    "mutation($n: String!, $c: JSON!, $x: JSON) { configureAppPlugin(name: $n, config: $c, "
    "secrets: $x) { appFields appConfig appSecretsSet fromSettings appConfigSchema "
    "plugin { name title } } }"
)
SHOP_PLUGIN = (
    "query($s: ID!) { shop(id: $s) { plugins { name configSchema operatorManaged "
    "notReadyReason notReadyCode connected } } }"
)
CONFIGURE = (
    "mutation($s: ID!, $n: String!, $c: JSON!, $x: JSON) "
    "{ configurePlugin(shopId: $s, name: $n, config: $c, secrets: $x) { name } }"
)
ENABLE = (
    "mutation($s: ID!, $n: String!) { setPluginEnabled(shopId: $s, name: $n, enabled: true) "
    "{ name } }"
)
START = 'mutation($s: ID!) { startAuthorization(shopId: $s, plugin: "taobao") { url } }'


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The shared test settings, with room for the every-field queries below."""
    return settings.model_copy(
        update={
            "graphql_max_cost": 1_000_000,
            "graphql_max_tokens": 1_000_000,
            "graphql_max_depth": 20,
            "graphql_max_aliases": 1000,
        }
    )


@pytest.fixture
def fake() -> Iterator[TaobaoFake]:
    with TaobaoFake(items=3) as server:
        yield server


@pytest.fixture
def operator(make_client: Callable[[], GraphQLClient]) -> GraphQLClient:
    client = make_client()
    client.sign_up("ops@example.com")
    set_operator("ops@example.com", True)
    return client


@pytest.fixture
def seller(make_client: Callable[[], GraphQLClient]) -> GraphQLClient:
    client = make_client()
    client.sign_up("seller@example.com")
    return client


def _plugin(client: GraphQLClient, shop: str, name: str, **headers: str) -> dict[str, Any]:
    plugins = client.data(SHOP_PLUGIN, {"s": shop}, headers=headers)["shop"]["plugins"]
    found: dict[str, Any] = next(p for p in plugins if p["name"] == name)
    return found


def _set_taobao_app(operator: GraphQLClient, fake: TaobaoFake) -> dict[str, Any]:
    config = {
        "app_key": fake.app_key,
        "gateway_url": fake.gateway_url,
        "oauth_url": fake.oauth_url,
        "calls_per_second": 1000,
    }
    result: dict[str, Any] = operator.data(
        CONFIGURE_APP, {"n": "taobao", "c": config, "x": {"app_secret": fake.app_secret}}
    )["configureAppPlugin"]
    return result


def test_the_operators_app_credentials_make_connect_one_click(
    operator: GraphQLClient, seller: GraphQLClient, fake: TaobaoFake, db: RawDatabase
) -> None:
    shop = seller.create_shop("tea-house")
    before = _plugin(seller, shop, "taobao")
    assert "app_key" in before["configSchema"]["properties"]  # a self-hosting seller's override
    assert before["operatorManaged"] == [] and before["notReadyCode"] == "DISABLED"

    result = _set_taobao_app(operator, fake)
    assert fake.app_secret not in json.dumps(result)
    assert result["appSecretsSet"] == ["app_secret"] and result["fromSettings"] == []
    assert (
        result["appConfig"]["app_key"] == fake.app_key and "app_secret" not in result["appConfig"]
    )
    assert set(result["appConfigSchema"]["properties"]) == set(result["appFields"])
    assert result["appConfigSchema"]["properties"]["app_secret"]["writeOnly"] is True

    # The secret is encrypted at rest, with the shops' key.
    raw = db["app_plugin_configs"].find_one({"name": "taobao"})
    assert raw is not None and fake.app_secret not in json.dumps(raw, default=str)
    assert SecretBox(TEST_SECRET_KEY).decrypt(raw["secrets"]["app_secret"]) == fake.app_secret

    # The seller's form no longer shows what the operator set, and cannot set it either.
    after = _plugin(seller, shop, "taobao")
    managed = {"app_key", "app_secret", "gateway_url", "oauth_url", "calls_per_second"}
    assert set(after["operatorManaged"]) == managed
    assert not managed & set(after["configSchema"]["properties"])
    assert not managed & set(after["configSchema"].get("required", []))
    assert "view" in after["configSchema"]["properties"]
    error = seller.error(CONFIGURE, {"s": shop, "n": "taobao", "c": {"app_key": "mine"}})
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["fields"] == [
        {"path": ["config", "app_key"], "message": "set by the operator"}
    ]

    # Not connected yet: Sync now and Check are refused with the reason, and queue nothing.
    seller.data(ENABLE, {"s": shop, "n": "taobao"})
    state = _plugin(seller, shop, "taobao", **{"Accept-Language": "zh-CN"})
    assert state["notReadyCode"] == "NOT_CONNECTED" and "淘宝" in state["notReadyReason"]
    sync = 'mutation($s: ID!) { syncCatalog(shopId: $s, source: "taobao") { id } }'
    refused = seller.error(sync, {"s": shop})
    assert refused["extensions"]["code"] == "PLUGIN_NOT_READY"
    assert refused["message"] == _plugin(seller, shop, "taobao")["notReadyReason"]
    check = 'mutation($s: ID!) { checkPlugin(shopId: $s, name: "taobao") { name } }'
    assert seller.code(check, {"s": shop}) == "PLUGIN_NOT_READY"
    assert db["jobs"].count_documents({}) == 0

    # Connect: the authorization page at once, no per-shop field ever filled in.
    url = seller.data(START, {"s": shop})["startAuthorization"]["url"]
    assert url.startswith(f"{fake.oauth_url}/authorize") and f"client_id={fake.app_key}" in url
    location = requests.get(url, allow_redirects=False, timeout=10).headers["Location"]
    assert seller.http.get(location, follow_redirects=False).status_code == 303
    ready = _plugin(seller, shop, "taobao")
    assert ready["connected"] is True and ready["notReadyCode"] is None
    assert ready["notReadyReason"] is None
    assert seller.data(sync, {"s": shop})["syncCatalog"]["id"]


def test_app_level_values_from_the_settings_win_and_are_read_only(
    settings: Settings, db: RawDatabase, fake: TaobaoFake
) -> None:
    tables = {"taobao": {"app_key": "from-settings", "app_secret": "s3cret", "view": "tmall"}}
    services = build_services(settings.model_copy(update={"plugins": tables}), db)
    shop_plugins = services.shop_plugins
    stored = shop_plugins.configure_app("taobao", {"gateway_url": fake.gateway_url})
    assert shop_plugins.operator_managed("taobao", stored) == [
        "app_key",
        "app_secret",
        "gateway_url",
    ]  # `view` is per shop: the settings cannot set it
    with pytest.raises(BadInput, match="app-level configuration") as refused:
        shop_plugins.configure_app("taobao", {"app_key": "other"})
    assert [f.path for f in refused.value.fields] == [["config", "app_key"]]
    with pytest.raises(BadInput) as invalid:
        shop_plugins.configure_app("taobao", {"calls_per_second": -1})
    assert [f.path for f in invalid.value.fields] == [["config", "calls_per_second"]]
    shop = Shop(slug="tea-house", name="Tea").save()
    built = shop_plugins.provider(shop, "taobao", require_enabled=False)
    config = built.config
    assert isinstance(config, TaobaoConfig)
    assert config.app_key == "from-settings"
    assert config.app_secret.get_secret_value() == "s3cret"
    assert str(config.gateway_url).rstrip("/") == fake.gateway_url.rstrip("/")
    assert config.view == "web"


def test_the_settings_read_plugin_tables_from_env_and_toml(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    config = tmp_path / "cloudcat.toml"
    config.write_text('[plugins.shopify]\nclient_id = "from-toml"\n')
    monkeypatch.setenv("CLOUDCAT_CONFIG_FILE", str(config))
    monkeypatch.setenv("CLOUDCAT_PLUGINS__TAOBAO__APP_KEY", "from-env")
    loaded = Settings(environment="test", secret_key=TEST_SECRET_KEY)
    assert loaded.plugins == {
        "taobao": {"app_key": "from-env"},
        "shopify": {"client_id": "from-toml"},
    }


def _cloudcat(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CLOUDCAT_ENVIRONMENT": "test",
        "CLOUDCAT_SECRET_KEY": TEST_SECRET_KEY,
        "CLOUDCAT_MONGODB_URI": settings.mongodb_uri,
        "CLOUDCAT_DATABASE_NAME": settings.database_name,
        "CLOUDCAT_DATA_DIR": str(settings.data_dir),
        "COLUMNS": "200",
    }
    return subprocess.run(
        [sys.executable, "-c", "from cloudcat.core.cli import main; main()", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_operator_commands(settings: Settings, db: RawDatabase) -> None:
    user = create_user("ops@example.com", "password-123")
    create_shop(user, "tea-house", ShopFields(name="Tea"))
    done = _cloudcat(
        settings,
        "operator",
        "set-app",
        "shopify",
        "client_id=abc",
        f"client_secret={OPERATOR_SECRET}",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    raw = db["app_plugin_configs"].find_one({"name": "shopify"})
    assert raw is not None and raw["config"] == {"client_id": "abc"}
    assert OPERATOR_SECRET not in json.dumps(raw, default=str)
    bad = _cloudcat(settings, "operator", "set-app", "shopify", "shop=x.myshopify.com")
    assert bad.returncode == 1 and "no such app-level field" in bad.stdout

    assert _cloudcat(settings, "operator", "grant", "ops@example.com").returncode == 0
    granted = db["users"].find_one({"email": "ops@example.com"})
    assert granted is not None and granted["is_operator"] is True
    assert _cloudcat(settings, "operator", "grant", "nobody@example.com").returncode == 1
    suspended = _cloudcat(settings, "operator", "suspend", "tea-house", "--reason", "unpaid")
    assert suspended.returncode == 0
    stored = db["shops"].find_one({})
    assert stored is not None and stored["suspended"] is True
    listed = _cloudcat(settings, "operator", "shops", "--problems")
    assert "tea-house" in listed.stdout and "suspended (unpaid)" in listed.stdout
    assert _cloudcat(settings, "operator", "resume", "tea-house").returncode == 0
    stored = db["shops"].find_one({})
    assert stored is not None and stored["suspended"] is False
    assert "tea-house" not in _cloudcat(settings, "operator", "shops", "--problems").stdout
    assert _cloudcat(settings, "operator", "revoke", "ops@example.com").returncode == 0
    revoked = db["users"].find_one({"email": "ops@example.com"})
    assert revoked is not None and revoked["is_operator"] is False


# --- no field returns an operator's (or a shop's) secret, to anyone --------------------------


def _named(type_ref: dict[str, Any]) -> dict[str, Any]:
    while type_ref.get("ofType"):
        type_ref = type_ref["ofType"]
    return type_ref


def every_field(types: Mapping[str, Mapping[str, Any]], name: str, depth: int) -> str:
    """A selection of every field of type `name` reachable without required arguments, down
    to `depth` levels of objects."""
    parts = []
    for field in types[name]["fields"] or []:
        if any(
            a["type"]["kind"] == "NON_NULL" and a["defaultValue"] is None for a in field["args"]
        ):
            continue
        target = _named(field["type"])
        if target["kind"] in ("SCALAR", "ENUM"):
            parts.append(field["name"])
        elif target["kind"] == "OBJECT" and depth > 0:
            inner = every_field(types, target["name"], depth - 1)
            if inner:
                parts.append(f"{field['name']} {{ {inner} }}")
    return " ".join(parts)


def test_no_field_returns_an_app_or_shop_secret_to_any_role(
    make_client: Callable[[], GraphQLClient],
    operator: GraphQLClient,
    seller: GraphQLClient,
    services: Services,
) -> None:
    shop = seller.create_shop("tea-house")
    operator.data(
        CONFIGURE_APP,
        {"n": "shopify", "c": {"client_id": "cid"}, "x": {"client_secret": OPERATOR_SECRET}},
    )
    seller.data(
        CONFIGURE,
        {
            "s": shop,
            "n": "webhook",
            "c": {"url": "https://example.com/hook"},
            "x": {"secret": SHOP_SECRET},
        },
    )
    token = seller.data(
        'mutation($s: ID!) { createAdminToken(shopId: $s, name: "ci", role: EDITOR) { token } }',
        {"s": shop},
    )["createAdminToken"]["token"]
    members = {}
    for role in ("EDITOR", "ANALYST"):
        member = make_client()
        email = f"{role.lower()}@example.com"
        member.sign_up(email)
        seller.data(
            f'mutation($s: ID!) {{ addMember(shopId: $s, email: "{email}", role: {role}) '
            "{ role } }",
            {"s": shop},
        )
        members[role] = member
    by_token = make_client()
    by_token.headers["Authorization"] = f"Bearer {token}"
    anonymous = make_client()

    built = build_admin_schema(services.settings, services.plugins)
    schema = introspection_from_schema(built._schema)["__schema"]
    types = {t["name"]: t for t in schema["types"] if t["kind"] == "OBJECT"}
    root = types[schema["queryType"]["name"]]
    queries = {}  # one per root field, so that one refused field does not hide the others
    for field in root["fields"]:
        inner = every_field({"Root": {"fields": [field]}, **types}, "Root", 6)
        if inner:
            queries[field["name"]] = "{ " + inner + " }"
    assert {"operatorPlugins", "operatorShops", "shops", "plugins", "me"} <= set(queries)
    assert "appConfig" in queries["operatorPlugins"] and "secretsSet" in queries["shops"]
    for who in (operator, seller, members["EDITOR"], members["ANALYST"], by_token, anonymous):
        for language in ("en", "zh-CN"):
            for query in queries.values():
                response = who.post(query, headers={"Accept-Language": language})
                assert response.status_code == 200, response.text
                text = response.text
                assert OPERATOR_SECRET not in text and SHOP_SECRET not in text
    # The operator and the seller did read their own data (the queries reached it).
    seen = operator.data(queries["operatorPlugins"])["operatorPlugins"]
    shopify = next(p for p in seen if p["plugin"]["name"] == "shopify")
    assert shopify["appSecretsSet"] == ["client_secret"]
    assert shopify["appConfig"] == {"client_id": "cid"}
    shops = operator.data("{ operatorShops { nodes { shop { id slug name createdAt } } } }")
    assert [r["shop"]["slug"] for r in shops["operatorShops"]["nodes"]] == ["tea-house"]
    own = seller.post(queries["shops"]).json()["data"]["shops"]["nodes"][0]["plugins"]
    assert next(p for p in own if p["name"] == "webhook")["secretsSet"] == ["secret"]
    # Everything of the operator's is FORBIDDEN to the others.
    for who in (seller, members["ANALYST"], by_token):
        assert who.code("{ operatorPlugins { appFields } }") == "FORBIDDEN"
        assert who.code("{ operatorShops { nodes { suspended } } }") == "FORBIDDEN"
        assert (
            who.code('mutation { configureAppPlugin(name: "shopify", config: {}) { appFields } }')
            == "FORBIDDEN"
        )
    assert anonymous.code("{ operatorPlugins { appFields } }") == "UNAUTHENTICATED"
