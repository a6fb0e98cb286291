"""The Taobao TOP client, signing and OAuth pieces against the loopback TOP fake."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from cloudcat.core.http import http_session
from cloudcat.core.oauth import AuthorizationFailed, TokenSet
from cloudcat.plugins.taobao.client import TopClient, as_list, response_key, unwrap_lists
from cloudcat.plugins.taobao.errors import (
    TopAuthError,
    TopError,
    TopRateLimited,
    TopSignatureError,
    TopUnavailable,
    ban_seconds,
)
from cloudcat.plugins.taobao.oauth import TaobaoOAuth
from cloudcat.plugins.taobao.signing import (
    CHINA,
    SignMethod,
    format_time,
    parse_time,
    sign,
    string_to_sign,
    timestamp,
)
from tests.fakes.taobao import DELETE, ManualClock, TaobaoFake
from tests.fakes.taobao_data import BASE_TIME, make_seller

DOC_PARAMS = {
    "method": "taobao.item.seller.get",
    "app_key": "12345678",
    "session": "test",
    "timestamp": "2016-01-01 12:00:00",
    "format": "json",
    "v": "2.0",
    "sign_method": "md5",
    "fields": "num_iid,title,nick,price,num",
    "num_iid": "11223344",
}
"""The worked example of TOP's signing documentation (secret ``helloworld``)."""
DOC_STRING = (
    "app_key12345678fieldsnum_iid,title,nick,price,numformatjsonmethodtaobao.item.seller.get"
    "num_iid11223344sessiontestsign_methodmd5timestamp2016-01-01 12:00:00v2.0"
)


@pytest.fixture
def fake() -> Iterator[TaobaoFake]:
    with TaobaoFake(items=45, skus=3, trades=25) as server:
        yield server


def client_for(fake: TaobaoFake, **options: Any) -> TopClient:
    options.setdefault("session", fake.issue_session())
    options.setdefault("sleep", lambda seconds: None)
    return TopClient(fake.app_key, fake.app_secret, gateway_url=fake.gateway_url, **options)


def raw_call(fake: TaobaoFake, params: dict[str, str]) -> requests.Response:
    """POST already-built parameters to the fake, as any HTTP client would."""
    return requests.post(fake.gateway_url, data=params, timeout=10)


# --- signing -------------------------------------------------------------------------------


def test_md5_signature_matches_the_documented_example() -> None:
    assert string_to_sign(DOC_PARAMS) == DOC_STRING
    by_hand = hashlib.md5(f"helloworld{DOC_STRING}helloworld".encode()).hexdigest().upper()
    assert by_hand == "66987CB115214E59E6EC978214934FB8"  # TOP's documented answer
    assert sign(DOC_PARAMS, "helloworld", "md5") == by_hand


@pytest.mark.parametrize(
    ("method", "digest"), [("hmac", hashlib.md5), ("hmac-sha256", hashlib.sha256)]
)
def test_hmac_signatures_key_the_digest_with_the_secret(method: SignMethod, digest: Any) -> None:
    params = {**DOC_PARAMS, "sign_method": method}
    text = DOC_STRING.replace("sign_methodmd5", f"sign_method{method}")
    by_hand = hmac.new(b"helloworld", text.encode(), digest).hexdigest().upper()
    assert sign(params, "helloworld", method) == by_hand


def test_signing_leaves_out_the_sign_and_empty_values_and_reads_utf8() -> None:
    params = {"b": "2", "a": "", "sign": "OLD", "c": "云猫", "d": None}
    assert string_to_sign(params) == "b2c云猫"
    expected = hashlib.md5("kb2c云猫k".encode()).hexdigest().upper()
    assert sign(params, "k") == expected


def test_top_times_are_china_standard_time() -> None:
    assert timestamp(0) == "1970-01-01 08:00:00"
    moment = datetime(2024, 6, 1, 4, 0, 0, tzinfo=UTC)
    assert format_time(moment) == "2024-06-01 12:00:00"
    assert parse_time("2024-06-01 12:00:00") == moment
    assert parse_time("2024-06-01 12:00:00").tzinfo == CHINA


