"""The Taobao/Tmall marketplace source: one seller's shop through the Taobao Open Platform.

The seller connects the shop by one-click authorization (`TaobaoAuthorization`); every sync
then calls TOP as that seller with the access token `ProviderContext.access_token` hands out,
through the shop's share of the app's call budget (`cloudcat.core.ratelimit`: one budget per
AppKey, shared by every shop using the app and by every worker).

* **Products**: the items on sale (``taobao.items.onsale.get``), then those in the warehouse
  (``taobao.items.inventory.get``, delisted) under each ``banner`` that holds them (waiting to
  go on sale, sold out, taken down for violations), each listed by modified time, oldest
  first, 200 a page, and read in detail with their SKUs 20 at a time
  (``taobao.items.seller.list.get``).
  The listing walks by modified time (each page starts at the last page's newest modification,
  leaving out the items already read at that second) rather than by page number, so an item
  changed while the listing runs moves ahead and is not skipped, and no listing goes deeper
  than TOP's paging cap. A `Checkpoint` (``<listing>|<modified time>|<items of that second
  read>``) follows every page, so that a resume goes on inside a second many items share (a
  bulk edit), and an `ExpectedTotal` (the listings' totals) comes first. With `since`, only
  items modified
  from then on are listed. SKUs become variants with their option values
  (``properties_name``, with the seller's ``property_alias`` names), prices `Decimal`.
* **Categories**: the seller's shop categories (``taobao.sellercats.list.get``).
* **Promotions**: the shop's item discounts (``taobao.promotionmisc.item.activity.list.get``);
  the items of each running one come from ``taobao.promotionmisc.activity.range.list.get``,
  or, for one over every item (``participate_range`` 0), are every item on sale. Each
  promoted item's promotions with their item and SKU prices, and the shop-wide ones, come
  from ``taobao.ump.promotion.get``. Ended promotions are left out. TOP has no modification
  time for promotions, so every run lists them all.
* **Orders**: sold trades by modified time (``taobao.trades.sold.increment.get``), one day at a
  time (a `Checkpoint` per day), the last three months when `since` is None.
* **Change messages** (TMC, through the HTTP pull methods): the first listing or message poll
  of a run permits the item topics for the seller (``taobao.tmc.user.permit``) and routes
  their messages to a group of their own (``taobao.tmc.group.add``), so shops sharing an app
  never take each other's messages; `poll_changes` consumes that group and `confirm`
  acknowledges what the engine stored. A message only names the item: the engine reads its
  current state with `fetch` (an item TOP no longer returns is deleted), so duplicated and
  out-of-order messages change nothing wrongly.

TOP's refusals become the errors the engine understands: an invalid or expired session is
`SourceAuthExpired` ("the Taobao authorization expired: reconnect"), a call limit TOP keeps
announcing (code 7) or a spent share of the budget is `SourceRateLimited`, a refused
signature (code 25) is a non-retryable `SourceError` telling to check the app secret, and a
method the app has no permission for (code 11/12) is `SourcePermissionMissing`: the engine
switches that part (orders, promotions, change messages) off with a notice and syncs the
rest, trying it again on every run so that a permission granted later is picked up.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

from cloudcat.core.plugin_api import (
    AuthorizationExpired,
    CategoryStream,
    Change,
    Checkpoint,
    Deleted,
    EntityKind,
    ExpectedTotal,
    MarketplaceSource,
    OrderStream,
    ProductRecord,
    ProductStream,
    PromotionItem,
    PromotionStream,
    ProviderContext,
    RateLimit,
    RateLimitExceeded,
    RejectedRecord,
    ShopBudget,
    SourceAuthExpired,
    SourceError,
    SourcePermissionMissing,
    SourceRateLimited,
    SourceStream,
    SourceUnsupported,
)
from cloudcat.plugins.taobao.client import (
    EARLIEST,
    ITEM_DETAIL_FIELDS,
    ITEM_TOPICS,
    ITEMS_PAGE_SIZE,
    TRADES_WINDOW,
    Page,
    TmcMessage,
    TopClient,
    time_windows,
)
from cloudcat.plugins.taobao.config import TaobaoConfig, top_client
from cloudcat.plugins.taobao.errors import (
    TopAuthError,
    TopError,
    TopPermissionDenied,
    TopRateLimited,
    TopSignatureError,
    TopUnavailable,
)
from cloudcat.plugins.taobao.oauth import TaobaoAuthorization
from cloudcat.plugins.taobao.records import (
    Unreadable,
    category_record,
    item_promotion,
    order_record,
    product_record,
    promotion_record,
)
from cloudcat.plugins.taobao.signing import CHINA, format_time, parse_time

log = logging.getLogger(__name__)

RECONNECT = "the Taobao authorization expired: reconnect"
LISTINGS = ("onsale", "for_shelved", "sold_out", "violation_off_shelf")
"""The item listings of a product sync, in order: on sale, then the warehouse by ``banner``.

