"""The feed source against a real HTTP feed host on loopback: JSON, CSV, bad rows, retries."""

from __future__ import annotations

import time
from decimal import Decimal
from typing import Any

import pytest
import requests

from cloudcat.core.catalog.engine import describe_failure
from cloudcat.core.documents import Shop
from cloudcat.core.errors import BadInput, PluginFailure
from cloudcat.core.http import describe_request_error, http_session, redact_url
from cloudcat.core.plugin_api import (
    Checkpoint,
    ExpectedTotal,
    ProductRecord,
    RejectedRecord,
    SourceAuthExpired,
    SourceRateLimited,
)
from cloudcat.core.tenancy import ShopPlugins
from cloudcat.plugins.feed import source as feed_module
from cloudcat.plugins.feed.source import FeedSource
from tests.fakes.feed import FeedServer

GOOD: list[dict[str, Any]] = [
    {"id": "A1", "title": "龙井茶 Longjing", "price": 19.9, "currency": "CNY", "image": "x"},
    {"id": "A2", "title": "Tea cup", "price": "1,299.00", "description": "Porcelain"},
]


def feed_source(
    shop_plugins: ShopPlugins,
    shop: Shop,
    config: dict[str, Any],
    secrets: dict[str, str | None] | None = None,
) -> FeedSource:
    shop_plugins.configure(shop.id, "feed", config, secrets)
    shop_plugins.set_enabled(shop.id, "feed", True)
    source = shop_plugins.provider(shop, "feed")
    assert isinstance(source, FeedSource)
    return source


def records(source: FeedSource) -> list[ProductRecord | RejectedRecord]:
    """The products and rejections of the feed (progress markers left out)."""
    return [
        item for item in source.iter_products() if isinstance(item, ProductRecord | RejectedRecord)
    ]


def ids(got: list[ProductRecord | RejectedRecord]) -> list[str]:
    """External ids of the records that were read (rejections left out)."""
    return [r.external_id for r in got if isinstance(r, ProductRecord)]


