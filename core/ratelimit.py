"""Rate limiting of outgoing marketplace calls, shared by every worker through MongoDB.

A marketplace gives an app (one app key, one set of API credentials) a call budget: Taobao
refuses calls beyond it with code 7 and a ban, Shopify and WooCommerce answer 429. Every shop
that uses the app draws on that one budget, from whichever worker process syncs it. So the
budget is kept in the database, one document per budget (collection ``rate_limits``, ``_id``
the budget's key, e.g. ``taobao:<app key>``), and every call first takes a token from it:

* **the app bucket**: a token bucket holding up to `RateLimit.burst` tokens, refilled at
  `RateLimit.rate` tokens a second; a call takes one token;
* **a fair share per shop**: every shop that asked for a token within the last
  `active_window` seconds is *active*, and with *n* active shops each one's own bucket fills at
  ``rate / n`` (holding up to ``max(1, burst / n)``). A call needs a token of its shop's
  share as well, so one big shop cannot starve the others: while several shops sync, each gets
  its share of the app's budget;
* **no waste**: tokens of the app bucket beyond what all active shops' shares hold may be
  *borrowed* by any shop, so a shop syncing alone gets the whole budget, and a share left
  unused by a shop between two calls goes to the others;
* **the marketplace's own answer**: `penalize` records a ban the marketplace announced (a
  Taobao code 7 "This ban will last for N more seconds", a 429 with ``Retry-After``); no
  worker sends a call of that app before it is over.

Each decision reads the document, computes the new state and writes it back only if nobody
changed it meanwhile (compare-and-swap on a version number), so the limits hold across threads
and processes without any lock. Clocks are the machines' wall clocks (`time.time`), which the
workers sharing a database must agree on within a fraction of a second, as NTP keeps them.

Sources use it through `ShopBudget` (``limiter.for_shop(shop_id)``), whose `acquire()` blocks
until the call may go, and raises `RateLimitExceeded` (with ``retry_after``) rather than wait
longer than `max_wait`: a source then stops with `SourceRateLimited`, and its sync resumes
later from its last checkpoint.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from pymongo.collection import Collection
from pymongo.errors import DuplicateKeyError

from cloudcat.core.errors import CloudCatError
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.storage.retry import call_with_retries

COLLECTION = "rate_limits"
ACTIVE_WINDOW = 3.0
"""Seconds a shop stays active (holding a share) after its last request for a token: longer
than a waiting shop sleeps between two requests (`MAX_STEP`), short enough that a shop which
stopped calling soon leaves its share to the others."""
MAX_STEP = 1.0
"""The longest single sleep while waiting for a token: a waiting shop asks again at least this
often, which keeps it active and lets it go as soon as other shops leave."""
MAX_WAIT = 120.0
"""By default, `acquire` raises `RateLimitExceeded` rather than wait longer than this."""
MIN_WAIT = 0.001


@dataclass(frozen=True)
class RateLimit:
    """A call budget: `rate` calls a second on average, at most `burst` at once."""

    rate: float
    burst: float = 1.0

    def __post_init__(self) -> None:
        if self.rate <= 0:
            raise ValueError("a rate limit needs a positive rate")
        if self.burst < 1:
            raise ValueError("a rate limit's burst is at least one call")


class RateLimitExceeded(CloudCatError):
    """Waiting for a call's token would take longer than the caller allows.

    `retry_after` is how many more seconds the budget said to wait."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message, "RATE_LIMITED")
        self.retry_after = retry_after


class CallBudget(Protocol):
    """What an API client asks before each call (see `ShopBudget`)."""

    def acquire(self) -> float:
        """Block until one call may be sent; return the seconds waited."""
        ...

    def penalize(self, seconds: float) -> None:
        """The marketplace refused a call and asked to wait `seconds`: nobody calls before."""
        ...


@dataclass
class BudgetState:
    """The shared state of one budget at one moment (what the document holds)."""

    tokens: float
    at: float
    blocked_until: float = 0.0
    shops: dict[str, dict[str, float]] = field(default_factory=dict)
    """Active shop id -> ``{"t": tokens of its share, "seen": last request}``."""

    @classmethod
    def load(cls, doc: Mapping[str, Any] | None, limit: RateLimit, now: float) -> BudgetState:
        """The state stored in `doc` (a full bucket when there is none)."""
        if doc is None:
            return cls(tokens=limit.burst, at=now)
        shops = doc.get("shops") or {}
        return cls(
            tokens=float(doc.get("tokens", limit.burst)),
            at=float(doc.get("at", now)),
            blocked_until=float(doc.get("blocked_until", 0.0)),
            shops={
                str(k): {"t": float(v.get("t", 0.0)), "seen": float(v.get("seen", 0.0))}
                for k, v in shops.items()
                if isinstance(v, Mapping)
            },
        )

    def as_fields(self) -> dict[str, Any]:
        """The state as document fields."""
        return {
            "tokens": self.tokens,
            "at": self.at,
            "blocked_until": self.blocked_until,
            "shops": self.shops,
        }

    def refill(self, limit: RateLimit, now: float, shop: str, window: float) -> dict[str, float]:
        """Bring the state to `now` with `shop` active; return `shop`'s share entry."""
        elapsed = max(0.0, now - self.at)
        self.at = max(self.at, now)
        self.shops = {k: v for k, v in self.shops.items() if now - v["seen"] <= window}
        mine = self.shops.setdefault(shop, {"t": 0.0, "seen": now})
        mine["seen"] = max(mine["seen"], now)
        count = len(self.shops)
        share_rate = limit.rate / count
        share_cap = max(1.0, limit.burst / count)
        for entry in self.shops.values():
            entry["t"] = min(share_cap, entry["t"] + elapsed * share_rate)
        self.tokens = min(limit.burst, self.tokens + elapsed * limit.rate)
        return mine

    def take(self, limit: RateLimit, now: float, shop: str, window: float) -> float:
        """Take a token for `shop` if it may call now (0.0), else the seconds to wait."""
        mine = self.refill(limit, now, shop, window)
        if self.blocked_until > now:
            return self.blocked_until - now
        if self.tokens >= 1 and mine["t"] >= 1:
            self.tokens -= 1
            mine["t"] -= 1
            return 0.0
        reserved = sum(entry["t"] for entry in self.shops.values())
        if self.tokens >= 1 and self.tokens - 1 >= reserved:
            self.tokens -= 1  # borrowed from what no active shop holds
            return 0.0
        share_rate = limit.rate / len(self.shops)
        wait_app = (1 - self.tokens) / limit.rate if self.tokens < 1 else 0.0
        wait_share = (1 - mine["t"]) / share_rate if mine["t"] < 1 else 0.0
        return max(MIN_WAIT, wait_app, wait_share)