def test_the_generated_catalog_is_realistic_and_deterministic() -> None:
    first = make_seller(1, "茶馆", items=12, skus=4, seed=7)
    again = make_seller(1, "茶馆", items=12, skus=4, seed=7)
    other = make_seller(1, "茶馆", items=12, skus=4, seed=8)
    assert first.items == again.items and first.trades == again.trades
    assert first.items != other.items
    item = next(iter(first.items.values()))
    assert len(item["skus"]) <= 4 and item["price"].count(".") == 1
    assert all(
        s["properties_name"].count(":") == 3 * len(s["properties"].split(";")) for s in item["skus"]
    )
    assert any("\u4e00" <= ch <= "\u9fff" for ch in item["title"])


def test_each_session_sees_only_its_own_sellers_shop(fake: TaobaoFake) -> None:
    neighbour = fake.add_seller(3_300_000_001, "隔壁小店", items=4, seed=2)
    mine = next(iter(fake.seller.items))
    with client_for(fake, session=fake.issue_session(user_id=neighbour.user_id)) as client:
        assert {i["num_iid"] for i in client.iter_items()} == set(neighbour.items)
        assert list(client.iter_item_details([mine])) == []
        with pytest.raises(TopError) as caught:
            client.item(mine)
    assert caught.value.sub_code == "isv.item-not-exist"


# --- the gateway's checks --------------------------------------------------------------------


@pytest.mark.parametrize("method", ["md5", "hmac", "hmac-sha256"])
@pytest.mark.parametrize("simplify", [False, True])
def test_every_sign_method_and_envelope_reads_the_catalog(
    fake: TaobaoFake, method: Any, simplify: bool
) -> None:
    with client_for(fake, sign_method=method, simplify=simplify) as client:
        items = list(client.iter_items(page_size=20))
        details = list(client.iter_item_details(i["num_iid"] for i in items))
    assert len(items) == 45 == len({i["num_iid"] for i in items})
    assert {d["num_iid"] for d in details} == set(fake.seller.items)
    first = next(d for d in details if d["num_iid"] == items[0]["num_iid"])
    stored = fake.seller.items[first["num_iid"]]
    assert first["title"] == stored["title"] and first["price"] == stored["price"]
    assert first["skus"] == stored["skus"] and len(first["skus"]) == 3
    assert [s["sku_id"] for s in first["skus"]] == [s["sku_id"] for s in stored["skus"]]


def test_a_wrong_secret_fails_with_code_25_inside_http_200(fake: TaobaoFake) -> None:
    client = TopClient(fake.app_key, "not-the-secret", gateway_url=fake.gateway_url)
    params = client.signed_params(
        "taobao.items.onsale.get", {"fields": "num_iid"}, fake.issue_session()
    )
    response = raw_call(fake, params)
    assert response.status_code == 200
    error = response.json()["error_response"]
    assert (error["code"], error["msg"]) == (25, "Invalid Signature")
    assert error["request_id"]
    with client, pytest.raises(TopSignatureError) as caught:
        client.call("taobao.items.onsale.get", {"fields": "num_iid"}, session=fake.issue_session())
    assert caught.value.code == 25
    assert "app secret" in str(caught.value)
    assert fake.calls == []  # nothing got past the gateway


def test_a_tampered_parameter_breaks_the_signature(fake: TaobaoFake) -> None:
    with client_for(fake) as client:
        params = client.signed_params(
            "taobao.items.onsale.get", {"fields": "num_iid", "page_size": 5}
        )
    params["page_size"] = "200"
    assert raw_call(fake, params).json()["error_response"]["code"] == 25