def test_json_feed_gives_decimal_prices_and_shop_currency_by_default(
    feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    images = ["https://img.example/a.jpg", "javascript:alert(1)", "https://img.example/b.jpg"]
    rows = [{**GOOD[0], "image": images, "url": "https://item.example/A1"}, GOOD[1]]
    url = feed_server.serve_json("/feed", rows)

    got = records(feed_source(shop_plugins, shop, {"url": url}))

    assert got == [
        ProductRecord(
            external_id="A1",
            title="龙井茶 Longjing",
            price=Decimal("19.90"),
            currency="CNY",
            image_urls=["https://img.example/a.jpg", "https://img.example/b.jpg"],
            url="https://item.example/A1",
        ),
        ProductRecord(
            external_id="A2",
            title="Tea cup",
            price=Decimal("1299.00"),
            currency="CNY",
            description="Porcelain",
        ),
    ]
    assert all(type(r.price) is Decimal for r in got if isinstance(r, ProductRecord))
    user_agent = feed_server.hits("/feed")[0].header("User-Agent") or ""
    assert user_agent.startswith("CloudCat/0.1.0 (feed/")


def test_json_feed_wrapped_in_an_object_and_a_configured_default_currency(
    feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    url = feed_server.serve_json("/export", {"total": 1, "products": [GOOD[1]]})

    got = records(feed_source(shop_plugins, shop, {"url": url, "default_currency": "usd"}))

    assert [(r.external_id, r.currency) for r in got if isinstance(r, ProductRecord)] == [
        ("A2", "USD")
    ]


def test_csv_feed_with_a_column_mapping(
    feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    url = feed_server.serve_csv(
        "/products.csv",
        [
            {"SKU": "T-1", "Name": "Green tea", "Price": "12.50", "Cur": "CNY", "Pics": ""},
            {"SKU": "T-2", "Name": "Oolong", "Price": "8", "Cur": "", "Pics": "https://i/1 | "},
            {"SKU": "T-3", "Name": "Old stock", "Price": "1.00", "Cur": "CNY", "Pics": ""},
        ],
    )
    # A status column the mapping points at, added by hand to show case-insensitive matching.
    body, _ = feed_server.files["/products.csv"]
    lines = body.decode().splitlines()
    lines[0] += ",STATE"
    lines[1:] = [lines[1] + ",active", lines[2] + ",", lines[3] + ",Delisted"]
    feed_server.serve("/products.csv", "\r\n".join(lines) + "\r\n", "text/csv")
    columns = {"id": "sku", "title": "name", "price": "price", "currency": "cur"}
    columns |= {"image": "pics", "status": "state"}

    got = records(feed_source(shop_plugins, shop, {"url": url, "columns": columns}))

    read = [r for r in got if isinstance(r, ProductRecord)]
    assert [(r.external_id, r.title, r.price, r.currency, r.status) for r in read] == [
        ("T-1", "Green tea", Decimal("12.50"), "CNY", "active"),
        ("T-2", "Oolong", Decimal("8.00"), "CNY", "active"),
        ("T-3", "Old stock", Decimal("1.00"), "CNY", "delisted"),
    ]
    assert isinstance(got[1], ProductRecord) and got[1].image_urls == ["https://i/1"]


def test_format_is_detected_from_the_file_name_or_the_content(
    feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    csv_url = feed_server.serve("/dump.csv", "id,title,price\nX,Thing,3\n", "application/x-data")
    json_url = feed_server.serve("/dump", '[{"id": "J", "title": "Jar", "price": 2}]', "text/plain")

    from_csv = records(feed_source(shop_plugins, shop, {"url": csv_url}))
    from_json = records(feed_source(shop_plugins, shop, {"url": json_url}))

    assert ids(from_csv) == ["X"]
    assert ids(from_json) == ["J"]


def test_bad_rows_are_rejected_one_by_one_without_stopping_the_feed(
    feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    rows: list[Any] = [
        {"title": "No id", "price": 1},
        {"id": "B2", "price": 1},
        {"id": "B3", "title": "Bad price", "price": "12,5O"},
        {"id": "B4", "title": "Too precise", "price": 1.005},
        {"id": "B5", "title": "Odd money", "price": 1, "currency": "ABC"},
        {"id": "B6", "title": "x" * 501, "price": 1},
        {"id": "B7", "title": "Negative", "price": -3},
        {"id": "B8", "title": "Missing price"},
        "not an object",
        {"id": "OK", "title": "Fine", "price": 5},
        {"id": "OK", "title": "Fine again", "price": 6},
    ]
    url = feed_server.serve_json("/feed", rows)

    got = records(feed_source(shop_plugins, shop, {"url": url}))

    accepted = [r for r in got if isinstance(r, ProductRecord)]
    rejected = [(r.reference, r.reason) for r in got if isinstance(r, RejectedRecord)]
    assert [(r.external_id, r.price) for r in accepted] == [("OK", Decimal("5.00"))]
    assert rejected == [
        ("item 1", "item 1: missing id"),
        ("B2", "item 2: missing title"),
        ("B3", "item 3: malformed price '12,5O'"),
        ("B4", "item 4: price Decimal('1.005') has more than two decimals"),
        ("B5", "item 5: unknown currency 'ABC'"),
        ("B6", "item 6: title is longer than 500 characters"),
        ("B7", "item 7: malformed price -3"),
        ("B8", "item 8: missing price"),
        ("item 9", "item 9: is not an object"),
        ("OK", "item 11: duplicate id 'OK'"),
    ]


def test_csv_bad_rows_name_their_line(
    feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    text = "id,title,price,currency\nC1,Good,1.50,CNY\nC2,,2,CNY\n\nC3,Bad,abc,CNY\n"
    url = feed_server.serve("/feed.csv", text, "text/csv")

    got = records(feed_source(shop_plugins, shop, {"url": url}))

    assert ids(got) == ["C1"]
    assert [r.reason for r in got if isinstance(r, RejectedRecord)] == [
        "line 3: missing title",
        "line 5: malformed price 'abc'",
    ]


def test_500_then_429_with_retry_after_are_retried(
    feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    url = feed_server.serve_json("/feed", GOOD)
    feed_server.fail_next("/feed", 500)
    feed_server.fail_next("/feed", 429, retry_after="1")

    got = records(feed_source(shop_plugins, shop, {"url": url}))

    assert ids(got) == ["A1", "A2"]
    first, second, third = feed_server.hits("/feed")
    assert second.received_at > first.received_at
    assert third.received_at - second.received_at >= 0.95  # waited as Retry-After asked


def test_a_feed_that_keeps_failing_is_a_plugin_failure(
    feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    source = feed_source(shop_plugins, shop, {"url": feed_server.url("/missing?key=s3cret")})

    with pytest.raises(PluginFailure, match=r"answered HTTP 404") as caught:
        records(source)
    assert "s3cret" not in str(caught.value)
    assert len(feed_server.hits("/missing")) == 1  # 404 is not retried


def test_a_refused_access_is_source_auth_expired_and_not_retried(
    feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    url = feed_server.serve_json("/feed", GOOD)
    for status, reason in ((401, "Unauthorized"), (403, "Forbidden")):
        feed_server.fail_next("/feed", status)
        with pytest.raises(SourceAuthExpired) as caught:
            records(feed_source(shop_plugins, shop, {"url": url}))
        assert str(caught.value) == (
            f"the feed at {url} refused access (HTTP {status} {reason}): "
            "check its URL and the Authorization setting"
        )
        assert not caught.value.retryable
        assert describe_failure(caught.value, "feed") == (str(caught.value), caught.value.code)
    assert len(feed_server.hits("/feed")) == 2  # one request each: a refusal is not retried


def test_a_persistent_429_is_source_rate_limited_with_its_retry_after(
    feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    url = feed_server.serve_json("/feed", GOOD)
    feed_server.fail_next("/feed", 429, retry_after="0", times=10)
    with pytest.raises(SourceRateLimited) as caught:
        records(feed_source(shop_plugins, shop, {"url": url}))
    assert caught.value.retry_after == 0
    assert len(feed_server.hits("/feed")) > 1  # the session retried first

    url = feed_server.serve_json("/other", GOOD)
    feed_server.fail_next("/other", 429, times=10)  # no Retry-After: the wait is unknown
    with pytest.raises(SourceRateLimited) as caught:
        records(feed_source(shop_plugins, shop, {"url": url}))
    assert caught.value.retry_after is None
    message, code = describe_failure(caught.value, "feed")
    assert code == "SOURCE_RATE_LIMITED"
    assert message == (
        "the marketplace is limiting how fast this shop is read (the feed at "
        f"{url} keeps answering HTTP 429 Too Many Requests); "
        "the sync goes on later from where it stopped"
    )


def test_unreachable_and_unreadable_feeds_fail_clearly(
    feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    url = feed_server.serve("/broken.json", '[{"id": "1",', "application/json")
    with pytest.raises(PluginFailure, match="is not valid JSON"):
        records(feed_source(shop_plugins, shop, {"url": url}))

    url = feed_server.serve_json("/object.json", {"nothing": "here"})
    with pytest.raises(PluginFailure, match="must be a list of products"):
        records(feed_source(shop_plugins, shop, {"url": url}))


def test_authorization_is_a_secret_sent_as_a_header(shop_plugins: ShopPlugins, shop: Shop) -> None:
    with FeedServer(require_authorization="Bearer tok-123") as server:
        url = server.serve_json("/feed", GOOD)
        source = feed_source(shop_plugins, shop, {"url": url}, {"authorization": "Bearer tok-123"})
        assert len(records(source)) == 2
        state = shop_plugins.state(shop.id, "feed")
        assert state is not None and "authorization" not in state.config
        assert "tok-123" not in str(state.secrets)

        shop_plugins.configure(shop.id, "feed", {"url": url}, {"authorization": None})
        with pytest.raises(PluginFailure, match="HTTP 401"):
            records(feed_source(shop_plugins, shop, {"url": url}))


def test_check_reports_the_rows(
    feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    url = feed_server.serve_json("/feed", [*GOOD, {"id": "Z", "title": "No price"}])
    assert feed_source(shop_plugins, shop, {"url": url}).check() == (
        "the feed has 3 rows: 2 readable, 1 rejected (first: item 3: missing price)"
    )

    url = feed_server.serve_json("/bad", [{"sku": "1"}])
    with pytest.raises(PluginFailure, match=r"no usable product \(1 rejected, first: item 1"):
        feed_source(shop_plugins, shop, {"url": url}).check()


def test_config_is_validated(shop_plugins: ShopPlugins, shop: Shop) -> None:
    with pytest.raises(BadInput) as caught:
        shop_plugins.configure(
            shop.id, "feed", {"url": "ftp://x/feed", "default_currency": "QQQ", "format": "xml"}
        )
    assert {tuple(f.path) for f in caught.value.fields} == {
        ("config", "url"),
        ("config", "default_currency"),
        ("config", "format"),
    }
    assert FeedSource.secret_fields() == ["authorization"]


def test_the_session_applies_a_default_timeout(feed_server: FeedServer) -> None:
    url = feed_server.serve_json("/feed", GOOD)
    feed_server.delay = 0.5
    started = time.monotonic()
    with (
        http_session(timeout=(1.0, 0.1), retries=0) as session,
        pytest.raises(requests.RequestException) as caught,
    ):
        session.get(url)
    assert time.monotonic() - started < 0.45
    assert describe_request_error(caught.value, url + "?k=1") == (
        f"{feed_server.url('/feed')}?… did not answer in time"
    )

    with FeedServer() as gone:
        dead_url = gone.url("/feed.json")
    with http_session(retries=0) as session, pytest.raises(requests.RequestException) as caught:
        session.get(dead_url)
    assert describe_request_error(caught.value, dead_url) == f"could not connect to {dead_url}"
    assert redact_url("https://u:p@h.example:8443/a/b?key=1#f") == "https://h.example:8443/a/b?…"


def test_checkpoints_resume_the_same_feed_and_restart_a_changed_one(
    feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(feed_module, "CHECKPOINT_EVERY", 2)
    rows = [{"id": f"R{n}", "title": f"Row {n}", "price": 1} for n in range(5)]
    source = feed_source(shop_plugins, shop, {"url": feed_server.serve_json("/feed", rows)})
    items = list(source.iter_products())
    tokens = [item.token for item in items if isinstance(item, Checkpoint)]
    assert items[0] == ExpectedTotal(5) and len(tokens) == 2

    resumed = list(
        feed_source(shop_plugins, shop, {"url": feed_server.url("/feed")}).iter_products(
            checkpoint=tokens[0]
        )
    )
    assert ids([i for i in resumed if isinstance(i, ProductRecord)]) == ["R2", "R3", "R4"]

    feed_server.serve_json("/feed", [*rows, {"id": "R5", "title": "New", "price": 2}])
    changed = list(
        feed_source(shop_plugins, shop, {"url": feed_server.url("/feed")}).iter_products(
            checkpoint=tokens[0]
        )
    )
    assert ids([i for i in changed if isinstance(i, ProductRecord)]) == [f"R{n}" for n in range(6)]


def test_a_feed_larger_than_the_cap_fails_clearly(
    feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(feed_module, "MAX_FEED_BYTES", 2048)
    url = feed_server.serve_json("/big.json", GOOD * 30)
    with pytest.raises(PluginFailure) as caught:
        records(feed_source(shop_plugins, shop, {"url": url}))
    assert str(caught.value) == f"the answer of {url} is larger than 2 KB"
