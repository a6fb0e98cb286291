"""The business methods of the TOP fake, and its TMC message broker.

`TopMethods` is mixed into `TaobaoFake`: each ``m_*`` method answers one TOP method for one
call, returning the answer in its simplified shape (lists as lists); the gateway wraps it.
Argument checks follow TOP: a missing required argument is code 40 (``isv.missing-parameter``),
one out of its declared range is 41 (``isv.invalid-parameter``), and a refusal by the service
behind the gateway is 15 "Remote service error" with an ``isv.*`` sub code.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from tests.fakes.taobao_data import CHINA, TIME_FORMAT, Json, Seller, top_time

ITEM_TOPICS = frozenset(
    {
        "taobao_item_ItemAdd",
        "taobao_item_ItemUpdate",
        "taobao_item_ItemUpshelf",
        "taobao_item_ItemDownshelf",
        "taobao_item_ItemDelete",
        "taobao_item_ItemStockChanged",
        "taobao_item_ItemZeroStock",
        "taobao_item_ItemSkuZeroStock",
    }
)
TRADE_TOPICS = frozenset({"taobao_trade_TradeCreate", "taobao_trade_TradeChanged"})
ALL_TOPICS = ITEM_TOPICS | TRADE_TOPICS
LISTING_FIELDS = frozenset(
    {
        "approve_status",
        "num_iid",
        "title",
        "nick",
        "type",
        "cid",
        "pic_url",
        "num",
        "props",
        "valid_thru",
        "list_time",
        "price",
        "has_discount",
        "has_invoice",
        "has_warranty",
        "has_showcase",
        "modified",
        "delist_time",
        "postage_id",
        "seller_cids",
        "outer_id",
        "sold_quantity",
    }
)
ACTIVITY_LIST_FIELDS = (
    "activity_id",
    "name",
    "description",
    "start_time",
    "end_time",
    "participate_range",
)
"""What ``taobao.promotionmisc.item.activity.list.get`` answers of each activity."""
FIELD_ALIASES = {"sku": "skus", "item_img": "item_imgs", "prop_img": "prop_imgs"}
ORDERINGS = frozenset({"list_time", "delist_time", "num", "modified", "sold_quantity"})
INVENTORY_BANNER = "_banner"
"""The (unserved) key of a warehouse item telling which ``banner`` lists it."""
FOR_SHELVED = frozenset({"regular_shelved", "never_on_shelf", "off_shelf"})
BANNERS = FOR_SHELVED | {"for_shelved", "sold_out", "violation_off_shelf"}
DELETE = object()
"""In `TaobaoFake.malform_item` overrides: leave the field out of the answer."""


class ApiError(Exception):
    """A TOP error answer: ``{"error_response": {code, msg, sub_code, sub_msg}}``."""

    def __init__(self, code: int, msg: str, sub_code: str = "", sub_msg: str = "") -> None:
        super().__init__(f"{code} {msg} {sub_code} {sub_msg}")
        self.code = code
        self.msg = msg
        self.sub_code = sub_code
        self.sub_msg = sub_msg


def missing(name: str) -> ApiError:
    """Code 40: a required argument is absent."""
    return ApiError(
        40,
        "Missing Required Arguments",
        "isv.missing-parameter",
        f"Missing required arguments:{name}",
    )


def invalid(name: str, detail: str = "") -> ApiError:
    """Code 41: an argument is outside what the method declares."""
    suffix = f" ({detail})" if detail else ""
    return ApiError(
        41, "Invalid Arguments", "isv.invalid-parameter", f"Invalid arguments:{name}{suffix}"
    )


def refused(sub_code: str, sub_msg: str) -> ApiError:
    """Code 15: the service behind the gateway refused the call."""
    return ApiError(15, "Remote service error", sub_code, sub_msg)


@dataclass
class Call:
    """One authenticated call: its parameters, the app, and the session's seller (if any)."""

    method: str
    params: dict[str, str]
    app_key: str
    seller: Seller | None

    def text(self, name: str) -> str | None:
        """A parameter's value; an empty one counts as absent."""
        value = self.params.get(name)
        return value if value not in (None, "") else None

    def required(self, name: str) -> str:
        """A parameter that must be present (else code 40)."""
        value = self.text(name)
        if value is None:
            raise missing(name)
        return value

    def number(self, name: str, default: int, low: int, high: int | None = None) -> int:
        """An integer parameter within [low, high] (else code 41)."""
        value = self.text(name)
        if value is None:
            return default
        try:
            number = int(value)
        except ValueError as exc:
            raise invalid(name, "not a number") from exc
        if number < low or (high is not None and number > high):
            limit = f"{low}..{high}" if high is not None else f">= {low}"
            raise invalid(name, f"must be {limit}")
        return number

    def time(self, name: str) -> str | None:
        """A ``yyyy-MM-dd HH:mm:ss`` parameter, normalized (else code 41)."""
        value = self.text(name)
        if value is None:
            return None
        try:
            return datetime.strptime(value, TIME_FORMAT).strftime(TIME_FORMAT)
        except ValueError as exc:
            raise invalid(name, "use yyyy-MM-dd HH:mm:ss") from exc

    def flag(self, name: str) -> bool:
        """A ``true``/``false`` parameter."""
        return (self.text(name) or "").lower() == "true"

    def fields(self) -> set[str]:
        """The ``fields`` parameter (required), with TOP's singular aliases resolved."""
        names = {f.strip() for f in self.required("fields").split(",") if f.strip()}
        return {FIELD_ALIASES.get(n, n) for n in names}

    def seller_or_fail(self) -> Seller:
        """The session's seller (methods that need one are only called with one)."""
        assert self.seller is not None
        return self.seller