def test_unknown_app_key_and_bad_timestamps_are_refused(fake: TaobaoFake) -> None:
    with TopClient("99999999", fake.app_secret, gateway_url=fake.gateway_url) as stranger:
        with pytest.raises(TopError) as caught:
            stranger.call("taobao.items.onsale.get", {"fields": "num_iid"})
        assert (caught.value.code, caught.value.msg) == (29, "Invalid App Key")
    late = datetime.now(CHINA) - timedelta(minutes=11)
    with client_for(fake, clock=late.timestamp) as stale:
        with pytest.raises(TopError) as caught:
            stale.call("taobao.items.onsale.get", {"fields": "num_iid"})
        assert caught.value.code == 31
    almost = datetime.now(CHINA) - timedelta(minutes=9)
    with client_for(fake, clock=almost.timestamp) as skewed:
        assert skewed.call("taobao.items.onsale.get", {"fields": "num_iid"})["total_results"] == 45
    with client_for(fake) as client:
        params = client.signed_params("taobao.items.onsale.get", {"fields": "num_iid"})
    params["timestamp"] = str(int(datetime.now(UTC).timestamp() * 1000))  # the Python SDK's way
    params["sign"] = sign(params, fake.app_secret, "md5")
    assert raw_call(fake, params).json()["items_onsale_get_response"]["total_results"] == 45
    params["timestamp"] = "2024/06/01 12:00"
    params["sign"] = sign(params, fake.app_secret, "md5")
    assert raw_call(fake, params).json()["error_response"]["code"] == 31


def test_expired_revoked_and_missing_sessions_are_auth_errors(fake: TaobaoFake) -> None:
    token = fake.issue_session()
    with client_for(fake, session=token) as client:
        assert client.count_items() == 45
        fake.expire_session(token)
        with pytest.raises(TopAuthError) as expired:
            client.count_items()
    assert (expired.value.code, expired.value.sub_code) == (27, "session-expired")
    assert expired.value.expired and "reconnect" in str(expired.value)
    other = fake.issue_session()
    fake.revoke_session(other)
    with client_for(fake, session=other) as client, pytest.raises(TopAuthError) as revoked:
        client.count_items()
    assert (revoked.value.sub_code, revoked.value.expired) == ("invalid-sessionkey", False)
    with client_for(fake, session="") as client, pytest.raises(TopAuthError) as missing:
        client.count_items()
    assert missing.value.code == 26


def test_a_session_of_another_app_is_invalid(fake: TaobaoFake) -> None:
    fake.register_app("87654321", "another-secret")
    theirs = fake.issue_session("87654321")
    with client_for(fake, session=theirs) as client, pytest.raises(TopAuthError) as caught:
        client.count_items()
    assert caught.value.sub_code == "invalid-sessionkey"


def test_missing_and_invalid_arguments(fake: TaobaoFake) -> None:
    with client_for(fake) as client:
        with pytest.raises(TopError) as missing:
            client.call("taobao.items.onsale.get", {})
        assert (missing.value.code, missing.value.sub_code) == (40, "isv.missing-parameter")
        assert "fields" in missing.value.sub_msg
        with pytest.raises(TopError) as too_big:
            client.call("taobao.items.onsale.get", {"fields": "num_iid", "page_size": 201})
        assert (too_big.value.code, too_big.value.sub_code) == (41, "isv.invalid-parameter")
        with pytest.raises(TopError) as too_many:
            client.call(
                "taobao.items.seller.list.get",
                {"fields": "num_iid", "num_iids": list(range(1, 22))},
            )
        assert too_many.value.code == 41
        with pytest.raises(TopError) as unknown:
            client.call("taobao.nothing.here")
        assert unknown.value.code == 22
        with pytest.raises(ValueError, match="system parameters"):
            client.call("taobao.items.onsale.get", {"fields": "num_iid", "session": "x"})


# --- throttling, faults and broken answers ----------------------------------------------------


