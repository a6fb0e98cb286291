"""A loopback fake of Taobao: the TOP gateway and the OAuth server, on one real HTTP server.

Gateway, ``/router/rest`` (GET or POST, parameters form-encoded in the body and/or the query):
it refuses what TOP refuses, in TOP's order and with TOP's answers, all inside HTTP 200 as
``{"error_response": {"code", "msg", "sub_code", "sub_msg", "request_id"}}``: no or unknown
``method`` (21/22), bad ``format`` (23), no or unknown ``app_key`` (28/29), no ``timestamp`` or
one not ``yyyy-MM-dd HH:mm:ss`` GMT+8 (epoch milliseconds, as the official Python SDK sends,
also pass) or more than 10 minutes off (30/31), no or other ``v`` (32/34), no ``sign`` (24), a
signature that is not MD5/HMAC-MD5/HMAC-SHA256 of the sorted parameters with the app secret
(25), a missing session where one is needed (26), an unknown, revoked or other app's session
(27 ``invalid-sessionkey``) or an expired one (27 ``session-expired``), the app's per-second
call budget spent (7 ``accesscontrol.limited-by-api-access-count``, "This ban will last for N
more seconds"), and the method's own argument checks (40, 41, 15). Answers come wrapped
(``{"items_onsale_get_response": {"items": {"item": [...]}}}``) or, with ``simplify=true``,
flat; ``format=xml`` gets XML.

OAuth, ``GET /authorize`` redirects to ``redirect_uri`` with ``code`` and ``state`` (or, when
`approve` is False, ``error=access_denied``); ``POST /token`` exchanges a code once, within 30
minutes, for the same ``redirect_uri``, or a refresh token (for apps that may refresh).

Tests change the seller's catalog with `update_item`, `update_sku`, `delist`, `relist`,
`delete_item`, `add_item`, `add_trade` and `update_trade` (each bumps ``modified`` and
publishes the TMC messages sellers who permitted them get), and inject faults with
`fail_next` (HTTP 5xx), `break_json_next`, `malform_item`, `expire_session`,
`revoke_session`, `throttle`, `ban_next` (consecutive announced bans), `deny`/`grant` (an app
without a method's permission: code 11 ``isv.permission-api-package-limit``) and `latency` (a
slow method). `delist` puts an item in the warehouse under a ``banner`` (taken off by the
seller, sold out, or taken down for a violation), which ``taobao.items.inventory.get`` lists
one banner at a time, as documented. `clock` drives every time check;
pass a `ManualClock` to move time without waiting. `timeline` logs every call with its arrival
time, the seller of its session and its answer's code, for tests that count calls per window.

TMC messages wait per app in the ``default`` group, or in the group ``taobao.tmc.group.add``
put the seller in (for messages published afterwards).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import random
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import Any
from urllib.parse import parse_qs, quote, urlencode

from tests.fakes.server import FakeRequest, FakeResponse, LoopbackServer
from tests.fakes.taobao_api import (
    DELETE,
    INVENTORY_BANNER,
    METHODS,
    SESSION_REQUIRED,
    ApiError,
    Call,
    TmcBroker,
    TopMethods,
    drop_empty_lists,
    wrap_lists,
)
from tests.fakes.taobao_data import (
    BASE_TIME,
    CHINA,
    TIME_FORMAT,
    Json,
    Seller,
    make_item,
    make_seller,
    make_trade,
    top_time,
)

DEFAULT_APP_KEY = "12345678"
DEFAULT_APP_SECRET = "s3cr3t-0f-the-cl0udcat-app"
DEFAULT_USER_ID = 2_206_714_523
DEFAULT_NICK = "云猫旗舰店"
CODE_TTL = 1800
"""An authorization code works for 30 minutes, once."""

__all__ = ["DELETE", "GatewayCall", "ManualClock", "TaobaoFake"]


class ManualClock:
    """A clock that moves only when told: `advance(seconds)` (also usable as a `sleep`)."""

    def __init__(self, start: float | None = None) -> None:
        self.now = time.time() if start is None else start
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move the clock forward."""
        self.now += seconds

    def sleep(self, seconds: float) -> None:
        """What a client's `sleep` does under this clock: note the wait, move the clock."""
        self.slept.append(seconds)
        self.advance(seconds)