def pick(record: Json, fields: Iterable[str]) -> Json:
    """Only the requested fields of `record`; ``orders.title`` style keeps order sub-fields."""
    chosen: Json = {}
    order_fields: set[str] = set()
    for name in fields:
        if name.startswith("orders."):
            order_fields.add(name.removeprefix("orders."))
        elif name in record:
            chosen[name] = record[name]
    if order_fields and "orders" in record and "orders" not in chosen:
        chosen["orders"] = [pick(o, order_fields) for o in record["orders"]]
    return chosen


def _ordered(rows: list[Json], order_by: str | None) -> list[Json]:
    column, _, direction = (order_by or "list_time:desc").partition(":")
    if column not in ORDERINGS or direction not in ("asc", "desc"):
        raise invalid("order_by", "use column:asc or column:desc")
    rows = sorted(rows, key=lambda r: r["num_iid"])
    return sorted(rows, key=lambda r: r.get(column) or "", reverse=direction == "desc")


@dataclass
class TmcRecord:
    """One TMC message addressed to one app."""

    id: int
    app_key: str
    topic: str
    user_id: int
    user_nick: str
    content: str
    pub_time: str
    group: str = "default"
    invisible_until: float = 0.0
    confirmed: bool = False
    deliveries: int = 0

    def as_json(self, pub_app_key: str) -> Json:
        """The message as ``taobao.tmc.messages.consume`` lists it."""
        return {
            "id": self.id,
            "topic": self.topic,
            "pub_app_key": pub_app_key,
            "pub_time": self.pub_time,
            "user_id": self.user_id,
            "user_nick": self.user_nick,
            "content": self.content,
        }