def test_call_limits_are_waited_out_for_the_announced_ban() -> None:
    clock = ManualClock()
    with TaobaoFake(items=12, clock=clock) as fake:
        fake.throttle(2, ban_seconds=5)
        with client_for(fake, clock=clock, sleep=clock.sleep) as client:
            totals = [client.count_items() for _ in range(5)]
        assert totals == [12] * 5
        limited = [e for e in fake.errors if e[1] == 7]
        assert limited and all(e[2] == "accesscontrol.limited-by-api-access-count" for e in limited)
        assert clock.slept and all(5 <= wait < 5.5 for wait in clock.slept)
        assert len(clock.slept) == len(limited)


def test_a_ban_longer_than_the_client_waits_is_raised_at_once() -> None:
    clock = ManualClock()
    with TaobaoFake(items=3, clock=clock) as fake:
        fake.throttle(1, ban_seconds=120)
        with client_for(fake, clock=clock, sleep=clock.sleep, max_throttle_wait=60) as client:
            client.count_items()
            with pytest.raises(TopRateLimited) as caught:
                client.count_items()
        assert caught.value.retry_after == 120
        assert caught.value.retryable and clock.slept == []


def test_the_ban_length_is_read_from_the_sub_message() -> None:
    assert ban_seconds("This ban will last for 31062 more seconds") == 31062
    assert ban_seconds("This ban will last for 1 more seconds") == 1
    assert ban_seconds("") == 1


def test_broken_json_is_tried_again_once_then_reported(fake: TaobaoFake) -> None:
    with client_for(fake) as client:
        fake.break_json_next()
        assert client.count_items() == 45
        fake.break_json_next(times=2)
        with pytest.raises(TopUnavailable, match="not JSON"):
            client.count_items()


def test_server_errors_are_retried_then_reported(fake: TaobaoFake) -> None:
    http = http_session(retries=2, backoff_factor=0, retry_methods={"POST"})
    with client_for(fake, http=http, unavailable_retries=0) as client:
        fake.fail_next(503, times=2)
        assert client.count_items() == 45
        fake.fail_next(502, times=3)
        with pytest.raises(TopUnavailable, match="HTTP 502"):
            client.count_items()
    http.close()


def test_a_malformed_item_reaches_the_caller_as_served(fake: TaobaoFake) -> None:
    num_iid = next(iter(fake.seller.items))
    fake.malform_item(
        num_iid, price="十九块九", title=DELETE, skus=[{"sku_id": "x", "price": None}]
    )
    with client_for(fake) as client:
        (item,) = client.iter_item_details([num_iid])
    assert item["price"] == "十九块九" and "title" not in item
    assert item["skus"] == [{"sku_id": "x", "price": None}]


# --- envelopes and pages -------------------------------------------------------------------------


def test_both_envelopes_as_the_gateway_sends_them(fake: TaobaoFake) -> None:
    num_iid = next(iter(fake.seller.items))
    with client_for(fake) as client:
        wrapped = client.signed_params(
            "taobao.items.seller.list.get", {"fields": "num_iid,title,sku", "num_iids": num_iid}
        )
    body = raw_call(fake, wrapped).json()
    inner = body["items_seller_list_get_response"]
    (item,) = inner["items"]["item"]
    assert isinstance(item["skus"]["sku"], list) and inner["request_id"]
    with client_for(fake, simplify=True) as client:
        flat = client.signed_params(
            "taobao.items.seller.list.get", {"fields": "num_iid,title,sku", "num_iids": num_iid}
        )
    body = raw_call(fake, flat).json()
    (item,) = body["items"]
    assert isinstance(item["skus"], list) and body["request_id"]
    assert unwrap_lists(inner)["items"] == body["items"]


def test_unwrapping_and_list_helpers() -> None:
    assert response_key("taobao.items.onsale.get") == "items_onsale_get_response"
    assert response_key("tmall.item.update") == "tmall_item_update_response"
    wrapped = {"item": {"skus": {"sku": [{"sku_id": 1}]}, "title": "x"}, "n": {"k": 1}}
    assert unwrap_lists(wrapped) == {"item": {"skus": [{"sku_id": 1}], "title": "x"}, "n": {"k": 1}}
    assert as_list(None) == as_list({}) == []
    assert as_list({"a": 1}) == [{"a": 1}]