``taobao.items.inventory.get`` lists one ``banner`` at a time, ``for_shelved`` when none is
given, and its documentation says ``for_shelved`` = ``regular_shelved`` (to be listed at a set
time) + ``never_on_shelf`` + ``off_shelf`` (taken off by the seller): the items sold out
(``sold_out``) and those taken down for violations (``violation_off_shelf``) are only listed
when asked for by their own banner."""
LISTING_METHODS = {
    "onsale": "taobao.items.onsale.get",
    "for_shelved": "taobao.items.inventory.get",
    "sold_out": "taobao.items.inventory.get",
    "violation_off_shelf": "taobao.items.inventory.get",
}
OLD_LISTINGS = {"instock": "for_shelved"}
"""Listing names of checkpoints stored by earlier versions."""
LISTING_FIELDS = "num_iid,modified"
ORDER_HISTORY = timedelta(days=90)
"""How far back a full order listing goes (TOP keeps sold trades for three months)."""
DELETE_TOPICS = frozenset({"taobao_item_ItemDelete"})
PARTS = (
    ("taobao.trades.", "orders (sold trades)"),
    ("taobao.promotionmisc.", "promotions"),
    ("taobao.ump.", "promotions"),
    ("taobao.tmc.", "change messages (TMC): changes are found by modified times instead"),
)
"""What a seller loses when the app lacks the permission of a method, by method prefix."""
FOREIGN_POLLS = 5
"""How many more message batches `poll_changes` takes when one held only other sellers'."""


class TaobaoRefused(SourceError):
    """TOP refused the app itself (its signature, its AppKey): a setting must be fixed."""

    retryable = False


def group_name(user_id: str) -> str:
    """The TMC message group of a seller (at most 32 characters, not ``default…``)."""
    return f"cloudcat_{user_id}"[:32]


def _modified(row: Mapping[str, Any]) -> datetime | None:
    value = row.get("modified")
    if not isinstance(value, str):
        return None
    try:
        return parse_time(value)
    except ValueError:
        return None


def _checkpoint(listing: str, cursor: datetime, read: int) -> str:
    """``<listing>|<modified time>|<items of that second already read>`` (no count when 0)."""
    return f"{listing}|{format_time(cursor)}" + (f"|{read}" if read else "")


def _resume_point(token: str | None, start: datetime) -> tuple[str, datetime, int]:
    """The listing, modified time and count of items of that second already read that a
    product checkpoint token names (or the beginning)."""
    if token:
        listing, _, rest = token.partition("|")
        moment, _, read = rest.partition("|")
        listing = OLD_LISTINGS.get(listing, listing)
        if listing in LISTINGS and (read == "" or read.isdigit()):
            try:
                at = parse_time(moment)
            except ValueError:
                log.warning("ignoring an unreadable Taobao checkpoint %r", token)
            else:
                return (listing, at, int(read or 0)) if at >= start else (listing, start, 0)
    return LISTINGS[0], start, 0


