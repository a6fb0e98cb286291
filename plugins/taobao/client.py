"""A client of the Taobao Open Platform (TOP) gateway.

`TopClient.call(method, params)` builds the system parameters (``method``, ``app_key``,
``sign_method``, ``timestamp`` in GMT+8, ``format=json``, ``v=2.0``, the seller's ``session``),
signs everything, POSTs it form-encoded through CloudCat's `http_session` (timeouts, retries
with backoff on connection errors and HTTP 5xx/429) and returns the answer's body:

* with ``simplify=False`` (the default) TOP wraps the answer as
  ``{"items_onsale_get_response": {"items": {"item": [...]}, ...}}``; the client takes the
  ``…_response`` object and replaces every list wrapper (``{"item": [...]}``) by its list;
* with ``simplify=True`` TOP already answers ``{"items": [...], ...}``; it is returned as is.

Either way the caller sees ``{"items": [...], "total_results": N, "request_id": ...}``.
Errors, which TOP sends inside HTTP 200 as ``{"error_response": {...}}``, become the typed
exceptions of `cloudcat.plugins.taobao.errors`. A call limit (code 7 and its kin) is waited
out and the call repeated, honouring the ban length the gateway announces, a bounded number
of times; an unreadable answer or a platform failure is tried once more.

The helpers page through the seller's items (slicing by modified time when a listing is deeper
than TOP's deep-paging cap), fetch item details 20 at a time, read promotions, page sold
trades by modified time one day at a time from the last page backwards (as TOP advises, so
that trades modified meanwhile are not skipped), and pull and confirm TMC change messages.

Every method used here reads, or is idempotent (``tmc.user.permit``, ``tmc.group.add``,
``tmc.messages.confirm``), so POSTs are retried like reads.

Given a `budget` (a `cloudcat.core.ratelimit.CallBudget`, e.g. the shop's share of the app's
budget shared by every worker), the client takes a token from it before each request, and
tells it about the bans TOP announces, so that no worker calls for that app before the ban is
over (the client then waits in `budget.acquire()` instead of sleeping itself).
"""

from __future__ import annotations

import json
import logging
import math
import random
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import TracebackType
from typing import Any, Self

import requests

from cloudcat.core.plugin_api import (
    DEFAULT_TIMEOUT,
    CallBudget,
    Timeout,
    describe_request_error,
    http_session,
)
from cloudcat.plugins.taobao.errors import (
    TopError,
    TopRateLimited,
    TopTransportError,
    TopUnavailable,
    error_from_response,
)
from cloudcat.plugins.taobao.signing import (
    CHINA,
    SignMethod,
    format_time,
    sign,
    timestamp,
)

log = logging.getLogger(__name__)

DEFAULT_GATEWAY = "https://eco.taobao.com/router/rest"
SANDBOX_GATEWAY = "https://gw.api.tbsandbox.com/router/rest"
API_VERSION = "2.0"
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded;charset=utf-8"
SYSTEM_PARAMS = frozenset(
    {"method", "app_key", "sign_method", "sign", "timestamp", "format", "v", "session", "simplify"}
)

ITEMS_PAGE_SIZE = 200
"""The largest page ``taobao.items.onsale.get`` and ``taobao.items.inventory.get`` serve."""
DEEP_PAGING_CAP = 20_000
"""TOP refuses listings deeper than this (``page_no * page_size``): larger catalogs are sliced
by modified time."""
DETAILS_BATCH = 20
"""``taobao.items.seller.list.get`` takes at most 20 ``num_iids`` per call."""
TRADES_PAGE_SIZE = 50
TRADES_WINDOW = timedelta(days=1)
"""``taobao.trades.sold.increment.get`` spans at most one day of modified time per call."""
PROMOTIONS_PAGE_SIZE = 50
TMC_MIN_QUANTITY = 10
TMC_MAX_QUANTITY = 200
TMC_CONFIRM_BATCH = 200
EARLIEST = datetime(2003, 5, 1, tzinfo=CHINA)
"""Before Taobao existed: the lower bound of a listing that gives none."""