def test_listing_by_modified_time_and_pages(fake: TaobaoFake) -> None:
    changed = sorted(fake.seller.items)[:3]
    with client_for(fake) as client:
        before = client.now() - timedelta(seconds=1)
        for num_iid in changed:
            fake.update_item(num_iid, title=f"改过的 {num_iid}")
        recent = list(client.iter_items(start_modified=before))
        everything = list(client.iter_items(page_size=7))
    assert sorted(i["num_iid"] for i in recent) == changed
    assert {i["title"] for i in recent} == {f"改过的 {n}" for n in changed}
    assert len(everything) == 45 == len({i["num_iid"] for i in everything})
    pages = [
        p["page_no"] for p in fake.method_calls("taobao.items.onsale.get") if p["page_size"] == "7"
    ]
    assert pages == ["1", "2", "3", "4", "5", "6", "7"]
    modified = [i["modified"] for i in everything]
    assert modified == sorted(modified)


def test_listings_deeper_than_the_cap_are_sliced_by_modified_time() -> None:
    with TaobaoFake(items=45, deep_paging_cap=20) as fake, client_for(fake) as client:
        with pytest.raises(TopError) as too_deep:
            client.page(
                "taobao.items.onsale.get",
                {"fields": "num_iid"},
                rows="items",
                page_no=3,
                page_size=10,
            )
        assert (too_deep.value.code, too_deep.value.sub_code) == (
            15,
            "isv.invalid-parameter:page_no",
        )
        fake.errors.clear()
        items = list(client.iter_items(page_size=10, cap=20))
        assert len(items) == 45 == len({i["num_iid"] for i in items})
        assert fake.errors == []
        windows = {p.get("start_modified") for p in fake.method_calls("taobao.items.onsale.get")}
        assert len(windows) > 2


def test_delisted_items_move_to_the_inventory(fake: TaobaoFake) -> None:
    num_iid = sorted(fake.seller.items)[5]
    fake.delist(num_iid)
    with client_for(fake) as client:
        on_sale = {i["num_iid"] for i in client.iter_items()}
        stored = {i["num_iid"] for i in client.iter_items(inventory=True)}
    assert num_iid not in on_sale and stored == {num_iid}


def test_item_details_are_asked_twenty_at_a_time(fake: TaobaoFake) -> None:
    ids = [*sorted(fake.seller.items), 1, 2]
    with client_for(fake) as client:
        found = list(client.iter_item_details(ids))
        one = client.item(ids[0])
        with pytest.raises(TopError) as gone:
            client.item(1)
    assert len(found) == 45
    batches = [p["num_iids"].split(",") for p in fake.method_calls("taobao.items.seller.list.get")]
    assert [len(b) for b in batches] == [20, 20, 7]
    assert one["skus"] == fake.seller.items[ids[0]]["skus"]
    assert (gone.value.code, gone.value.sub_code) == (15, "isv.item-not-exist")