@dataclass
class App:
    """A registered TOP app."""

    key: str
    secret: str
    callback_prefix: str | None = None
    can_refresh: bool = False
    token_ttl: int = 86_400
    refresh_ttl: int = 30 * 86_400


@dataclass
class Grant:
    """An access token (TOP ``session``) issued to an app for a seller."""

    access_token: str
    refresh_token: str
    app_key: str
    user_id: int
    expires_at: float
    refresh_expires_at: float
    revoked: bool = False
    calls_left: int | None = None
    """When set, the token expires after this many more calls."""


@dataclass
class Code:
    """An authorization code waiting to be exchanged."""

    app_key: str
    redirect_uri: str
    user_id: int
    expires_at: float
    used: bool = False


@dataclass(frozen=True)
class GatewayCall:
    """One gateway call in the fake's timeline: when it arrived (`time.monotonic`), its
    method, app, the seller of its session (None without a valid one) and the answer's error
    code (0 for success)."""

    at: float
    method: str
    app_key: str
    user_id: int | None
    code: int


@dataclass
class Fault:
    """A scripted misbehaviour of the gateway for the next matching call."""

    method: str | None
    status: int | None = None
    broken_json: bool = False


def _signature(params: dict[str, str], secret: str, sign_method: str) -> str:
    """TOP's signature, computed here on its own (not with CloudCat's code)."""
    text = "".join(f"{k}{v}" for k, v in sorted(params.items()) if k != "sign" and v != "")
    data, key = text.encode(), secret.encode()
    if sign_method == "md5":
        return hashlib.md5(key + data + key).hexdigest().upper()
    digest = hashlib.md5 if sign_method == "hmac" else hashlib.sha256
    return hmac.new(key, data, digest).hexdigest().upper()


def _xml(name: str, value: Any) -> str:
    if isinstance(value, list):
        return "".join(_xml(name, v) for v in value)
    if isinstance(value, dict):
        return f"<{name}>" + "".join(_xml(k, v) for k, v in value.items()) + f"</{name}>"
    text = ("true" if value else "false") if isinstance(value, bool) else str(value)
    return f"<{name}>{escape(text)}</{name}>"


def response_key(method: str) -> str:
    """``taobao.items.onsale.get`` → ``items_onsale_get_response``."""
    return method.removeprefix("taobao.").replace(".", "_") + "_response"