ITEM_LIST_FIELDS = (
    "num_iid,title,nick,type,cid,seller_cids,pic_url,num,price,modified,list_time,"
    "delist_time,approve_status,outer_id,sold_quantity"
)
ITEM_DETAIL_FIELDS = (
    "num_iid,title,nick,type,cid,seller_cids,desc,pic_url,item_img,num,price,modified,"
    "list_time,delist_time,approve_status,outer_id,props_name,property_alias,detail_url,sku"
)
TRADE_FIELDS = (
    "tid,status,type,buyer_nick,buyer_open_uid,created,modified,pay_time,end_time,payment,"
    "total_fee,post_fee,discount_fee,orders"
)
ITEM_TOPICS = (
    "taobao_item_ItemAdd",
    "taobao_item_ItemUpdate",
    "taobao_item_ItemUpshelf",
    "taobao_item_ItemDownshelf",
    "taobao_item_ItemDelete",
    "taobao_item_ItemStockChanged",
    "taobao_item_ItemZeroStock",
    "taobao_item_ItemSkuZeroStock",
)
"""The TMC topics that say an item changed."""


def response_key(method: str) -> str:
    """The key of a method's answer: ``taobao.items.onsale.get`` → ``items_onsale_get_response``
    (other platforms' methods keep their prefix)."""
    name = method.removeprefix("taobao.")
    return name.replace(".", "_") + "_response"


