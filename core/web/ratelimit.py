"""Per-key token buckets for requests and for query cost: each API process limits each key on
its own.

A key may make `per_minute` requests a minute, and spend `cost_per_minute` of query cost (see
`cloudcat.schema.limits`: a cheap query costs a few units, a page of products some hundreds),
each with bursts up to the same number. A query's cost is charged once it is measured, before it
runs (`charge`), so a key may go into debt by one query; its next request then waits until the
debt is paid back.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict


class _Buckets:
    """Token buckets of `capacity` refilled at `capacity` a minute, one per key (LRU-bounded)."""

    def __init__(self, capacity: float, max_keys: int) -> None:
        self.capacity = capacity
        self.rate = capacity / 60.0
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, key: str, amount: float, *, needed: float) -> float:
        """Take `amount` if `needed` tokens are there (0.0), else the seconds until they are.

        With `needed` 0 the amount is always taken (the bucket may go below zero)."""
        now = time.monotonic()
        tokens, stamp = self._buckets.pop(key, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - stamp) * self.rate)
        wait = 0.0
        if needed <= 0 or tokens >= needed:
            tokens -= amount
        else:
            wait = (needed - tokens) / self.rate
        self._buckets[key] = (tokens, now)
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return wait


class RateLimiter:
    """Allows `per_minute` requests and `cost_per_minute` query cost per key."""

    def __init__(
        self, per_minute: int, cost_per_minute: int | None = None, max_keys: int = 100_000
    ) -> None:
        self._requests = _Buckets(float(per_minute), max_keys)
        self._cost = _Buckets(float(cost_per_minute), max_keys) if cost_per_minute else None
        self._lock = threading.Lock()

    def acquire(self, key: str) -> float:
        """Take one request for `key`: 0.0 if allowed, else the seconds to wait (for a request,
        or until the key's spent query cost is paid back)."""
        with self._lock:
            if self._cost is not None:
                debt = self._cost.take(key, 0.0, needed=1.0)
                if debt > 0:
                    return debt
            return self._requests.take(key, 1.0, needed=1.0)

    def charge(self, key: str, cost: int) -> None:
        """Spend `cost` of `key`'s query-cost budget (no-op without one)."""
        if self._cost is None:
            return
        with self._lock:
            self._cost.take(key, float(cost), needed=0.0)