class TaobaoFake(LoopbackServer, TopMethods):
    """Taobao's TOP gateway and OAuth server, with one app and one seller to start with."""

    def __init__(
        self,
        *,
        app_key: str = DEFAULT_APP_KEY,
        app_secret: str = DEFAULT_APP_SECRET,
        items: int = 30,
        skus: int = 3,
        trades: int = 20,
        seed: int = 1,
        clock: Callable[[], float] = time.time,
        deep_paging_cap: int = 20_000,
        timestamp_skew: float = 600.0,
        base_time: datetime = BASE_TIME,
    ) -> None:
        super().__init__()
        self.clock = clock
        self.base_time = base_time
        """Generated catalogs were last modified up to 90 days (trades 30) before this."""
        self.deep_paging_cap = deep_paging_cap
        self.timestamp_skew = timestamp_skew
        self.state = threading.RLock()
        self.apps: dict[str, App] = {}
        self.sellers: dict[int, Seller] = {}
        self.grants: dict[str, Grant] = {}
        self.codes: dict[str, Code] = {}
        self.tmc = TmcBroker(clock)
        self.faults: deque[Fault] = deque()
        self.malformed: dict[int, dict[str, Any]] = {}
        self.calls: list[tuple[str, dict[str, str]]] = []
        """Every gateway call that passed authentication: (method, parameters)."""
        self.timeline: list[GatewayCall] = []
        """Every gateway call with a known app key, when it arrived, and its answer's code."""
        self.latency: dict[str, float] = {}
        """Seconds the gateway takes to answer a method (a slow marketplace), by method."""
        self.refused_during_bans = 0
        """Calls that came while a ban the gateway had announced was still on (code 7)."""
        self.errors: list[tuple[str, int, str]] = []
        """Every error answer: (method, code, sub_code)."""
        self.approve = True
        """What the seller answers on the authorization page."""
        self.calls_per_second: int | None = None
        self.ban_seconds = 1
        self.denied: dict[str, set[str]] = {}
        """App key -> the methods it has no permission for (code 11)."""
        self.scripted_bans: deque[float] = deque()
        """The bans `ban_next` scripted, in seconds, still to come."""
        self._banned_until: dict[str, float] = {}
        self._limits: dict[str, list[float]] = {}
        self._request_ids = 0
        self._rng = random.Random(seed)
        self.register_app(app_key, app_secret)
        self.app_key = app_key
        self.app_secret = app_secret
        self.seller = self.add_seller(
            DEFAULT_USER_ID, DEFAULT_NICK, items=items, skus=skus, trades=trades, seed=seed
        )
        self.authorize_as = self.seller.user_id
        """The seller signed in on the authorization page."""

    # --- setup ----------------------------------------------------------------------------

    @property
    def gateway_url(self) -> str:
        """The ``/router/rest`` URL."""
        return self.url("/router/rest")

    @property
    def oauth_url(self) -> str:
        """The OAuth server's base URL (``/authorize`` and ``/token`` are under it)."""
        return self.base_url

    def register_app(
        self,
        key: str,
        secret: str,
        *,
        callback_prefix: str | None = None,
        can_refresh: bool = False,
        token_ttl: int = 86_400,
    ) -> App:
        """Register a TOP app (only service-market apps may refresh tokens)."""
        app = App(key, secret, callback_prefix, can_refresh, token_ttl)
        with self.state:
            self.apps[key] = app
        return app

    def add_seller(self, user_id: int, nick: str, **options: Any) -> Seller:
        """Add a seller with a generated catalog (see `make_seller` for `options`)."""
        options.setdefault("base_time", self.base_time)
        seller = make_seller(user_id, nick, **options)
        with self.state:
            self.sellers[user_id] = seller
        return seller

    def issue_session(
        self,
        app_key: str | None = None,
        user_id: int | None = None,
        *,
        expires_in: int | None = None,
    ) -> str:
        """An access token for a seller, as if they had authorized the app."""
        with self.state:
            app = self.apps[app_key or self.app_key]
            return self._issue(app, user_id or self.seller.user_id, expires_in).access_token

    def _issue(self, app: App, user_id: int, expires_in: int | None = None) -> Grant:
        now = self.clock()
        grant = Grant(
            access_token="6201" + secrets.token_hex(24),
            refresh_token="6202" + secrets.token_hex(24),
            app_key=app.key,
            user_id=user_id,
            expires_at=now + (app.token_ttl if expires_in is None else expires_in),
            refresh_expires_at=now + (app.refresh_ttl if app.can_refresh else 0),
        )
        self.grants[grant.access_token] = grant
        return grant

    def now_text(self) -> str:
        """The fake's current time as TOP writes it."""
        return top_time(datetime.fromtimestamp(self.clock(), CHINA))

    # --- faults ---------------------------------------------------------------------------

    def fail_next(self, status: int = 503, *, times: int = 1, method: str | None = None) -> None:
        """Answer the next `times` gateway calls (of `method`, if given) with HTTP `status`."""
        with self.state:
            self.faults.extend(Fault(method, status=status) for _ in range(times))

    def break_json_next(self, *, times: int = 1, method: str | None = None) -> None:
        """Cut the next `times` answers (of `method`, if given) in half: broken JSON."""
        with self.state:
            self.faults.extend(Fault(method, broken_json=True) for _ in range(times))

    def malform_item(self, num_iid: int, **overrides: Any) -> None:
        """Serve item `num_iid` with these field values (`DELETE` leaves a field out)."""
        with self.state:
            self.malformed.setdefault(num_iid, {}).update(overrides)

    def expire_session(self, token: str, *, after_calls: int = 0) -> None:
        """Make an access token expired (code 27, ``session-expired``), at once or once it
        has served `after_calls` more calls (an authorization expiring in mid-sync)."""
        with self.state:
            if after_calls > 0:
                self.grants[token].calls_left = after_calls
            else:
                self.grants[token].expires_at = self.clock() - 1

    def revoke_session(self, token: str) -> None:
        """Make an access token unknown to the gateway (code 27, ``invalid-sessionkey``)."""
        with self.state:
            self.grants[token].revoked = True

    def deny(self, *methods: str, app_key: str | None = None) -> None:
        """Take the permission of `methods` from the app: they answer code 11."""
        with self.state:
            self.denied.setdefault(app_key or self.app_key, set()).update(methods)

    def grant(self, *methods: str, app_key: str | None = None) -> None:
        """Give the app back the permission of `methods`."""
        with self.state:
            self.denied.get(app_key or self.app_key, set()).difference_update(methods)

    def throttle(self, calls_per_second: int | None, *, ban_seconds: int = 1) -> None:
        """Allow each app `calls_per_second` calls per second (None: no limit); beyond that,
        calls are refused (code 7) for `ban_seconds`."""
        with self.state:
            self.calls_per_second = calls_per_second
            self.ban_seconds = ban_seconds
            self._limits.clear()

    def item_view(self, item: Json) -> Json:
        """`item` as the gateway serves it, malformations included."""
        overrides = self.malformed.get(item["num_iid"])
        if not overrides:
            return item
        view = dict(item)
        for name, value in overrides.items():
            if value is DELETE:
                view.pop(name, None)
            else:
                view[name] = value
        return view

    def method_calls(self, method: str) -> list[dict[str, str]]:
        """The parameters of every authenticated call of `method`, in order."""
        with self.state:
            return [params for name, params in self.calls if name == method]

    # --- changing the catalog -------------------------------------------------------------

    def _find(self, num_iid: int) -> tuple[Seller, Json]:
        for seller in self.sellers.values():
            item = seller.items.get(num_iid)
            if item is not None:
                return seller, item
        raise KeyError(f"no item {num_iid}")

    def update_item(self, num_iid: int, **changes: Any) -> Json:
        """Change an item's fields (title, price, num, desc, pic_url...): ``modified`` moves
        and TMC says ItemUpdate (or ItemStockChanged when only ``num`` changed)."""
        with self.state:
            seller, item = self._find(num_iid)
            changed = sorted(name for name, value in changes.items() if item.get(name) != value)
            item.update(changes)
            item["modified"] = self.now_text()
            if not changed:
                return item
            base = {"num_iid": num_iid, "nick": seller.nick}
            if changed == ["num"]:
                self.tmc.publish(
                    "taobao_item_ItemStockChanged", seller, {**base, "num": item["num"]}
                )
            else:
                self.tmc.publish(
                    "taobao_item_ItemUpdate",
                    seller,
                    {
                        **base,
                        "title": item["title"],
                        "price": item["price"],
                        "changed_fields": ",".join(changed),
                    },
                )
            if "num" in changed and item["num"] == 0:
                self.tmc.publish("taobao_item_ItemZeroStock", seller, {**base, "num": 0})
            return item

    def update_sku(
        self, num_iid: int, sku_id: int, *, price: str | None = None, quantity: int | None = None
    ) -> Json:
        """Change one SKU's price or stock; the item's ``num``, ``price`` and ``modified``
        follow, and TMC says what changed."""
        with self.state:
            seller, item = self._find(num_iid)
            sku = next(s for s in item["skus"] if s["sku_id"] == sku_id)
            now = self.now_text()
            base = {"num_iid": num_iid, "nick": seller.nick}
            if price is not None and price != sku["price"]:
                sku["price"] = price
                item["price"] = min((s["price"] for s in item["skus"]), key=float)
                self.tmc.publish(
                    "taobao_item_ItemUpdate",
                    seller,
                    {
                        **base,
                        "title": item["title"],
                        "price": item["price"],
                        "changed_fields": "sku",
                    },
                )
            if quantity is not None and quantity != sku["quantity"]:
                increment = quantity - sku["quantity"]
                sku["quantity"] = quantity
                item["num"] = sum(s["quantity"] for s in item["skus"])
                self.tmc.publish(
                    "taobao_item_ItemStockChanged",
                    seller,
                    {
                        **base,
                        "sku_id": sku_id,
                        "num": item["num"],
                        "sku_num": quantity,
                        "increment": increment,
                    },
                )
                if quantity == 0:
                    self.tmc.publish(
                        "taobao_item_ItemSkuZeroStock",
                        seller,
                        {**base, "sku_id": sku_id, "sku_num": 0},
                    )
            sku["modified"] = now
            item["modified"] = now
            return item

    def delist(self, num_iid: int, *, banner: str = "off_shelf") -> None:
        """Take an item off sale (to the warehouse, under `banner`: ``off_shelf`` when the
        seller does it, ``sold_out`` when its stock ran out, ``violation_off_shelf`` when
        Taobao took it down): TMC says ItemDownshelf."""
        with self.state:
            seller, item = self._find(num_iid)
            item["approve_status"] = "instock"
            item[INVENTORY_BANNER] = banner
            if banner == "sold_out":
                item["num"] = 0
                for sku in item.get("skus") or []:
                    sku["quantity"] = 0
            item["delist_time"] = item["modified"] = self.now_text()
            self.tmc.publish(
                "taobao_item_ItemDownshelf",
                seller,
                {
                    "num_iid": num_iid,
                    "nick": seller.nick,
                    "title": item["title"],
                    "status": "instock",
                },
            )

    def relist(self, num_iid: int) -> None:
        """Put an item back on sale: TMC says ItemUpshelf."""
        with self.state:
            seller, item = self._find(num_iid)
            item["approve_status"] = "onsale"
            item.pop(INVENTORY_BANNER, None)
            item["list_time"] = item["modified"] = self.now_text()
            self.tmc.publish(
                "taobao_item_ItemUpshelf",
                seller,
                {
                    "num_iid": num_iid,
                    "nick": seller.nick,
                    "title": item["title"],
                    "status": "onsale",
                },
            )

    def delete_item(self, num_iid: int) -> None:
        """Delete an item: it is gone from every listing; TMC says ItemDelete."""
        with self.state:
            seller, _ = self._find(num_iid)
            del seller.items[num_iid]
            seller.promotions.pop(num_iid, None)
            self.tmc.publish(
                "taobao_item_ItemDelete", seller, {"num_iid": num_iid, "nick": seller.nick}
            )

    def add_item(self, *, user_id: int | None = None, skus: int = 3, **fields: Any) -> int:
        """Publish a new item (generated, then `fields` applied): TMC says ItemAdd."""
        with self.state:
            seller = self.sellers[user_id or self.seller.user_id]
            moment = datetime.fromtimestamp(self.clock(), CHINA)
            item = make_item(seller, self._rng, self._rng.randrange(100), skus, moment)
            item.update(fields)
            seller.items[item["num_iid"]] = item
            self.tmc.publish(
                "taobao_item_ItemAdd",
                seller,
                {
                    "num_iid": item["num_iid"],
                    "title": item["title"],
                    "price": item["price"],
                    "nick": seller.nick,
                    "num": item["num"],
                },
            )
            return int(item["num_iid"])

    def add_trade(self, *, user_id: int | None = None) -> int:
        """A buyer orders: a new trade modified now; TMC says TradeCreate."""
        with self.state:
            seller = self.sellers[user_id or self.seller.user_id]
            trade = make_trade(seller, self._rng, datetime.fromtimestamp(self.clock(), CHINA))
            seller.trades[trade["tid"]] = trade
            self._trade_message("taobao_trade_TradeCreate", seller, trade)
            return int(trade["tid"])

    def update_trade(self, tid: int, status: str) -> Json:
        """A trade moves to `status` (its lines too); TMC says TradeChanged."""
        with self.state:
            seller = next(s for s in self.sellers.values() if tid in s.trades)
            trade = seller.trades[tid]
            trade["status"] = status
            for order in trade["orders"]:
                order["status"] = status
            trade["modified"] = self.now_text()
            self._trade_message("taobao_trade_TradeChanged", seller, trade)
            return trade

    def _trade_message(self, topic: str, seller: Seller, trade: Json) -> None:
        self.tmc.publish(
            topic,
            seller,
            {
                "tid": trade["tid"],
                "seller_nick": seller.nick,
                "buyer_nick": trade["buyer_nick"],
                "payment": trade["payment"],
                "status": trade["status"],
                "type": trade["type"],
            },
        )

    # --- HTTP -----------------------------------------------------------------------------

    def handle(self, request: FakeRequest) -> FakeResponse:
        """Route to the gateway or the OAuth server."""
        if request.path == "/router/rest":
            return self._gateway(request)
        if request.path == "/authorize":
            return self._authorize(request)
        if request.path == "/token":
            return self._token(request)
        return FakeResponse(404, b"not found", {"Content-Type": "text/plain"})

    @staticmethod
    def _form(request: FakeRequest) -> dict[str, str]:
        params = {k: v[0] for k, v in request.query.items()}
        content_type = (request.header("Content-Type") or "").lower()
        if request.body and content_type.startswith("application/x-www-form-urlencoded"):
            for key, values in parse_qs(
                request.body.decode("utf-8"), keep_blank_values=True
            ).items():
                params[key] = values[0]
        return params

    # --- the gateway ----------------------------------------------------------------------

    def _gateway(self, request: FakeRequest) -> FakeResponse:
        params = self._form(request)
        method = params.get("method", "")
        delay = self.latency.get(method, 0.0)
        if delay:
            time.sleep(delay)
        with self.state:
            self._request_ids += 1
            request_id = f"{self._request_ids:x}{secrets.token_hex(4)}"
            fault = next((f for f in self.faults if f.method in (None, method)), None)
            if fault is not None:
                self.faults.remove(fault)
            if fault is not None and fault.status is not None:
                return FakeResponse(
                    fault.status,
                    b"<html><body>502 Bad Gateway</body></html>",
                    {"Content-Type": "text/html"},
                )
            try:
                if request.method not in ("GET", "POST"):
                    raise ApiError(9, "Http Action Not Allowed")
                result = self._dispatch(params)
                if params.get("simplify") == "true" and params.get("format") == "json":
                    answer: Json = {**drop_empty_lists(result), "request_id": request_id}
                else:
                    answer = {
                        response_key(method): {**wrap_lists(result), "request_id": request_id}
                    }
                self._log_call(params, method, 0)
            except ApiError as error:
                self._log_call(params, method, error.code)
                self.errors.append((method, error.code, error.sub_code))
                detail: Json = {"code": error.code, "msg": error.msg}
                if error.sub_code:
                    detail["sub_code"] = error.sub_code
                if error.sub_msg:
                    detail["sub_msg"] = error.sub_msg
                answer = {"error_response": {**detail, "request_id": request_id}}
        if params.get("format") == "json":
            body = json.dumps(answer, ensure_ascii=False).encode()
            content_type = "application/json;charset=UTF-8"
        else:
            ((root, content),) = answer.items()
            body = ('<?xml version="1.0" encoding="utf-8" ?>' + _xml(root, content)).encode()
            content_type = "text/xml;charset=UTF-8"
        if fault is not None and fault.broken_json:
            body = body[: len(body) // 2]
        return FakeResponse(200, body, {"Content-Type": content_type})

    def _log_call(self, params: dict[str, str], method: str, code: int) -> None:
        app_key = params.get("app_key", "")
        if app_key not in self.apps:
            return
        grant = self.grants.get(params.get("session") or "")
        self.timeline.append(
            GatewayCall(
                at=time.monotonic(),
                method=method,
                app_key=app_key,
                user_id=grant.user_id if grant is not None else None,
                code=code,
            )
        )

    def calls_of(self, user_id: int | None = None, *, code: int | None = 0) -> list[GatewayCall]:
        """The timeline's calls made with a session of `user_id` (any, when None) that got
        the answer `code` (0: success; None: any)."""
        with self.state:
            return [
                c
                for c in self.timeline
                if (user_id is None or c.user_id == user_id) and (code is None or c.code == code)
            ]

    def _dispatch(self, params: dict[str, str]) -> Json:
        method = params.get("method")
        if not method:
            raise ApiError(21, "Missing Method")
        if method not in METHODS:
            raise ApiError(22, "Invalid Method", "isv.method-not-exist", f"方法 {method} 不存在")
        if params.get("format", "xml") not in ("json", "xml"):
            raise ApiError(23, "Invalid Format")
        app_key = params.get("app_key")
        if not app_key:
            raise ApiError(28, "Missing App Key")
        app = self.apps.get(app_key)
        if app is None:
            raise ApiError(29, "Invalid App Key")
        if not params.get("timestamp"):
            raise ApiError(30, "Missing Timestamp")
        if not self._timestamp_ok(params["timestamp"]):
            raise ApiError(
                31,
                "Invalid Timestamp",
                "isv.invalid-timestamp",
                "timestamp 格式为 yyyy-MM-dd HH:mm:ss（GMT+8），与服务器时间误差不能超过10分钟",
            )
        if not params.get("v"):
            raise ApiError(32, "Missing Version")
        if params["v"] != "2.0":
            raise ApiError(34, "Unsupported Version")
        if not params.get("sign"):
            raise ApiError(24, "Missing Signature")
        sign_method = params.get("sign_method") or "md5"
        if sign_method not in ("md5", "hmac", "hmac-sha256"):
            raise ApiError(
                25,
                "Invalid Signature",
                "isv.invalid-sign-method",
                f"不支持的签名方法 {sign_method}",
            )
        expected = _signature(params, app.secret, sign_method)
        if not hmac.compare_digest(params["sign"].upper(), expected):
            raise ApiError(25, "Invalid Signature")
        if method in self.denied.get(app.key, set()):
            # As TOP answers an app without the method's permission package.
            raise ApiError(
                11,
                "Insufficient isv permissions",
                "isv.permission-api-package-limit",
                "scope ids is 11655 11998",
            )
        handler, policy = METHODS[method]
        seller = self._session_seller(app, params.get("session"), policy)
        self._spend_budget(app.key)
        self.calls.append((method, params))
        answer: Json = getattr(self, handler)(Call(method, params, app.key, seller))
        return answer

    def _timestamp_ok(self, text: str) -> bool:
        try:
            if text.isdigit():
                moment = int(text) / 1000
            else:
                moment = datetime.strptime(text, TIME_FORMAT).replace(tzinfo=CHINA).timestamp()
        except ValueError:
            return False
        return abs(moment - self.clock()) <= self.timestamp_skew

    def _session_seller(self, app: App, token: str | None, policy: str) -> Seller | None:
        if not token:
            if policy == SESSION_REQUIRED:
                raise ApiError(
                    26, "Missing Session", "isv.missing-session", "需要用户授权的 session"
                )
            return None
        grant = self.grants.get(token)
        if grant is None or grant.revoked or grant.app_key != app.key:
            raise ApiError(27, "Invalid session", "invalid-sessionkey", "SessionKey非法")
        if grant.calls_left is not None:
            if grant.calls_left <= 0:
                grant.expires_at = min(grant.expires_at, self.clock() - 1)
            grant.calls_left -= 1
        if grant.expires_at <= self.clock():
            raise ApiError(27, "Invalid session", "session-expired", "SessionKey过期")
        return self.sellers[grant.user_id]

    def ban_next(self, times: int, *, seconds: float = 2.0) -> None:
        """Ban the app `times` times in a row, each for `seconds` (code 7 announcing it): the
        next call is refused and bans the app, calls during that ban are refused too (and
        counted in `refused_during_bans`), and the first call after it starts the next ban."""
        with self.state:
            self.scripted_bans.extend([seconds] * times)

    def _spend_budget(self, app_key: str) -> None:
        now = self.clock()
        banned = self._banned_until.get(app_key, 0.0)
        if banned > now:
            self.refused_during_bans += 1
            raise self._ban(banned - now)
        if self.scripted_bans:
            seconds = self.scripted_bans.popleft()
            self._banned_until[app_key] = now + seconds
            raise self._ban(seconds)
        if self.calls_per_second is None:
            return
        window, count, banned_until = self._limits.setdefault(app_key, [math.floor(now), 0, 0.0])
        if banned_until > now:
            self.refused_during_bans += 1
            raise self._ban(math.ceil(banned_until - now))
        if math.floor(now) != window:
            window, count = math.floor(now), 0
        count += 1
        self._limits[app_key] = [window, count, banned_until]
        if count > self.calls_per_second:
            self._limits[app_key][2] = now + self.ban_seconds
            raise self._ban(self.ban_seconds)

    @staticmethod
    def _ban(seconds: float) -> ApiError:
        # TOP states whole seconds; the tests' short bans (`ban_next`) state a fraction.
        return ApiError(
            7,
            "App Call Limited",
            "accesscontrol.limited-by-api-access-count",
            f"This ban will last for {round(seconds, 3):g} more seconds",
        )

    # --- the OAuth server -----------------------------------------------------------------

    @staticmethod
    def _page(status: int, message: str) -> FakeResponse:
        body = f"<!doctype html><title>淘宝授权</title><p>{escape(message)}</p>".encode()
        return FakeResponse(status, body, {"Content-Type": "text/html;charset=UTF-8"})

    def _authorize(self, request: FakeRequest) -> FakeResponse:
        if request.method != "GET":
            return self._page(405, "method not allowed")
        query = {k: v[0] for k, v in request.query.items()}
        if query.get("response_type") != "code":
            return self._page(400, "response_type 只支持 code")
        with self.state:
            app = self.apps.get(query.get("client_id", ""))
            if app is None:
                return self._page(400, "client_id 无效：应用不存在")
            redirect = query.get("redirect_uri", "")
            if not redirect.startswith(("http://", "https://")):
                return self._page(400, "redirect_uri 无效")
            if app.callback_prefix and not redirect.startswith(app.callback_prefix):
                return self._page(400, "redirect_uri 与应用的回调地址不匹配")
            if query.get("view", "web") not in ("web", "tmall", "wap"):
                return self._page(400, "view 只能是 web、tmall 或 wap")
            answer: dict[str, str]
            if self.approve:
                code = secrets.token_urlsafe(24)
                self.codes[code] = Code(
                    app.key, redirect, self.authorize_as, self.clock() + CODE_TTL
                )
                answer = {"code": code}
            else:
                answer = {"error": "access_denied", "error_description": "authorize reject"}
        if query.get("state"):
            answer["state"] = query["state"]
        separator = "&" if "?" in redirect else "?"
        return FakeResponse(302, b"", {"Location": redirect + separator + urlencode(answer)})

    @staticmethod
    def _oauth_error(status: int, error: str, description: str) -> FakeResponse:
        return FakeResponse.json(status, {"error": error, "error_description": description})

    def _token(self, request: FakeRequest) -> FakeResponse:
        if request.method != "POST":
            return self._oauth_error(405, "invalid_request", "use POST")
        form = self._form(request)
        with self.state:
            app = self.apps.get(form.get("client_id", ""))
            if app is None or not hmac.compare_digest(app.secret, form.get("client_secret", "")):
                return self._oauth_error(401, "invalid_client", "client_id 或 client_secret 错误")
            grant_type = form.get("grant_type")
            now = self.clock()
            if grant_type == "authorization_code":
                code = self.codes.get(form.get("code", ""))
                if code is None or code.used or code.app_key != app.key:
                    return self._oauth_error(400, "invalid_grant", "code is invalid")
                if code.expires_at <= now:
                    return self._oauth_error(400, "invalid_grant", "authorize code expire")
                if form.get("redirect_uri") != code.redirect_uri:
                    return self._oauth_error(400, "invalid_grant", "redirect_uri doesn't match")
                code.used = True
                grant = self._issue(app, code.user_id)
            elif grant_type == "refresh_token":
                old = next(
                    (
                        g
                        for g in self.grants.values()
                        if g.refresh_token == form.get("refresh_token")
                    ),
                    None,
                )
                if not app.can_refresh:
                    return self._oauth_error(400, "invalid_grant", "app can not refresh token")
                if (
                    old is None
                    or old.revoked
                    or old.app_key != app.key
                    or old.refresh_expires_at <= now
                ):
                    return self._oauth_error(
                        400, "invalid_grant", "refresh_token is invalid or expired"
                    )
                old.revoked = True
                grant = self._issue(app, old.user_id)
            else:
                return self._oauth_error(400, "unsupported_grant_type", f"grant_type {grant_type}")
            seller = self.sellers[grant.user_id]
            expires_in = int(grant.expires_at - now)
            refresh_in = int(grant.refresh_expires_at - now)
        valid_until = int(grant.expires_at * 1000)
        return FakeResponse.json(
            200,
            {
                "access_token": grant.access_token,
                "token_type": "Bearer",
                "expires_in": expires_in,
                "refresh_token": grant.refresh_token,
                "re_expires_in": refresh_in,
                "r1_expires_in": expires_in,
                "r2_expires_in": min(expires_in, 86_400),
                "w1_expires_in": expires_in,
                "w2_expires_in": min(expires_in, 1_800),
                "expire_time": valid_until,
                "r1_valid": valid_until,
                "r2_valid": valid_until,
                "w1_valid": valid_until,
                "w2_valid": valid_until,
                "taobao_user_id": str(seller.user_id),
                "taobao_user_nick": quote(seller.nick),
            },
        )