@dataclass
class TmcBroker:
    """TMC as the HTTP pull methods see it: per app, the sellers who permitted messages and
    their topics; messages wait until consumed, and come back if not confirmed within
    `redeliver_after` seconds."""

    clock: Callable[[], float]
    redeliver_after: float = 60.0
    permits: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)
    records: list[TmcRecord] = field(default_factory=list)
    groups: set[str] = field(default_factory=lambda: {"default"})
    user_groups: dict[tuple[str, int], str] = field(default_factory=dict)
    """(app key, seller) → the group their messages go to (``default`` when absent)."""
    next_id: int = 1_172_200_053_212_681_005

    def permit(self, app_key: str, user_id: int, topics: Iterable[str] | None) -> None:
        """Let `app_key` receive `user_id`'s messages on `topics` (None: every topic)."""
        self.permits[(app_key, user_id)] = frozenset(topics) if topics else ALL_TOPICS

    def publish(self, topic: str, seller: Seller, content: Json) -> int:
        """Queue a message for every app the seller permitted that topic to; how many."""
        sent = 0
        for (app_key, user_id), topics in self.permits.items():
            if user_id != seller.user_id or topic not in topics:
                continue
            self.next_id += 1
            self.records.append(
                TmcRecord(
                    id=self.next_id,
                    app_key=app_key,
                    topic=topic,
                    user_id=seller.user_id,
                    user_nick=seller.nick,
                    content=json.dumps(content, ensure_ascii=False),
                    pub_time=top_time(datetime.fromtimestamp(self.clock(), CHINA)),
                    group=self.user_groups.get((app_key, user_id), "default"),
                )
            )
            sent += 1
        return sent

    def add_to_group(self, app_key: str, group: str, user_id: int) -> None:
        """Send `user_id`'s future messages for `app_key` to `group` (earlier ones stay)."""
        self.groups.add(group)
        self.user_groups[(app_key, user_id)] = group

    def consume(self, app_key: str, quantity: int, group: str = "default") -> list[TmcRecord]:
        """Up to `quantity` messages for `app_key`: new ones, and unconfirmed ones whose
        redelivery time came."""
        now = self.clock()
        taken: list[TmcRecord] = []
        for record in self.records:
            if len(taken) == quantity:
                break
            if (
                record.app_key == app_key
                and record.group == group
                and not record.confirmed
                and record.invisible_until <= now
            ):
                record.invisible_until = now + self.redeliver_after
                record.deliveries += 1
                taken.append(record)
        return taken

    def confirm(self, app_key: str, ids: Iterable[int]) -> int:
        """Mark `app_key`'s messages `ids` handled; how many were pending."""
        wanted = set(ids)
        done = 0
        for record in self.records:
            if record.app_key == app_key and record.id in wanted and not record.confirmed:
                record.confirmed = True
                done += 1
        return done

    def pending(self, app_key: str | None = None) -> list[TmcRecord]:
        """Messages not confirmed yet (of one app, or all)."""
        return [
            r for r in self.records if not r.confirmed and (app_key is None or r.app_key == app_key)
        ]