@pytest.mark.parametrize("simplify", [False, True])
def test_categories_and_promotions(fake: TaobaoFake, simplify: bool) -> None:
    promoted = next(iter(fake.seller.promotions))
    with client_for(fake, simplify=simplify) as client:
        categories = client.seller_categories()
        by_nick = client.seller_categories(nick=fake.seller.nick)
        promotions = client.item_promotions(promoted)
        nothing = client.item_promotions(
            sorted(set(fake.seller.items) - set(fake.seller.promotions))[0]
        )
        activities = list(client.iter_promotion_activities(page_size=2))
        ranges = {a["activity_id"]: client.activity_items(a["activity_id"]) for a in activities}
    assert [c["name"] for c in categories] == [c["name"] for c in fake.seller.categories]
    assert by_nick == categories
    (promotion,) = promotions.in_item
    assert promotion == fake.seller.promotions[promoted][0]
    assert len(promotion["sku_id_list"]) == len(promotion["sku_price_list"]) == 3
    assert promotions.in_shop[0]["name"] == "满199减20"
    assert nothing.in_item == [] and nothing.in_shop
    assert [a["activity_id"] for a in activities] == [
        a["activity_id"] for a in fake.seller.activities
    ]
    # the list gives an activity's main fields only, and never its items
    assert {frozenset(a) for a in activities} == {
        frozenset(
            {"activity_id", "name", "description", "start_time", "end_time", "participate_range"}
        )
    }
    assert ranges == {key: [str(i) for i in items] for key, items in fake.seller.ranges.items()}
    assert any(len(items) > 1 for items in ranges.values())


def test_trades_by_modified_time_are_paged_backwards_one_day_at_a_time(fake: TaobaoFake) -> None:
    with client_for(fake) as client:
        start = client.now() - timedelta(minutes=5)
        new = [fake.add_trade() for _ in range(7)]
        fake.update_trade(new[0], "TRADE_CLOSED")
        end = client.now() + timedelta(seconds=1)
        trades = list(client.iter_trades_modified(start, end, page_size=3))
        history = list(
            client.iter_trades_modified(
                BASE_TIME - timedelta(days=31),
                BASE_TIME,
                fields="tid,modified,orders.title",
                page_size=10,
            )
        )
    assert sorted(t["tid"] for t in trades) == sorted(new)
    closed = next(t for t in trades if t["tid"] == new[0])
    assert closed["status"] == "TRADE_CLOSED" and closed["orders"][0]["status"] == "TRADE_CLOSED"
    pages = [p["page_no"] for p in fake.method_calls("taobao.trades.sold.increment.get")[:4]]
    assert pages == ["1", "3", "2", "1"]
    assert sorted(t["tid"] for t in history) == sorted(set(fake.seller.trades) - set(new))
    assert all(set(o) == {"title"} for t in history for o in t["orders"])
    spans = {
        (parse_time(p["end_modified"]) - parse_time(p["start_modified"]))
        for p in fake.method_calls("taobao.trades.sold.increment.get")
    }
    assert max(spans) <= timedelta(days=1)


def test_trades_of_more_than_a_day_at_once_are_refused(fake: TaobaoFake) -> None:
    with client_for(fake) as client, pytest.raises(TopError) as caught:
        now = client.now()
        client.call(
            "taobao.trades.sold.increment.get",
            {"fields": "tid", "start_modified": now - timedelta(days=2), "end_modified": now},
        )
    assert caught.value.code == 15


def test_trades_by_creation_time_use_has_next(fake: TaobaoFake) -> None:
    with client_for(fake) as client:
        trades = list(
            client.iter_trades_created(
                datetime(2024, 1, 1, tzinfo=CHINA), client.now(), page_size=4
            )
        )
    assert sorted(t["tid"] for t in trades) == sorted(fake.seller.trades)
    created = [t["created"] for t in trades]
    assert created == sorted(created, reverse=True)
    assert all(p["use_has_next"] == "true" for p in fake.method_calls("taobao.trades.sold.get"))


# --- change messages ---------------------------------------------------------------------------


