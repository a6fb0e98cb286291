"""The built admin SPA is served at /admin with the right caching."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient

from cloudcat.core.app import create_app
from cloudcat.core.services import Services
from cloudcat.core.settings import Settings


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><div id=root></div>")
    (tmp_path / "assets" / "index-abc123.js").write_text("console.log('hi')")
    (tmp_path / "favicon.svg").write_text("<svg/>")
    (tmp_path.parent / "secret.txt").write_text("outside")
    return tmp_path


def _client(settings: Settings, services: Services, dist: Path) -> TestClient:
    return TestClient(create_app(settings.model_copy(update={"admin_ui_dist": dist}), services))


def test_hashed_assets_are_immutable_and_index_is_never_cached(
    settings: Settings, services: Services, dist: Path
) -> None:
    with _client(settings, services, dist) as http:
        asset = http.get("/admin/assets/index-abc123.js")
        assert asset.status_code == 200 and "immutable" in asset.headers["cache-control"]
        index = http.get("/admin/")
        assert index.headers["cache-control"] == "no-cache" and "root" in index.text
        deep = http.get("/admin/shops/123/plugins")
        assert deep.status_code == 200 and deep.headers["cache-control"] == "no-cache"
        assert "root" in deep.text
        assert http.get("/admin/favicon.svg").headers["cache-control"] == "no-cache"
        assert http.get("/admin/assets/missing.js").status_code == 404
        assert http.get("/admin", follow_redirects=False).headers["location"] == "/admin/"


def test_paths_cannot_escape_the_build_folder(
    settings: Settings, services: Services, dist: Path
) -> None:
    with _client(settings, services, dist) as http:
        response = http.get("/admin/..%2Fsecret.txt")
        assert "outside" not in response.text


def test_an_unbuilt_admin_says_how_to_build_it(
    settings: Settings, services: Services, tmp_path: Path
) -> None:
    with _client(settings, services, tmp_path / "nothing") as http:
        response = http.get("/admin/")
        assert response.status_code == 503 and "make admin-ui" in response.text


def test_assets_are_sent_compressed(settings: Settings, services: Services, dist: Path) -> None:
    (dist / "assets" / "big-abc123.js").write_text("console.log('cloudcat');\n" * 2000)
    with _client(settings, services, dist) as http:
        response = http.get("/admin/assets/big-abc123.js", headers={"accept-encoding": "gzip"})
        assert response.headers["content-encoding"] == "gzip"
        assert int(response.headers["content-length"]) < 5000