class TopMethods:
    """The TOP methods the fake serves; mixed into `TaobaoFake`."""

    sellers: dict[int, Seller]
    tmc: TmcBroker
    deep_paging_cap: int
    item_view: Callable[[Json], Json]
    """An item as answered (with any injected malformation); the fake defines it."""

    # --- items ----------------------------------------------------------------------------

    def _listing(self, call: Call, matches: Callable[[Json], bool]) -> Json:
        seller = call.seller_or_fail()
        fields = call.fields() & LISTING_FIELDS
        page_no = call.number("page_no", 1, 1)
        page_size = call.number("page_size", 40, 1, 200)
        if page_no * page_size > self.deep_paging_cap:
            raise refused(
                "isv.invalid-parameter:page_no",
                f"翻页过深：page_no*page_size 不能超过 {self.deep_paging_cap}，请按修改时间分段获取",
            )
        start, end = call.time("start_modified"), call.time("end_modified")
        q = call.text("q")
        cid = call.text("cid")
        seller_cids = set((call.text("seller_cids") or "").split(",")) - {""}
        rows = [
            item
            for item in seller.items.values()
            if matches(item)
            and (start is None or item["modified"] >= start)
            and (end is None or item["modified"] <= end)
            and (q is None or q in item["title"])
            and (cid is None or str(item["cid"]) == cid)
            and (not seller_cids or seller_cids & set(item["seller_cids"].split(",")))
        ]
        rows = _ordered(rows, call.text("order_by"))
        offset = (page_no - 1) * page_size
        return {
            "total_results": len(rows),
            "items": [pick(self.item_view(i), fields) for i in rows[offset : offset + page_size]],
        }

    def m_items_onsale_get(self, call: Call) -> Json:
        """``taobao.items.onsale.get``: the seller's items on sale."""
        return self._listing(call, lambda item: item["approve_status"] == "onsale")

    def m_items_inventory_get(self, call: Call) -> Json:
        """``taobao.items.inventory.get``: the seller's items in the warehouse under one
        ``banner``, as documented: ``regular_shelved``, ``never_on_shelf``, ``off_shelf``,
        ``sold_out``, ``violation_off_shelf``, or ``for_shelved`` (the default) = the first
        three together. Each warehouse item is under one banner (`INVENTORY_BANNER`)."""
        banner = call.text("banner") or "for_shelved"
        if banner not in BANNERS:
            raise invalid("banner")
        wanted = FOR_SHELVED if banner == "for_shelved" else {banner}
        return self._listing(
            call,
            lambda item: (
                item["approve_status"] == "instock"
                and item.get(INVENTORY_BANNER, "off_shelf") in wanted
            ),
        )

    def m_items_seller_list_get(self, call: Call) -> Json:
        """``taobao.items.seller.list.get``: up to 20 items in detail (unknown ids left out)."""
        seller = call.seller_or_fail()
        fields = call.fields()
        ids = [i.strip() for i in call.required("num_iids").split(",") if i.strip()]
        if len(ids) > 20:
            raise invalid("num_iids", "at most 20 ids")
        found = []
        for text in ids:
            if not text.isdigit():
                raise invalid("num_iids", f"{text} is not an item id")
            item = seller.items.get(int(text))
            if item is not None:
                found.append(pick(self.item_view(item), fields))
        return {"items": found}

    def m_item_seller_get(self, call: Call) -> Json:
        """``taobao.item.seller.get``: one of the seller's items in detail."""
        seller = call.seller_or_fail()
        fields = call.fields()
        text = call.required("num_iid")
        if not text.isdigit():
            raise invalid("num_iid")
        item = seller.items.get(int(text))
        if item is None:
            raise refused("isv.item-not-exist", f"商品 {text} 不存在或不属于当前用户")
        return {"item": pick(self.item_view(item), fields)}

    def m_sellercats_list_get(self, call: Call) -> Json:
        """``taobao.sellercats.list.get``: the shop's own categories (by session or nick)."""
        seller = call.seller
        nick = call.text("nick")
        if nick is not None:
            seller = next((s for s in self.sellers.values() if s.nick == nick), None)
            if seller is None:
                raise refused("isv.user-not-exist", f"用户 {nick} 不存在")
        if seller is None:
            raise missing("nick")
        wanted = call.text("fields")
        fields = {f.strip() for f in wanted.split(",")} if wanted else None
        return {
            "seller_cats": [c if fields is None else pick(c, fields) for c in seller.categories]
        }

    # --- promotions -----------------------------------------------------------------------

    def m_ump_promotion_get(self, call: Call) -> Json:
        """``taobao.ump.promotion.get``: an item's promotions and its shop's."""
        text = call.required("item_id")
        if not text.isdigit():
            raise invalid("item_id")
        num_iid = int(text)
        owner = next((s for s in self.sellers.values() if num_iid in s.items), None)
        if owner is None:
            return {"promotions": {}}
        return {
            "promotions": {
                "promotion_in_item": owner.promotions.get(num_iid, []),
                "promotion_in_shop": owner.shop_promotions,
            }
        }

    def m_promotionmisc_item_activity_list_get(self, call: Call) -> Json:
        """``taobao.promotionmisc.item.activity.list.get``: the shop's item discounts, 50 a
        page at most. As documented, each ``item_promotion`` holds only the main fields
        (``activity_id``, ``name``, ``description``, ``start_time``, ``end_time``,
        ``participate_range``); the items of a partial one come from
        ``taobao.promotionmisc.activity.range.list.get``."""
        seller = call.seller_or_fail()
        page_no = call.number("page_no", 1, 1)
        page_size = call.number("page_size", 20, 1, 50)
        offset = (page_no - 1) * page_size
        return {
            "total_count": len(seller.activities),
            "item_promotion_list": [
                pick(a, ACTIVITY_LIST_FIELDS)
                for a in seller.activities[offset : offset + page_size]
            ],
        }

    def m_promotionmisc_activity_range_list_get(self, call: Call) -> Json:
        """``taobao.promotionmisc.activity.range.list.get`` (``activity_id``): the items taking
        part in one of the seller's activities, as ``promotion_range`` entries (``item_id``,
        ``activity_id``, ``activity_name``); an activity takes at most 150 items."""
        seller = call.seller_or_fail()
        text = call.required("activity_id")
        if not text.isdigit():
            raise invalid("activity_id")
        activity = next((a for a in seller.activities if a["activity_id"] == int(text)), None)
        if activity is None:
            raise refused("isv.invalid-parameter:activity_id", f"活动 {text} 不存在")
        return {
            "promotion_range_list": [
                {
                    "item_id": i,
                    "activity_id": activity["activity_id"],
                    "activity_name": activity["name"],
                }
                for i in seller.ranges.get(activity["activity_id"], [])
            ]
        }

    # --- trades ---------------------------------------------------------------------------

    def _trades(self, call: Call, key: str, start: str | None, end: str | None) -> Json:
        seller = call.seller_or_fail()
        fields = call.fields()
        page_no = call.number("page_no", 1, 1)
        page_size = call.number("page_size", 40, 1, 100)
        status = call.text("status")
        rows = [
            trade
            for trade in seller.trades.values()
            if (start is None or trade[key] >= start)
            and (end is None or trade[key] <= end)
            and (status is None or trade["status"] == status)
        ]
        rows.sort(key=lambda t: t["tid"])
        rows.sort(key=lambda t: t[key], reverse=True)
        offset = (page_no - 1) * page_size
        page = [pick(t, fields) for t in rows[offset : offset + page_size]]
        if call.flag("use_has_next"):
            return {"has_next": offset + page_size < len(rows), "trades": page}
        return {"total_results": len(rows), "trades": page}

    def m_trades_sold_get(self, call: Call) -> Json:
        """``taobao.trades.sold.get``: sold trades by creation time, newest first."""
        return self._trades(call, "created", call.time("start_created"), call.time("end_created"))

    def m_trades_sold_increment_get(self, call: Call) -> Json:
        """``taobao.trades.sold.increment.get``: sold trades by modified time (one day at
        most per call), most recently modified first."""
        start = call.time("start_modified")
        end = call.time("end_modified")
        if start is None:
            raise missing("start_modified")
        if end is None:
            raise missing("end_modified")
        span = datetime.strptime(end, TIME_FORMAT) - datetime.strptime(start, TIME_FORMAT)
        if span < timedelta(0) or span > timedelta(days=1):
            raise refused(
                "isv.invalid-parameter:start_modified",
                "end_modified 必须大于 start_modified，且时间跨度不能大于一天",
            )
        return self._trades(call, "modified", start, end)

    # --- TMC ------------------------------------------------------------------------------

    def m_tmc_user_permit(self, call: Call) -> Json:
        """``taobao.tmc.user.permit``: the session's seller lets this app get messages."""
        seller = call.seller_or_fail()
        text = call.text("topics")
        topics = [t.strip() for t in text.split(",") if t.strip()] if text else None
        unknown = sorted(set(topics or ()) - ALL_TOPICS)
        if unknown:
            raise refused("isv.topic-not-exist", f"topic {unknown[0]} 不存在或未被应用订阅")
        self.tmc.permit(call.app_key, seller.user_id, topics)
        return {"is_success": True}

    def _group(self, call: Call) -> str:
        group = call.text("group_name") or "default"
        if group not in self.tmc.groups:
            raise refused("isv.group-not-exist", f"分组 {group} 不存在")
        return group

    def m_tmc_group_add(self, call: Call) -> Json:
        """``taobao.tmc.group.add``: route some sellers' messages to a named group (sellers
        who permitted messages; a group name of at most 32 characters, not ``default…``)."""
        group = call.required("group_name")
        if len(group) > 32 or group.startswith("default"):
            raise invalid("group_name", "at most 32 characters, not starting with default")
        platform = call.text("user_platform") or "tbUIC"
        if platform not in ("tbUIC", "icbu", "ae"):
            raise invalid("user_platform")
        nicks = [n.strip() for n in call.required("nicks").split(",") if n.strip()]
        for nick in nicks:
            seller = next((s for s in self.sellers.values() if s.nick == nick), None)
            if seller is None:
                raise refused("isv.user-not-exist", f"用户 {nick} 不存在")
            if (call.app_key, seller.user_id) not in self.tmc.permits:
                raise refused("isv.user-not-permit", f"用户 {nick} 未开通消息服务")
            self.tmc.add_to_group(call.app_key, group, seller.user_id)
        return {"group_name": group, "created": top_time(datetime.now(CHINA))}

    def m_tmc_messages_consume(self, call: Call) -> Json:
        """``taobao.tmc.messages.consume``: take 10-200 pending messages."""
        quantity = call.number("quantity", 100, 10, 200)
        taken = self.tmc.consume(call.app_key, quantity, self._group(call))
        return {"messages": [r.as_json(call.app_key) for r in taken]}

    def m_tmc_messages_confirm(self, call: Call) -> Json:
        """``taobao.tmc.messages.confirm``: mark up to 200 messages handled."""
        self._group(call)
        text = call.required("s_message_ids")
        ids = [i.strip() for i in text.split(",") if i.strip()]
        if len(ids) > 200:
            raise invalid("s_message_ids", "at most 200 ids")
        if not all(i.isdigit() for i in ids):
            raise invalid("s_message_ids")
        self.tmc.confirm(call.app_key, (int(i) for i in ids))
        return {"is_success": True}