def test_change_messages_are_pulled_confirmed_and_redelivered() -> None:
    clock = ManualClock()
    with TaobaoFake(items=10, clock=clock) as fake, client_for(fake, clock=clock) as client:
        ids = sorted(fake.seller.items)
        fake.update_item(ids[0], price="1.00")
        assert client.tmc_consume() == []  # the seller has not permitted messages yet
        assert client.tmc_permit()
        item = fake.seller.items[ids[1]]
        fake.update_item(ids[0], title="新款", price="88.00")
        fake.update_sku(ids[1], item["skus"][0]["sku_id"], quantity=0)
        fake.delist(ids[2])
        fake.delete_item(ids[3])
        added = fake.add_item(title="新品")
        messages = client.tmc_consume()
        assert [m.topic for m in messages] == [
            "taobao_item_ItemUpdate",
            "taobao_item_ItemStockChanged",
            "taobao_item_ItemSkuZeroStock",
            "taobao_item_ItemDownshelf",
            "taobao_item_ItemDelete",
            "taobao_item_ItemAdd",
        ]
        assert messages[0].content == {
            "num_iid": ids[0],
            "nick": fake.seller.nick,
            "title": "新款",
            "price": "88.00",
            "changed_fields": "price,title",
        }
        assert messages[1].content is not None and messages[1].content["sku_num"] == 0
        assert messages[0].user_nick == fake.seller.nick and messages[0].pub_app_key == fake.app_key
        last = messages[-1]
        assert last.content is not None and last.content["num_iid"] == added
        client.tmc_confirm([m.id for m in messages[:-1]])
        assert client.tmc_consume() == []  # the unconfirmed one is not due again yet
        clock.advance(61)
        (again,) = client.tmc_consume()  # not confirmed: delivered again
        assert again.id == last.id
        client.tmc_confirm([again.id])
        clock.advance(61)
        assert client.tmc_consume() == [] and fake.tmc.pending() == []


def test_tmc_arguments_are_checked(fake: TaobaoFake) -> None:
    with client_for(fake) as client:
        with pytest.raises(TopError) as few:
            client.call("taobao.tmc.messages.consume", {"quantity": 5})
        assert few.value.code == 41
        with pytest.raises(TopError) as group:
            client.call("taobao.tmc.messages.consume", {"group_name": "vip"})
        assert (group.value.code, group.value.sub_code) == (15, "isv.group-not-exist")
        with pytest.raises(TopError) as topic:
            client.tmc_permit(["taobao_item_Nope"])
        assert topic.value.code == 15
        client.tmc_confirm(range(1, 450))
    sizes = [
        len(p["s_message_ids"].split(",")) for p in fake.method_calls("taobao.tmc.messages.confirm")
    ]
    assert sizes == [200, 200, 49]


# --- OAuth --------------------------------------------------------------------------------------


