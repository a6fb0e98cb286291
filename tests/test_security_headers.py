"""Security headers on the admin, the shop sites and the APIs; /metrics guarded in production."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from cloudcat.core.app import create_app
from cloudcat.core.services import build_services
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.web.security_headers import SecurityHeaders
from tests.graphql_client import GraphQLClient

ENABLE = (
    "mutation($s: ID!, $n: String!) { setPluginEnabled(shopId: $s, name: $n, enabled: true)"
    " { enabled } }"
)


def _csp(value: str) -> dict[str, set[str]]:
    directives = {}
    for part in value.split(";"):
        name, *sources = part.split()
        directives[name] = set(sources)
    return directives


def _common(headers: Any) -> None:
    assert headers.get("x-content-type-options") == "nosniff"
    assert headers.get("x-frame-options") == "DENY"
    assert headers.get("referrer-policy") == "strict-origin-when-cross-origin"


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    (tmp_path / "dist" / "assets").mkdir(parents=True)
    (tmp_path / "dist" / "index.html").write_text("<!doctype html><div id=root></div>")
    (tmp_path / "dist" / "assets" / "index-abc.js").write_text("console.log(1)")
    return tmp_path / "dist"


def test_the_admin_spa_loads_only_its_own_scripts_and_cannot_be_framed(
    settings: Settings, db: RawDatabase, dist: Path
) -> None:
    admin = settings.model_copy(update={"admin_ui_dist": dist})
    with TestClient(create_app(admin, build_services(admin, db))) as http:
        for path in ("/admin/", "/admin/shops/1", "/admin/assets/index-abc.js"):
            response = http.get(path)
            assert response.status_code == 200
            _common(response.headers)
            csp = _csp(response.headers["content-security-policy"])
            assert csp["frame-ancestors"] == {"'none'"}
            assert csp["script-src"] == {"'self'", "'unsafe-eval'"}  # no inline, no foreign
            assert "'self'" in csp["style-src"] and csp["connect-src"] == {"'self'"}
            assert csp["object-src"] == {"'none'"}


def test_a_shop_site_runs_only_its_own_scripts_and_keeps_its_theme(
    client: GraphQLClient,
) -> None:
    client.sign_up("a@example.com")
    shop = client.create_shop("site")
    client.data(ENABLE, {"s": shop, "n": "default_theme"})
    page = client.http.get("/s/site/")
    assert page.status_code == 200 and "<style>" in page.text
    _common(page.headers)
    csp = _csp(page.headers["content-security-policy"])
    assert csp["default-src"] == {"'none'"} and csp["script-src"] == {"'self'"}
    assert "'unsafe-inline'" in csp["style-src"] and "https:" in csp["img-src"]
    assert csp["frame-ancestors"] == {"'none'"}
    missing = client.http.get("/s/nowhere/")
    assert missing.status_code == 404 and "content-security-policy" in missing.headers


def test_apis_and_health_have_the_headers_too(client: GraphQLClient) -> None:
    for response in (client.post("{ me { email } }"), client.http.get("/healthz")):
        _common(response.headers)
        assert _csp(response.headers["content-security-policy"])["default-src"] == {"'none'"}


def _app(settings: Settings, db: RawDatabase, **changes: object) -> TestClient:
    changed = settings.model_copy(update=changes)
    return TestClient(create_app(changed, build_services(changed, db)))


def test_graphiql_keeps_working_in_development(settings: Settings, db: RawDatabase) -> None:
    with _app(settings, db, environment="development") as http:
        ide = http.get("/graphql", headers={"accept": "text/html"})
        assert ide.status_code == 200 and "graphiql" in ide.text.lower()
        assert "content-security-policy" not in ide.headers
        assert ide.headers["x-frame-options"] == "DENY"


@pytest.fixture
def production(settings: Settings, db: RawDatabase) -> Iterator[Settings]:
    yield settings.model_copy(update={"environment": "production"})


def test_metrics_are_hidden_in_production_without_a_token(
    production: Settings, db: RawDatabase, settings: Settings
) -> None:
    with TestClient(create_app(production, build_services(production, db))) as http:
        assert http.get("/metrics").status_code == 404
        assert http.get("/healthz").status_code == 200
    with _app(settings, db) as http:  # tests and development keep them open
        assert http.get("/metrics").status_code == 200


def test_metrics_need_the_token_when_one_is_set(production: Settings, db: RawDatabase) -> None:
    guarded = production.model_copy(update={"metrics_token": "scrape-" + "s" * 30})
    with TestClient(create_app(guarded, build_services(guarded, db))) as http:
        assert http.get("/metrics").status_code == 401
        wrong = http.get("/metrics", headers={"authorization": "Bearer nope"})
        assert wrong.status_code == 401
        right = http.get("/metrics", headers={"authorization": "Bearer scrape-" + "s" * 30})
        assert right.status_code == 200 and "cloudcat_http_requests_total" in right.text


def test_a_draft_preview_may_be_framed_by_the_admin_only(client: GraphQLClient) -> None:
    """The content editor shows /s/<slug>/preview/<token> in a frame: same origin, nothing else."""
    client.sign_up("p@example.com")
    client.create_shop("previews")
    response = client.http.get("/s/previews/preview/not-a-token")
    assert response.headers["x-frame-options"] == "SAMEORIGIN"
    csp = _csp(response.headers["content-security-policy"])
    assert csp["frame-ancestors"] == {"'self'"}
    assert csp["default-src"] == {"'none'"} and "script-src" not in csp
    site = client.http.get("/s/previews/preview")  # not a preview: the site's own rules
    assert site.headers["x-frame-options"] == "DENY"
    assert _csp(site.headers["content-security-policy"])["frame-ancestors"] == {"'none'"}


async def _preview_route(scope: Any, receive: Any, send: Any) -> None:
    """A preview answer that sets its own strict policy, as a site route does."""
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [
                (b"content-type", b"text/html"),
                (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'"),
                (b"x-frame-options", b"DENY"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": b"<p>draft</p>"})


def test_a_preview_route_policy_is_loosened_to_same_origin_framing_only() -> None:
    http = TestClient(SecurityHeaders(_preview_route, development=False, https=False))
    preview = http.get("/s/shop/preview/token")
    assert (
        preview.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'self'"
    )
    assert preview.headers["x-frame-options"] == "SAMEORIGIN"
    other = http.get("/s/shop/pages/about")
    assert other.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
    assert other.headers["x-frame-options"] == "DENY"