def unwrap_lists(value: Any) -> Any:
    """`value` with TOP's list wrappers removed: ``{"skus": {"sku": [...]}}`` becomes
    ``{"skus": [...]}`` at every depth. Only for ``simplify=false`` answers, where a JSON array
    never appears outside such a wrapper."""
    if isinstance(value, list):
        return [unwrap_lists(item) for item in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, child in value.items():
        if isinstance(child, dict) and len(child) == 1:
            (inner,) = child.values()
            if isinstance(inner, list):
                out[key] = [unwrap_lists(item) for item in inner]
                continue
        out[key] = unwrap_lists(child)
    return out


def as_list(value: Any) -> list[Any]:
    """A list field of an answer: absent or empty (``{}``) is ``[]``; a lone object is a
    one-element list."""
    if value is None or value == {} or value == "":
        return []
    if isinstance(value, list):
        return value
    return [value]


def encode_value(value: Any) -> str:
    """A parameter value as TOP expects it (booleans ``true``/``false``, lists comma-joined,
    datetimes in GMT+8)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return format_time(value)
    if isinstance(value, list | tuple | set | frozenset):
        return ",".join(encode_value(v) for v in value)
    return str(value)


@dataclass
class Page:
    """One page of a listing: its rows, and the total or has-next flag TOP gave."""

    rows: list[dict[str, Any]]
    total: int | None
    has_next: bool | None
    body: dict[str, Any] = field(repr=False)


@dataclass
class Promotions:
    """An item's promotions (``promotion_in_item``) and the shop-wide ones it gets."""

    in_item: list[dict[str, Any]]
    in_shop: list[dict[str, Any]]


@dataclass
class TmcMessage:
    """One TMC message; `content` is its JSON payload decoded (None when it is not JSON)."""

    id: int
    topic: str
    pub_time: str
    user_id: int | None
    user_nick: str
    pub_app_key: str
    raw_content: str
    content: dict[str, Any] | None


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def time_windows(
    start: datetime, end: datetime, span: timedelta
) -> Iterator[tuple[datetime, datetime]]:
    """Consecutive windows of at most `span` covering [start, end], in order."""
    cursor = start
    while cursor < end:
        stop = min(cursor + span, end)
        yield cursor, stop
        cursor = stop


class TopClient:
    """Signs and sends TOP calls for one app, and, when given a `session`, one seller."""

    def __init__(
        self,
        app_key: str,
        app_secret: str,
        *,
        session: str | None = None,
        gateway_url: str = DEFAULT_GATEWAY,
        sign_method: SignMethod = "md5",
        simplify: bool = False,
        http: requests.Session | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        retries: int = 3,
        max_throttle_retries: int = 3,
        max_throttle_wait: float = 60.0,
        unavailable_retries: int = 1,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        budget: CallBudget | None = None,
    ) -> None:
        self.app_key = app_key
        self._secret = app_secret
        self.session = session
        self.gateway_url = gateway_url
        self.sign_method: SignMethod = sign_method
        self.simplify = simplify
        self.max_throttle_retries = max_throttle_retries
        self.max_throttle_wait = max_throttle_wait
        self.unavailable_retries = unavailable_retries
        self.clock = clock
        self.sleep = sleep
        self.budget = budget
        self._owns_http = http is None
        self.http = http or http_session(
            timeout=timeout, retries=retries, retry_methods={"POST"}, product="taobao"
        )
        self.calls = 0
        """How many requests were sent (retries included)."""

    # --- lifecycle ------------------------------------------------------------------------

    def close(self) -> None:
        """Close the HTTP session if this client made it."""
        if self._owns_http:
            self.http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # --- one call -------------------------------------------------------------------------

    def now(self) -> datetime:
        """The client's current time, in GMT+8."""
        return datetime.fromtimestamp(self.clock(), CHINA)

    def signed_params(
        self, method: str, params: Mapping[str, Any] | None = None, session: str | None = None
    ) -> dict[str, str]:
        """Every parameter of a call to `method`, system parameters and ``sign`` included."""
        business = {k: encode_value(v) for k, v in (params or {}).items() if v is not None}
        clash = sorted(SYSTEM_PARAMS & set(business))
        if clash:
            raise ValueError(f"{', '.join(clash)} are TOP system parameters, not arguments")
        system = {
            "method": method,
            "app_key": self.app_key,
            "sign_method": self.sign_method,
            "timestamp": timestamp(self.clock()),
            "format": "json",
            "v": API_VERSION,
        }
        if self.simplify:
            system["simplify"] = "true"
        chosen = session if session is not None else self.session
        if chosen:
            system["session"] = chosen
        everything = {**business, **system}
        everything["sign"] = sign(everything, self._secret, self.sign_method)
        return everything

    def call(
        self, method: str, params: Mapping[str, Any] | None = None, *, session: str | None = None
    ) -> dict[str, Any]:
        """Call `method` and return its answer's body (see the module docstring).

        Takes a token from the `budget` first (when given). Waits out call limits up to
        `max_throttle_retries` times (each ban at most
        `max_throttle_wait` seconds, else `TopRateLimited` is raised at once), and repeats
        a call that got an unreadable answer or a platform failure `unavailable_retries`
        times (connection errors and HTTP 5xx were already retried by the HTTP session, and
        raise `TopTransportError` at once). Raises a `TopError` subclass for every other
        failure.
        """
        throttled = unavailable = 0
        while True:
            try:
                return self._call_once(method, params, session)
            except TopRateLimited as exc:
                if throttled >= self.max_throttle_retries or exc.retry_after > (
                    self.max_throttle_wait
                ):
                    if self.budget is not None:
                        self.budget.penalize(exc.retry_after)  # the app is banned for all
                    raise
                throttled += 1
                wait = exc.retry_after + random.uniform(0, 0.25)
                log.info("%s throttled by Taobao; waiting %.2fs", method, wait)
                if self.budget is not None:
                    self.budget.penalize(wait)  # every worker waits; acquire() sleeps here
                else:
                    self.sleep(wait)
            except TopUnavailable as exc:
                if isinstance(exc, TopTransportError) or unavailable >= self.unavailable_retries:
                    raise
                unavailable += 1
                self.sleep(0.5 * unavailable + random.uniform(0, 0.25))

    def _call_once(
        self, method: str, params: Mapping[str, Any] | None, session: str | None
    ) -> dict[str, Any]:
        if self.budget is not None:
            self.budget.acquire()
        form = self.signed_params(method, params, session)
        self.calls += 1
        try:
            response = self.http.post(
                self.gateway_url, data=form, headers={"Content-Type": FORM_CONTENT_TYPE}
            )
        except requests.RequestException as exc:
            raise TopTransportError(
                f"{method}: {describe_request_error(exc, self.gateway_url)}", method=method
            ) from exc
        if response.status_code != 200:
            raise TopTransportError(
                f"the Taobao gateway answered HTTP {response.status_code} to {method}",
                method=method,
            )
        try:
            body = json.loads(response.content)
        except ValueError as exc:
            raise TopUnavailable(
                f"the Taobao gateway sent an unreadable answer (not JSON) to {method}",
                method=method,
            ) from exc
        if not isinstance(body, dict):
            raise TopUnavailable(
                f"the Taobao gateway sent an unexpected answer to {method}", method=method
            )
        if "error_response" in body:
            error = body["error_response"]
            raise error_from_response(method, error if isinstance(error, dict) else {})
        return self._body(method, body)

    def _body(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        key = response_key(method)
        inner = body.get(key)
        if isinstance(inner, dict):
            unwrapped: dict[str, Any] = unwrap_lists(inner)
            return unwrapped
        if self.simplify:
            return body
        wrapped = [v for k, v in body.items() if k.endswith("_response") and isinstance(v, dict)]
        if len(wrapped) == 1:
            found: dict[str, Any] = unwrap_lists(wrapped[0])
            return found
        raise TopUnavailable(f"the Taobao gateway's answer to {method} lacks {key}", method=method)

    # --- pages ----------------------------------------------------------------------------

    def page(
        self,
        method: str,
        params: Mapping[str, Any],
        *,
        rows: str,
        page_no: int,
        page_size: int,
        total: str = "total_results",
    ) -> Page:
        """One page of a listing method: the rows under the key `rows`, and its total."""
        body = self.call(method, {**params, "page_no": page_no, "page_size": page_size})
        has_next = body.get("has_next")
        return Page(
            rows=[row for row in as_list(body.get(rows)) if isinstance(row, dict)],
            total=_int(body.get(total)),
            has_next=bool(has_next) if has_next is not None else None,
            body=body,
        )

    # --- items ----------------------------------------------------------------------------

    def count_items(
        self,
        *,
        inventory: bool = False,
        start_modified: datetime | None = None,
        end_modified: datetime | None = None,
    ) -> int:
        """How many items are on sale (or in the warehouse) in the modified-time window."""
        page = self.page(
            _items_method(inventory),
            {
                "fields": "num_iid",
                "start_modified": start_modified,
                "end_modified": end_modified,
            },
            rows="items",
            page_no=1,
            page_size=1,
        )
        return page.total or 0

    def iter_items(
        self,
        *,
        fields: str = ITEM_LIST_FIELDS,
        inventory: bool = False,
        start_modified: datetime | None = None,
        end_modified: datetime | None = None,
        page_size: int = ITEMS_PAGE_SIZE,
        cap: int = DEEP_PAGING_CAP,
    ) -> Iterator[dict[str, Any]]:
        """Every item on sale (or, with `inventory`, in the warehouse) modified within
        [start_modified, end_modified], oldest change first.

        A window holding more than `cap` items is halved (by modified time, to the second)
        until each half can be paged within TOP's deep-paging limit.
        """
        start = start_modified or EARLIEST
        end = end_modified or self.now()
        yield from self._items_window(_items_method(inventory), fields, start, end, page_size, cap)

    def _items_window(
        self,
        method: str,
        fields: str,
        start: datetime,
        end: datetime,
        page_size: int,
        cap: int,
    ) -> Iterator[dict[str, Any]]:
        params = {
            "fields": fields,
            "start_modified": start,
            "end_modified": end,
            "order_by": "modified:asc",
        }
        first = self.page(method, params, rows="items", page_no=1, page_size=page_size)
        total = first.total or 0
        if total > cap:
            seconds = int((end - start).total_seconds())
            if seconds < 1:
                raise TopError(
                    f"more than {cap} items changed within one second ({format_time(start)}): "
                    "Taobao cannot list them all",
                    method=method,
                )
            middle = start + timedelta(seconds=seconds // 2)
            yield from self._items_window(method, fields, start, middle, page_size, cap)
            yield from self._items_window(
                method, fields, middle + timedelta(seconds=1), end, page_size, cap
            )
            return
        yield from first.rows
        pages = math.ceil(total / page_size)
        for page_no in range(2, pages + 1):
            yield from self.page(
                method, params, rows="items", page_no=page_no, page_size=page_size
            ).rows

    def item(self, num_iid: int | str, *, fields: str = ITEM_DETAIL_FIELDS) -> dict[str, Any]:
        """One of the seller's items in detail (``taobao.item.seller.get``)."""
        body = self.call("taobao.item.seller.get", {"num_iid": num_iid, "fields": fields})
        found = body.get("item")
        if not isinstance(found, dict):
            raise TopError(f"taobao.item.seller.get returned no item {num_iid}")
        return found

    def iter_item_details(
        self, num_iids: Iterable[int | str], *, fields: str = ITEM_DETAIL_FIELDS
    ) -> Iterator[dict[str, Any]]:
        """The seller's items in detail, SKUs included, 20 per call
        (``taobao.items.seller.list.get``). Ids TOP does not know are left out silently."""
        batch: list[str] = []
        for num_iid in num_iids:
            batch.append(str(num_iid))
            if len(batch) == DETAILS_BATCH:
                yield from self._details(batch, fields)
                batch = []
        if batch:
            yield from self._details(batch, fields)

    def _details(self, num_iids: Sequence[str], fields: str) -> list[dict[str, Any]]:
        body = self.call(
            "taobao.items.seller.list.get", {"num_iids": list(num_iids), "fields": fields}
        )
        return [row for row in as_list(body.get("items")) if isinstance(row, dict)]

    def seller_categories(
        self, *, nick: str | None = None, fields: str = "cid,parent_cid,name,pic_url,sort_order"
    ) -> list[dict[str, Any]]:
        """The shop's own categories (``taobao.sellercats.list.get``)."""
        body = self.call("taobao.sellercats.list.get", {"nick": nick, "fields": fields})
        return [row for row in as_list(body.get("seller_cats")) if isinstance(row, dict)]

    # --- promotions -----------------------------------------------------------------------

    def item_promotions(self, item_id: int | str) -> Promotions:
        """An item's promotions and the shop's (``taobao.ump.promotion.get``)."""
        body = self.call("taobao.ump.promotion.get", {"item_id": item_id})
        promotions = body.get("promotions")
        promotions = promotions if isinstance(promotions, dict) else {}
        return Promotions(
            in_item=[
                p for p in as_list(promotions.get("promotion_in_item")) if isinstance(p, dict)
            ],
            in_shop=[
                p for p in as_list(promotions.get("promotion_in_shop")) if isinstance(p, dict)
            ],
        )

    def iter_promotion_activities(
        self, *, page_size: int = PROMOTIONS_PAGE_SIZE
    ) -> Iterator[dict[str, Any]]:
        """The shop's unconditional item discounts
        (``taobao.promotionmisc.item.activity.list.get``, at most 50 a page).

        TOP's documentation of the answer: ``total_count`` and ``item_promotion_list`` of
        ``item_promotion`` holding only an activity's main fields (``activity_id``, ``name``,
        ``description``, ``start_time``, ``end_time``, ``participate_range``: 0 when every
        item takes part, 1 for some items, listed by `activity_items`); the rest of it
        comes from ``taobao.promotionmisc.item.activity.get``."""
        method = "taobao.promotionmisc.item.activity.list.get"
        page_no = 1
        while True:
            page = self.page(
                method,
                {},
                rows="item_promotion_list",
                total="total_count",
                page_no=page_no,
                page_size=page_size,
            )
            yield from page.rows
            if not page.rows or page_no * page_size >= (page.total or 0):
                return
            page_no += 1

    def activity_items(self, activity_id: int | str) -> list[str]:
        """The items taking part in one item discount
        (``taobao.promotionmisc.activity.range.list.get``).

        TOP answers ``promotion_range_list`` of ``promotion_range`` entries (``item_id``,
        ``activity_id``, ``activity_name``) for the ``activity_id`` asked, unpaged: an
        activity for some items takes at most 150 (``taobao.promotionmisc.activity.range.add``
        says so)."""
        body = self.call(
            "taobao.promotionmisc.activity.range.list.get", {"activity_id": activity_id}
        )
        return [
            str(row["item_id"])
            for row in as_list(body.get("promotion_range_list"))
            if isinstance(row, dict) and row.get("item_id")
        ]

    # --- trades ---------------------------------------------------------------------------

    def iter_trades_modified(
        self,
        start: datetime,
        end: datetime,
        *,
        fields: str = TRADE_FIELDS,
        page_size: int = TRADES_PAGE_SIZE,
        status: str | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Sold trades modified within [start, end], with their order lines
        (``taobao.trades.sold.increment.get``).

        Asked one day at a time; each day is paged from its last page back to the first,
        so that a trade modified while paging moves ahead of the pages already read rather
        than out from under the ones not read yet. A trade met twice is given once, in its
        latest state.
        """
        for window_start, window_end in time_windows(start, end, TRADES_WINDOW):
            yield from self._trades_window(window_start, window_end, fields, page_size, status)

    def _trades_window(
        self,
        start: datetime,
        end: datetime,
        fields: str,
        page_size: int,
        status: str | None,
    ) -> Iterator[dict[str, Any]]:
        method = "taobao.trades.sold.increment.get"
        params = {"fields": fields, "start_modified": start, "end_modified": end, "status": status}
        first = self.page(method, params, rows="trades", page_no=1, page_size=page_size)
        last = max(1, math.ceil((first.total or 0) / page_size))
        trades: dict[Any, dict[str, Any]] = {}
        for page_no in range(last, 1, -1):
            for trade in self.page(
                method, params, rows="trades", page_no=page_no, page_size=page_size
            ).rows:
                trades[trade.get("tid")] = trade
        newest = (
            first
            if last == 1
            else self.page(method, params, rows="trades", page_no=1, page_size=page_size)
        )
        for trade in newest.rows:
            trades[trade.get("tid")] = trade
        yield from trades.values()

    def iter_trades_created(
        self,
        start: datetime,
        end: datetime,
        *,
        fields: str = TRADE_FIELDS,
        page_size: int = TRADES_PAGE_SIZE,
    ) -> Iterator[dict[str, Any]]:
        """Sold trades created within [start, end] (``taobao.trades.sold.get``), newest first."""
        params = {
            "fields": fields,
            "start_created": start,
            "end_created": end,
            "use_has_next": True,
        }
        page_no = 1
        while True:
            page = self.page(
                "taobao.trades.sold.get",
                params,
                rows="trades",
                page_no=page_no,
                page_size=page_size,
            )
            yield from page.rows
            if not page.has_next or not page.rows:
                return
            page_no += 1

    # --- change messages (TMC) ------------------------------------------------------------

    def tmc_permit(self, topics: Sequence[str] | None = None) -> bool:
        """Turn on change messages for the session's seller (``taobao.tmc.user.permit``).

        Without `topics` the seller gets every topic the app subscribes to; with them, exactly
        those (TOP replaces the list: pass all of them)."""
        body = self.call("taobao.tmc.user.permit", {"topics": list(topics) if topics else None})
        return bool(body.get("is_success"))

    def tmc_group_add(
        self, group_name: str, nicks: Sequence[str], *, user_platform: str = "tbUIC"
    ) -> None:
        """Route the messages of the sellers `nicks` to the message group `group_name`
        (``taobao.tmc.group.add``; at most 32 characters, not starting with ``default``).

        Messages published afterwards go to that group only (earlier ones stay in the default
        group); adding a seller already in the group again changes nothing."""
        self.call(
            "taobao.tmc.group.add",
            {"group_name": group_name, "nicks": list(nicks), "user_platform": user_platform},
        )

    def tmc_consume(
        self, quantity: int = 100, *, group_name: str | None = None
    ) -> list[TmcMessage]:
        """Take up to `quantity` (10-200) pending messages (``taobao.tmc.messages.consume``).

        A message not confirmed with `tmc_confirm` is delivered again later."""
        quantity = max(TMC_MIN_QUANTITY, min(TMC_MAX_QUANTITY, quantity))
        body = self.call(
            "taobao.tmc.messages.consume", {"quantity": quantity, "group_name": group_name}
        )
        return [_tmc_message(raw) for raw in as_list(body.get("messages")) if isinstance(raw, dict)]

    def tmc_confirm(self, message_ids: Iterable[int], *, group_name: str | None = None) -> None:
        """Confirm handled messages, 200 per call (``taobao.tmc.messages.confirm``)."""
        ids = [str(i) for i in message_ids]
        for offset in range(0, len(ids), TMC_CONFIRM_BATCH):
            self.call(
                "taobao.tmc.messages.confirm",
                {
                    "s_message_ids": ids[offset : offset + TMC_CONFIRM_BATCH],
                    "group_name": group_name,
                },
            )


def _items_method(inventory: bool) -> str:
    return "taobao.items.inventory.get" if inventory else "taobao.items.onsale.get"


def _tmc_message(raw: Mapping[str, Any]) -> TmcMessage:
    text = raw.get("content")
    content: dict[str, Any] | None = None
    if isinstance(text, dict):
        content, text = text, json.dumps(text, ensure_ascii=False)
    elif isinstance(text, str):
        try:
            decoded = json.loads(text)
        except ValueError:
            decoded = None
        content = decoded if isinstance(decoded, dict) else None
    return TmcMessage(
        id=_int(raw.get("id")) or 0,
        topic=str(raw.get("topic") or ""),
        pub_time=str(raw.get("pub_time") or ""),
        user_id=_int(raw.get("user_id")),
        user_nick=str(raw.get("user_nick") or ""),
        pub_app_key=str(raw.get("pub_app_key") or ""),
        raw_content=str(text or ""),
        content=content,
    )