class SharedRateLimiter:
    """One call budget (`limit`) shared by every worker, with a fair share per shop.

    `key` names the budget (e.g. ``taobao:<app key>``): every limiter built with the same key
    on the same database draws on the same tokens. See the module docstring.
    """

    def __init__(
        self,
        db: RawDatabase,
        key: str,
        limit: RateLimit,
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        max_wait: float = MAX_WAIT,
        active_window: float = ACTIVE_WINDOW,
    ) -> None:
        self.key = key
        self.limit = limit
        self.clock = clock
        self.sleep = sleep
        self.max_wait = max_wait
        self.active_window = max(active_window, 3 * MAX_STEP)
        self.collection: Collection[dict[str, Any]] = db[COLLECTION]

    def for_shop(self, shop_id: str) -> ShopBudget:
        """The `CallBudget` of one shop."""
        return ShopBudget(self, str(shop_id))

    def _window(self, shops: int) -> float:
        """How long a shop stays active: longer than the wait for its share can be."""
        return max(self.active_window, 2 * (shops + 1) / self.limit.rate + MAX_STEP)

    def try_acquire(self, shop_id: str) -> float:
        """Take a token for `shop_id` if it may call now (0.0), else the seconds to wait.

        Asking keeps the shop active (it holds a share) for `active_window` seconds."""
        while True:
            doc = call_with_retries(lambda: self.collection.find_one({"_id": self.key}))
            now = self.clock()
            state = BudgetState.load(doc, self.limit, now)
            wait = state.take(self.limit, now, str(shop_id), self._window(len(state.shops)))
            if self._store(doc, state):
                return wait

    def acquire(self, shop_id: str) -> float:
        """Block until `shop_id` may send one call; return the seconds waited.

        Raises `RateLimitExceeded` instead of waiting longer than `max_wait` in all."""
        waited = 0.0
        while True:
            wait = self.try_acquire(shop_id)
            if wait <= 0:
                return waited
            if waited + wait > self.max_wait:
                raise RateLimitExceeded(
                    f"the call budget {self.key} is spent for {wait:.0f} more seconds", wait
                )
            step = min(wait, MAX_STEP)
            self.sleep(step)
            waited += step

    def penalize(self, seconds: float) -> None:
        """Let no worker call before `seconds` from now (the marketplace announced a ban)."""
        while True:
            doc = call_with_retries(lambda: self.collection.find_one({"_id": self.key}))
            now = self.clock()
            state = BudgetState.load(doc, self.limit, now)
            state.blocked_until = max(state.blocked_until, now + max(0.0, seconds))
            if self._store(doc, state):
                return

    def state(self) -> BudgetState | None:
        """The stored state of the budget (None before its first use)."""
        doc = self.collection.find_one({"_id": self.key})
        return None if doc is None else BudgetState.load(doc, self.limit, self.clock())

    def _store(self, doc: Mapping[str, Any] | None, state: BudgetState) -> bool:
        """Write `state` if the document is still `doc`; False when another worker won."""
        if doc is None:
            try:
                call_with_retries(
                    lambda: self.collection.insert_one(
                        {"_id": self.key, "v": 1, **state.as_fields()}
                    )
                )
            except DuplicateKeyError:
                return self._lost()
            return True
        version = doc.get("v")
        result = call_with_retries(
            lambda: self.collection.update_one(
                {"_id": self.key, "v": version},
                {"$set": {**state.as_fields(), "v": int(version or 0) + 1}},
            )
        )
        return result.matched_count == 1 or self._lost()

    def _lost(self) -> bool:
        """Another worker changed the budget first: back off a moment, then try again."""
        time.sleep(random.uniform(0, 0.002))
        return False


@dataclass(frozen=True)
class ShopBudget:
    """A shop's view of a `SharedRateLimiter`: the `CallBudget` its API client uses."""

    limiter: SharedRateLimiter
    shop_id: str

    def acquire(self) -> float:
        """See `SharedRateLimiter.acquire`."""
        return self.limiter.acquire(self.shop_id)

    def penalize(self, seconds: float) -> None:
        """See `SharedRateLimiter.penalize`."""
        self.limiter.penalize(seconds)


__all__ = [
    "COLLECTION",
    "BudgetState",
    "CallBudget",
    "RateLimit",
    "RateLimitExceeded",
    "SharedRateLimiter",
    "ShopBudget",
]