def authorize(fake: TaobaoFake, oauth: TaobaoOAuth, state: str = "st-1") -> dict[str, list[str]]:
    """Follow the authorize URL like a browser would, up to the redirect back."""
    response = requests.get(
        oauth.authorize_url(state, "https://shop.example/cb"), allow_redirects=False, timeout=10
    )
    assert response.status_code == 302
    location = urlsplit(response.headers["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == "https://shop.example/cb"
    return parse_qs(location.query)


def test_code_exchange_gives_a_working_token_set() -> None:
    clock = ManualClock()
    with TaobaoFake(items=4, clock=clock) as fake:
        oauth = TaobaoOAuth(fake.app_key, fake.app_secret, base=fake.oauth_url, clock=clock)
        answer = authorize(fake, oauth)
        assert answer["state"] == ["st-1"]
        tokens = oauth.exchange_code(answer["code"][0], "https://shop.example/cb")
        assert tokens.account_id == str(fake.seller.user_id)
        assert tokens.account_name == fake.seller.nick  # URL-decoded
        assert tokens.refresh_token is None  # this app may not refresh (re_expires_in = 0)
        assert tokens.expires_at == datetime.fromtimestamp(clock.now + 86_400, UTC)
        assert (
            tokens.extra["w2_expires_at"]
            == datetime.fromtimestamp(clock.now + 1_800, UTC).isoformat()
        )
        with client_for(fake, session=tokens.access_token, clock=clock) as client:
            assert client.count_items() == 4
            clock.advance(86_400)
            with pytest.raises(TopAuthError) as expired:
                client.count_items()
            assert expired.value.expired
        with pytest.raises(AuthorizationFailed, match="invalid_grant"):
            oauth.exchange_code(answer["code"][0], "https://shop.example/cb")  # codes work once
        with pytest.raises(AuthorizationFailed, match="this Taobao app cannot refresh"):
            oauth.refresh(tokens)
        assert TokenSet.from_json(tokens.to_json()) == tokens
        late = authorize(fake, oauth)["code"][0]
        clock.advance(1_801)
        with pytest.raises(AuthorizationFailed, match="authorize code expire"):
            oauth.exchange_code(late, "https://shop.example/cb")


def test_code_exchange_checks_the_client_and_the_redirect(fake: TaobaoFake) -> None:
    oauth = TaobaoOAuth(fake.app_key, fake.app_secret, base=fake.oauth_url)
    code = authorize(fake, oauth)["code"][0]
    with pytest.raises(AuthorizationFailed, match="redirect_uri"):
        oauth.exchange_code(code, "https://elsewhere.example/cb")
    wrong = TaobaoOAuth(fake.app_key, "wrong-secret", base=fake.oauth_url)
    with pytest.raises(AuthorizationFailed, match="invalid_client"):
        wrong.exchange_code(authorize(fake, oauth)["code"][0], "https://shop.example/cb")


def test_denial_and_bad_clients_on_the_authorization_page(fake: TaobaoFake) -> None:
    oauth = TaobaoOAuth(fake.app_key, fake.app_secret, base=fake.oauth_url, view="tmall")
    assert parse_qs(urlsplit(oauth.authorize_url("s", "https://x/cb")).query)["view"] == ["tmall"]
    fake.approve = False
    answer = authorize(fake, oauth, "st-2")
    assert answer == {
        "error": ["access_denied"],
        "error_description": ["authorize reject"],
        "state": ["st-2"],
    }
    stranger = TaobaoOAuth("00000000", "x", base=fake.oauth_url)
    page = requests.get(
        stranger.authorize_url("s", "https://shop.example/cb"), allow_redirects=False, timeout=10
    )
    assert page.status_code == 400 and "Location" not in page.headers


def test_service_market_apps_refresh_and_the_old_token_stops_working(fake: TaobaoFake) -> None:
    fake.register_app("55554444", "market-secret", can_refresh=True)
    oauth = TaobaoOAuth("55554444", "market-secret", base=fake.oauth_url)
    tokens = oauth.exchange_code(authorize(fake, oauth)["code"][0], "https://shop.example/cb")
    assert tokens.refresh_token and tokens.refresh_expires_at is not None
    fresh = oauth.refresh(tokens)
    assert fresh.access_token != tokens.access_token

    def market(session: str) -> TopClient:
        return TopClient(
            "55554444",
            "market-secret",
            session=session,
            gateway_url=fake.gateway_url,
            sleep=lambda s: None,
        )

    with market(fresh.access_token) as client:
        assert client.count_items() == 45
    stale = market(tokens.access_token)
    with stale, pytest.raises(TopAuthError):
        stale.count_items()
    with pytest.raises(AuthorizationFailed, match="invalid_grant"):
        oauth.refresh(tokens)  # a refresh token works once


def test_the_token_endpoint_answers_taobao_fields(fake: TaobaoFake) -> None:
    oauth = TaobaoOAuth(fake.app_key, fake.app_secret, base=fake.oauth_url)
    code = authorize(fake, oauth)["code"][0]
    response = requests.post(
        f"{fake.oauth_url}/token",
        data={
            "grant_type": "authorization_code",
            "client_id": fake.app_key,
            "client_secret": fake.app_secret,
            "code": code,
            "redirect_uri": "https://shop.example/cb",
        },
        timeout=10,
    )
    data = json.loads(response.content)
    assert data["token_type"] == "Bearer" and data["re_expires_in"] == 0
    assert data["taobao_user_nick"] == "%E4%BA%91%E7%8C%AB%E6%97%97%E8%88%B0%E5%BA%97"
    assert isinstance(data["taobao_user_id"], str)