SESSION_REQUIRED = "required"
SESSION_OPTIONAL = "optional"
SESSION_NONE = "none"

METHODS: dict[str, tuple[str, str]] = {
    "taobao.items.onsale.get": ("m_items_onsale_get", SESSION_REQUIRED),
    "taobao.items.inventory.get": ("m_items_inventory_get", SESSION_REQUIRED),
    "taobao.items.seller.list.get": ("m_items_seller_list_get", SESSION_REQUIRED),
    "taobao.item.seller.get": ("m_item_seller_get", SESSION_REQUIRED),
    "taobao.sellercats.list.get": ("m_sellercats_list_get", SESSION_OPTIONAL),
    "taobao.ump.promotion.get": ("m_ump_promotion_get", SESSION_OPTIONAL),
    "taobao.promotionmisc.item.activity.list.get": (
        "m_promotionmisc_item_activity_list_get",
        SESSION_REQUIRED,
    ),
    "taobao.promotionmisc.activity.range.list.get": (
        "m_promotionmisc_activity_range_list_get",
        SESSION_REQUIRED,
    ),
    "taobao.trades.sold.get": ("m_trades_sold_get", SESSION_REQUIRED),
    "taobao.trades.sold.increment.get": ("m_trades_sold_increment_get", SESSION_REQUIRED),
    "taobao.tmc.user.permit": ("m_tmc_user_permit", SESSION_REQUIRED),
    "taobao.tmc.group.add": ("m_tmc_group_add", SESSION_NONE),
    "taobao.tmc.messages.consume": ("m_tmc_messages_consume", SESSION_NONE),
    "taobao.tmc.messages.confirm": ("m_tmc_messages_confirm", SESSION_NONE),
}
"""Every method the fake serves: its handler, and whether it needs the seller's session."""

