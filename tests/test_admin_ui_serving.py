"""The built admin SPA is served at /admin with the right caching."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from cloudcat.core.app import create_app
from cloudcat.core.services import Services
from cloudcat.core.settings import Settings
from cloudcat.core.web.admin_ui import accepted_codings


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


def test_precompressed_copies_are_sent_when_accepted(
    settings: Settings, services: Services, dist: Path
) -> None:
    asset = dist / "assets" / "app-abc123.js"
    asset.write_text("console.log('plain');\n" * 200)
    # Stand-ins with their own contents, to tell which file was sent (the client decodes gzip).
    (dist / "assets" / "app-abc123.js.br").write_bytes(b"brotli bytes")
    (dist / "assets" / "app-abc123.js.gz").write_bytes(gzip.compress(b"from the .gz copy"))
    url = "/admin/assets/app-abc123.js"
    with _client(settings, services, dist) as http:
        brotli = http.get(url, headers={"accept-encoding": "gzip, deflate, br"})
        assert brotli.headers["content-encoding"] == "br"
        assert brotli.headers["content-type"].startswith("text/javascript")
        assert brotli.headers["vary"] == "Accept-Encoding"
        assert "immutable" in brotli.headers["cache-control"]
        assert brotli.headers["content-length"] == str(len(b"brotli bytes"))  # sent as stored

        gzipped = http.get(url, headers={"accept-encoding": "gzip, br;q=0"})
        assert gzipped.headers["content-encoding"] == "gzip"
        assert gzipped.text == "from the .gz copy"

        plain = http.get(url, headers={"accept-encoding": "identity"})
        assert "content-encoding" not in plain.headers
        assert plain.headers["vary"] == "Accept-Encoding"
        assert plain.text == asset.read_text()


def test_index_html_has_its_precompressed_copy_sent_for_every_route(
    settings: Settings, services: Services, dist: Path
) -> None:
    (dist / "index.html.br").write_bytes(b"compressed index")
    with _client(settings, services, dist) as http:
        deep = http.get("/admin/shops/1/plugins", headers={"accept-encoding": "br"})
        assert deep.headers["content-encoding"] == "br"
        assert deep.headers["content-type"].startswith("text/html")
        assert deep.headers["cache-control"] == "no-cache"
        assert deep.headers["content-length"] == str(len(b"compressed index"))


@pytest.mark.parametrize(
    ("header", "codings"),
    [
        ("", set()),
        ("gzip, deflate, br, zstd", {"gzip", "deflate", "br", "zstd"}),
        ("br;q=0, gzip;q=0.5", {"gzip"}),
        ("BR ; q=1.0", {"br"}),
        ("gzip;q=bogus, br", {"br"}),
        ("*", {"*"}),
    ],
)
def test_accept_encoding_is_read_with_its_weights(header: str, codings: set[str]) -> None:
    assert accepted_codings(header) == codings