class TaobaoSource(TaobaoAuthorization, MarketplaceSource):
    """Taobao/Tmall through the Taobao Open Platform (see the module docstring)."""

    name = "taobao"
    title = "Taobao"
    description = (
        "Taobao and Tmall shops through the Taobao Open Platform: items with SKUs, shop "
        "categories, promotions and sold trades, kept in sync by change messages (TMC)"
    )
    title_i18n: ClassVar[dict[str, str]] = {"zh-CN": "淘宝 / 天猫"}
    description_i18n: ClassVar[dict[str, str]] = {
        "zh-CN": "通过淘宝开放平台连接淘宝和天猫店铺：带 SKU 的商品、店铺分类、促销和已售订单，"
        "并通过消息服务（TMC）保持同步"
    }
    version = "1.0.0"
    capabilities: ClassVar[frozenset[str]] = frozenset(
        {
            "products",
            "categories",
            "promotions",
            "orders",
            "incremental",
            "change_messages",
            "oauth",
        }
    )
    config_model = TaobaoConfig
    page_size: ClassVar[int] = ITEMS_PAGE_SIZE
    """Items per listing page (TOP serves at most 200)."""
    order_history: ClassVar[timedelta] = ORDER_HISTORY
    confirms_absent: ClassVar[bool] = True
    """The listings cover every item the seller has (on sale and under every warehouse
    banner), so one they leave out is asked about by id: gone from Taobao, it is deleted."""

    def __init__(self, context: ProviderContext) -> None:
        super().__init__(context)
        self._messages_enabled = False
        self._token_read_at: datetime | None = None
        """When the seller's access token was last read (to forget it if TOP refuses it)."""

    # --- plumbing --------------------------------------------------------------------------

    @property
    def settings(self) -> TaobaoConfig:
        """The shop's validated Taobao settings."""
        config = self.config
        if not isinstance(config, TaobaoConfig):
            raise TypeError("the Taobao source needs a TaobaoConfig")
        return config

    def budget(self) -> ShopBudget:
        """This shop's share of the app's call budget (``taobao:<app key>``, shared by every
        shop using the app and by every worker)."""
        settings = self.settings
        return self.context.call_budget(
            settings.app_key, RateLimit(settings.calls_per_second, settings.burst)
        )

    def access_token(self) -> str:
        """The seller's working access token (the TOP ``session``)."""
        source = self.context.access_token
        if source is None:
            raise SourceAuthExpired("Taobao is not connected: connect the shop")
        try:
            token = source()
        except AuthorizationExpired as exc:
            raise SourceAuthExpired(exc.message) from exc
        self._token_read_at = datetime.now(UTC)
        return token

    def seller(self) -> tuple[str, str]:
        """The connected seller's Taobao user id and nick (empty when unknown)."""
        found = self.context.authorized_account()
        if found is None:
            return "", ""
        return found.account_id, found.account_name

    def client(self, *, as_seller: bool = True) -> TopClient:
        """A TOP client of the shop's app, calling as the seller (or as the app alone, for
        the message methods), through the shop's call budget. Close it after use."""
        session = self.access_token() if as_seller else None
        return top_client(self.settings, session=session, budget=self.budget())

    @contextlib.contextmanager
    def calling(self, *, as_seller: bool = True) -> Iterator[TopClient]:
        """A client for a stretch of calls, TOP's refusals turned into source errors."""
        with self.translated(), self.client(as_seller=as_seller) as client:
            yield client

    @contextlib.contextmanager
    def translated(self) -> Iterator[None]:
        """Turn TOP's refusals into the errors the sync engine acts on."""
        try:
            yield
        except TopAuthError as exc:
            self.context.log.warning("Taobao refused the session: %s", exc)
            if self._token_read_at is not None:  # the shop is no longer connected
                self.context.forget_authorization(RECONNECT, stored_before=self._token_read_at)
            raise SourceAuthExpired(RECONNECT) from exc
        except TopRateLimited as exc:
            raise SourceRateLimited(
                f"Taobao's call limit for this app is reached ({exc.sub_msg or exc.msg})",
                exc.retry_after,
            ) from exc
        except RateLimitExceeded as exc:
            raise SourceRateLimited(
                "this shop's share of the Taobao app's call budget is spent", exc.retry_after
            ) from exc
        except TopPermissionDenied as exc:
            part = next((p for prefix, p in PARTS if exc.method.startswith(prefix)), exc.method)
            raise SourcePermissionMissing(
                f"the Taobao app is not permitted to call {exc.method} "
                f"({exc.sub_code or f'code {exc.code}'}): {part} are not synced until the app "
                "is granted that permission on the Taobao Open Platform; the rest syncs"
            ) from exc
        except TopSignatureError as exc:
            raise TaobaoRefused(
                "Taobao refused the request signature (code 25): check the app secret and "
                "the sign method in the Taobao settings"
            ) from exc
        except TopUnavailable as exc:
            raise SourceError(f"Taobao is unavailable: {exc}") from exc
        except TopError as exc:
            if exc.code in (28, 29):
                raise TaobaoRefused(
                    f"Taobao does not know the AppKey {self.settings.app_key} (code {exc.code})"
                ) from exc
            raise SourceError(f"Taobao refused a call: {exc}") from exc

    # --- products ---------------------------------------------------------------------------

    def iter_products(
        self, *, since: datetime | None = None, checkpoint: str | None = None
    ) -> ProductStream:
        """The items on sale, then the delisted ones, each page followed by a checkpoint.

        A resumed listing (`checkpoint`) does not count the items again: the run knows its
        total already."""
        with self.calling() as client:
            if since is None:
                self.enable_messages(client)
            start = since.astimezone(CHINA) if since is not None else EARLIEST
            firsts: dict[str, Page] = {}
            if checkpoint is None:
                firsts = {
                    listing: self.listing_page(client, listing, start) for listing in LISTINGS
                }
                yield ExpectedTotal(sum(page.total or 0 for page in firsts.values()))
            resume_listing, cursor, skip = _resume_point(checkpoint, start)
            done: set[str] = set()
            for listing in LISTINGS[LISTINGS.index(resume_listing) :]:
                resumed = listing == resume_listing
                begin = cursor if resumed else start
                first = firsts.get(listing) if begin == start and not skip else None
                walked = self.walk(client, listing, begin, first, skip if resumed else 0)
                for rows, reached, read in walked:
                    yield from self.details(client, rows, listing, done)
                    yield Checkpoint(_checkpoint(listing, reached, read))

    def listing_page(
        self,
        client: TopClient,
        listing: str,
        start: datetime,
        page_no: int = 1,
        end: datetime | None = None,
    ) -> Page:
        """One page of a listing, oldest modification first, from `start` (to `end`)."""
        params = {
            "fields": LISTING_FIELDS,
            "start_modified": start,
            "end_modified": end,
            "order_by": "modified:asc",
            "banner": listing if listing != "onsale" else None,
        }
        return client.page(
            LISTING_METHODS[listing],
            params,
            rows="items",
            page_no=page_no,
            page_size=self.page_size,
        )

    def walk(
        self,
        client: TopClient,
        listing: str,
        start: datetime,
        first: Page | None = None,
        skip: int = 0,
    ) -> Iterator[tuple[list[dict[str, Any]], datetime, int]]:
        """The pages of a listing from `start`, by modified time: (rows, resume point, how
        many items of the resume point's second are read).

        Each page starts at the newest modification of the one before, leaving out the items
        already read at that second; a second holding more than a page of items is paged
        through by number. `skip` items of the second `start` were read before (a resumed
        listing): TOP cannot list from an item id, so the resume point is the modified time
        and the position in TOP's order within that second (``order_by=modified:asc``)."""
        cursor = start
        read_at_cursor: set[str] = set()
        page = first
        if skip >= self.page_size:  # resuming inside a second holding more than a page
            yield from self._same_second(client, listing, cursor, set(), skip)
            cursor, skip, page = cursor + timedelta(seconds=1), 0, None
        while True:
            if page is None:
                page = self.listing_page(client, listing, cursor)
            rows = page.rows
            if skip:
                read_at_cursor = {
                    str(r.get("num_iid")) for r in rows[:skip] if _modified(r) == cursor
                }
                skip = 0
            fresh = [r for r in rows if not self._read_at(r, cursor, read_at_cursor)]
            times = [t for t in (_modified(r) for r in rows) if t is not None]
            newest = max(times, default=cursor)
            full = len(rows) >= self.page_size
            if full and newest <= cursor:
                yield fresh, cursor, len(rows)
                yield from self._same_second(client, listing, cursor, read_at_cursor, len(rows))
                cursor, read_at_cursor, page = cursor + timedelta(seconds=1), set(), None
                continue
            at_newest = {str(r.get("num_iid")) for r in rows if _modified(r) == newest}
            read_at_cursor = at_newest | (read_at_cursor if newest == cursor else set())
            yield fresh, newest, len(read_at_cursor)
            if not full:
                return
            cursor, page = newest, None

    @staticmethod
    def _read_at(row: Mapping[str, Any], cursor: datetime, read: set[str]) -> bool:
        return str(row.get("num_iid")) in read and _modified(row) == cursor

    def _same_second(
        self, client: TopClient, listing: str, moment: datetime, read: set[str], offset: int
    ) -> Iterator[tuple[list[dict[str, Any]], datetime, int]]:
        """The items modified within the second `moment` after the first `offset` of them,
        page by page (with how many of that second are read after each)."""
        page_no, skip = divmod(offset, self.page_size)
        page_no += 1
        while True:
            page = self.listing_page(client, listing, moment, page_no, end=moment)
            rows = page.rows[skip:]
            skip = 0
            offset = (page_no - 1) * self.page_size + len(page.rows)
            yield [r for r in rows if str(r.get("num_iid")) not in read], moment, offset
            if len(page.rows) < self.page_size:
                return
            page_no += 1

    def details(
        self, client: TopClient, rows: Sequence[Mapping[str, Any]], listing: str, done: set[str]
    ) -> ProductStream:
        """The listed `rows` read in detail as products (each item once per run)."""
        wanted = []
        for row in rows:
            num_iid = str(row.get("num_iid") or "")
            if not num_iid.isdigit():
                yield RejectedRecord(num_iid or "an item", "the listing gave no usable num_iid")
            elif num_iid not in done:
                done.add(num_iid)
                wanted.append(num_iid)
        if wanted:
            items = client.iter_item_details(wanted, fields=ITEM_DETAIL_FIELDS)
            yield from self.products_of(items, listing)

    def products_of(
        self, items: Iterator[dict[str, Any]], listing: str = "onsale"
    ) -> Iterator[ProductRecord | RejectedRecord]:
        """Each detailed item as a `ProductRecord`, or a `RejectedRecord` saying why not."""
        for item in items:
            try:
                yield product_record(item, "onsale" if listing == "onsale" else "instock")
            except Unreadable as exc:
                reference = str(item.get("num_iid") or "an item")
                yield RejectedRecord(reference, f"unreadable Taobao item: {exc}")

    # --- categories and promotions -----------------------------------------------------------

    def iter_categories(
        self, *, since: datetime | None = None, checkpoint: str | None = None
    ) -> CategoryStream:
        """The seller's shop categories (all of them, whatever `since`)."""
        with self.calling() as client:
            rows = client.seller_categories()
            yield ExpectedTotal(len(rows))
            for row in rows:
                try:
                    yield category_record(row)
                except Unreadable as exc:
                    reference = str(row.get("cid") or "a category")
                    yield RejectedRecord(reference, f"unreadable Taobao category: {exc}")

    def iter_promotions(
        self, *, since: datetime | None = None, checkpoint: str | None = None
    ) -> PromotionStream:
        """The running and coming item and shop promotions (all of them, whatever `since`)."""
        with self.calling() as client:
            now = client.now()
            promoted = dict.fromkeys(self.promoted_items(client, now))
            asked = list(promoted) or self._any_item(client)
            in_item: dict[str, dict[str, Any]] = {}
            priced: dict[str, list[PromotionItem]] = {}
            broken: dict[str, str] = {}
            in_shop: dict[str, dict[str, Any]] = {}
            for item_id in asked:
                found = client.item_promotions(item_id)
                for entry in found.in_item:
                    key = str(entry.get("promotion_id") or "")
                    in_item.setdefault(key, entry)
                    try:
                        priced.setdefault(key, []).append(item_promotion(item_id, entry))
                    except Unreadable as exc:
                        broken.setdefault(key, f"item {item_id}: {exc}")
                for entry in found.in_shop:
                    in_shop.setdefault(str(entry.get("promotion_id") or ""), entry)
            yield ExpectedTotal(len(in_item) + len(in_shop))
            for level, entries in (("item", in_item), ("shop", in_shop)):
                for key, entry in entries.items():
                    if key in broken:
                        yield RejectedRecord(key, f"unreadable Taobao promotion: {broken[key]}")
                        continue
                    try:
                        record = promotion_record(entry, level, priced.get(key, ()))
                    except Unreadable as exc:
                        yield RejectedRecord(key or "a promotion", f"unreadable promotion: {exc}")
                        continue
                    if record.ends_at is None or record.ends_at > now:
                        yield record

    def promoted_items(self, client: TopClient, now: datetime) -> Iterator[str]:
        """The ids of the items in the shop's running or coming item discounts (an id may
        come more than once)."""
        every_item = False
        for activity in client.iter_promotion_activities():
            try:
                ends = parse_time(str(activity.get("end_time") or ""))
            except ValueError:
                ends = None
            if ends is not None and ends <= now:
                continue  # ended: its items are not asked about
            if str(activity.get("participate_range")) == "0":
                every_item = True
            elif activity.get("activity_id"):
                yield from client.activity_items(str(activity["activity_id"]))
        if every_item:
            for row in client.iter_items(fields="num_iid"):
                if row.get("num_iid"):
                    yield str(row["num_iid"])

    def _any_item(self, client: TopClient) -> list[str]:
        """One on-sale item's id (shop promotions are read through an item), if any."""
        page = client.page(
            LISTING_METHODS["onsale"], {"fields": "num_iid"}, rows="items", page_no=1, page_size=1
        )
        return [str(row["num_iid"]) for row in page.rows if row.get("num_iid")]

    # --- orders ---------------------------------------------------------------------------

    def iter_orders(
        self, *, since: datetime | None = None, checkpoint: str | None = None
    ) -> OrderStream:
        """Sold trades modified since `since` (the last three months when None), one day at
        a time, oldest first, with a checkpoint after each day."""
        with self.calling() as client:
            now = client.now()
            start = since.astimezone(CHINA) if since is not None else now - self.order_history
            if checkpoint:
                try:
                    start = max(start, parse_time(checkpoint))
                except ValueError:
                    log.warning("ignoring an unreadable Taobao checkpoint %r", checkpoint)
            done: set[str] = set()
            for window_start, window_end in time_windows(start, now, TRADES_WINDOW):
                for trade in client.iter_trades_modified(window_start, window_end):
                    tid = str(trade.get("tid") or "")
                    if tid in done:
                        continue  # read again at a window's edge
                    done.add(tid)
                    try:
                        yield order_record(trade)
                    except Unreadable as exc:
                        yield RejectedRecord(tid or "a trade", f"unreadable Taobao trade: {exc}")
                yield Checkpoint(format_time(window_end))

    # --- change messages -------------------------------------------------------------------

    def enable_messages(self, client: TopClient) -> None:
        """Have TMC keep the seller's item messages for this app, in the seller's own group.

        Idempotent (both calls may be repeated). A refusal other than the session's or the
        call limit is logged and leaves the sync to modified times and reconciliation."""
        if self._messages_enabled:
            return
        user_id, nick = self.seller()
        try:
            client.tmc_permit(sorted(ITEM_TOPICS))
            if user_id and nick:
                client.tmc_group_add(group_name(user_id), [nick])
        except (TopAuthError, TopRateLimited, TopUnavailable):
            raise
        except TopError as exc:
            self.context.log.warning("Taobao change messages are not available: %s", exc)
        self._messages_enabled = True

    def poll_changes(self, limit: int) -> list[Change]:
        """Up to `limit` pending item change messages of this seller, oldest first."""
        user_id, _ = self.seller()
        group = group_name(user_id) if user_id else None
        if not self._messages_enabled:
            with self.calling() as client:
                self.enable_messages(client)
        with self.calling(as_seller=False) as app:
            for _ in range(FOREIGN_POLLS):
                messages = app.tmc_consume(limit, group_name=group)
                if not messages:
                    return []
                changes: list[Change] = []
                ignored: list[int] = []
                for message in messages:
                    if user_id and message.user_id is not None and str(message.user_id) != user_id:
                        continue  # another seller's: left to its own shop (TMC delivers again)
                    change = self.change_of(message)
                    if change is None:
                        ignored.append(message.id)
                    else:
                        changes.append(change)
                if ignored:
                    app.tmc_confirm(ignored, group_name=group)
                if changes:
                    return changes
        return []

    def change_of(self, message: TmcMessage) -> Change | None:
        """The change a TMC message announces (None for a topic the source does not use)."""
        if message.topic not in ITEM_TOPICS:
            return None
        reference = f"message {message.id}"
        content = message.content or {}
        num_iid = str(content.get("num_iid") or "")
        try:
            published = parse_time(message.pub_time) if message.pub_time else None
        except ValueError:
            published = None
        if not num_iid.isdigit():
            return Change(
                id=str(message.id),
                entity=EntityKind.PRODUCT,
                external_id=reference,
                record=RejectedRecord(reference, f"a Taobao {message.topic} message names no item"),
            )
        return Change(
            id=str(message.id),
            entity=EntityKind.PRODUCT,
            external_id=num_iid,
            action="delete" if message.topic in DELETE_TOPICS else "upsert",
            modified_at=published,
        )

    def fetch(self, entity: EntityKind, external_ids: Sequence[str]) -> SourceStream:
        """The current state of items `external_ids` (`Deleted` for those TOP no longer has)."""
        if entity != EntityKind.PRODUCT:
            raise SourceUnsupported(f"the Taobao source cannot read a {entity} by id")
        wanted = [i for i in external_ids if i.isdigit()]
        for other in external_ids:
            if not other.isdigit():
                yield RejectedRecord(other, "not a Taobao item id")
        with self.calling() as client:
            answered: set[str] = set()
            for record in self.products_of(client.iter_item_details(wanted)):
                answered.add(
                    record.external_id if isinstance(record, ProductRecord) else record.reference
                )
                yield record
            for num_iid in wanted:
                if num_iid not in answered:
                    yield Deleted(num_iid)

    def confirm(self, change_ids: Sequence[str]) -> None:
        """Acknowledge the messages the engine stored."""
        user_id, _ = self.seller()
        group = group_name(user_id) if user_id else None
        with self.calling(as_seller=False) as app:
            app.tmc_confirm([int(i) for i in change_ids if i.isdigit()], group_name=group)

    def check(self) -> str:
        """Ask TOP for the shop's categories as the seller: the app, secret and session work."""
        with self.calling() as client:
            count = len(client.seller_categories())
        return f"connected to Taobao ({count} shop categories)"