LIST_ELEMENTS = {
    "items": "item",
    "skus": "sku",
    "item_imgs": "item_img",
    "prop_imgs": "prop_img",
    "seller_cats": "seller_cat",
    "trades": "trade",
    "orders": "order",
    "messages": "tmc_message",
    "promotion_in_item": "promotion_in_item",
    "promotion_in_shop": "promotion_in_shop",
    "sku_id_list": "string",
    "sku_price_list": "price",
    "item_promotion_list": "item_promotion",
    "promotion_range_list": "promotion_range",
}
"""The element name TOP gives each list when it wraps lists (``simplify=false``)."""


def wrap_lists(value: Any) -> Any:
    """`value` as TOP answers without ``simplify``: ``{"items": [...]}`` becomes
    ``{"items": {"item": [...]}}``; empty lists are left out, as TOP does."""
    if isinstance(value, dict):
        out: Json = {}
        for key, child in value.items():
            if isinstance(child, list):
                if not child:
                    continue
                element = LIST_ELEMENTS.get(key, key.removesuffix("s"))
                out[key] = {element: [wrap_lists(c) for c in child]}
            else:
                out[key] = wrap_lists(child)
        return out
    return value


def drop_empty_lists(value: Any) -> Any:
    """`value` with empty lists left out (the simplified answers omit them too)."""
    if isinstance(value, dict):
        return {k: drop_empty_lists(v) for k, v in value.items() if v != []}
    if isinstance(value, list):
        return [drop_empty_lists(v) for v in value]
    return value
