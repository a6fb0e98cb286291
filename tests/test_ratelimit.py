"""The shared call budget (`cloudcat.core.ratelimit`): fair shares per shop, limits that hold
across threads and processes, and the marketplace's bans told to every worker.

Time is never asserted: the simulations run on a manual clock, and the tests over real
sockets count the calls per window in the TOP fake's own log."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from cloudcat.core.http import http_session
from cloudcat.core.ratelimit import (
    COLLECTION,
    RateLimit,
    RateLimitExceeded,
    SharedRateLimiter,
)
from cloudcat.core.storage.database import RawDatabase
from cloudcat.plugins.taobao.client import TopClient
from tests.fakes.server import FakeRequest, FakeResponse, LoopbackServer
from tests.fakes.taobao import ManualClock, TaobaoFake

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Caller:
    """One worker of a shop that calls as often as the budget lets it."""

    shop: str
    next_at: float = 0.0
    stops_at: float = float("inf")


def simulate(
    limiter: SharedRateLimiter, clock: ManualClock, callers: list[Caller], until: float
) -> list[tuple[float, str]]:
    """Run `callers` on the manual clock until `until`; the (time, shop) of every granted call.

    Callers ask again at once after a grant and when told after a refusal; the first in the
    list wins ties (the big shop's workers come first: the worst case for the small one)."""
    start = clock.now
    granted: list[tuple[float, str]] = []
    while True:
        waiting = [c for c in callers if c.next_at < min(until, c.stops_at)]
        if not waiting:
            return granted
        caller = min(waiting, key=lambda c: c.next_at)
        clock.now = start + caller.next_at
        wait = limiter.try_acquire(caller.shop)
        if wait == 0:
            granted.append((caller.next_at, caller.shop))
        else:
            caller.next_at += wait


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(start=1_800_000_000.0)


def test_a_big_shop_with_many_workers_cannot_starve_a_small_one(
    db: RawDatabase, clock: ManualClock
) -> None:
    rate, burst = 10.0, 5.0
    limiter = SharedRateLimiter(db, "test:app", RateLimit(rate, burst), clock=clock)
    callers = [Caller("big") for _ in range(4)] + [Caller("small", stops_at=20.0)]

    granted = simulate(limiter, clock, callers, until=40.0)

    assert len(granted) <= rate * 40 + burst  # the app's budget holds
    contended = [shop for at, shop in granted if at < 20.0]
    small = contended.count("small")
    assert small >= 0.45 * len(contended)  # half each, though the big shop has 4 workers
    alone = [shop for at, shop in granted if 31.0 <= at < 40.0]
    assert set(alone) == {"big"} and len(alone) >= 0.95 * rate * 9  # then it gets it all


def test_a_shop_alone_gets_the_whole_burst_at_once(db: RawDatabase, clock: ManualClock) -> None:
    limiter = SharedRateLimiter(db, "test:app", RateLimit(2.0, 5.0), clock=clock)
    assert [limiter.try_acquire("only") for _ in range(5)] == [0.0] * 5
    wait = limiter.try_acquire("only")
    assert wait == pytest.approx(0.5)  # one token more takes 1 / rate
    clock.advance(wait)
    assert limiter.try_acquire("only") == 0.0
    state = limiter.state()
    assert state is not None and set(state.shops) == {"only"}


def test_a_ban_the_marketplace_announced_holds_for_every_shop(
    db: RawDatabase, clock: ManualClock
) -> None:
    limiter = SharedRateLimiter(db, "test:app", RateLimit(100.0, 10.0), clock=clock)
    other_worker = SharedRateLimiter(db, "test:app", RateLimit(100.0, 10.0), clock=clock)
    limiter.penalize(3.0)
    assert other_worker.try_acquire("another shop") == pytest.approx(3.0)
    clock.advance(3.0)
    assert other_worker.try_acquire("another shop") == 0.0
    assert SharedRateLimiter(db, "other:app", RateLimit(1.0), clock=clock).try_acquire("x") == 0


def test_waiting_longer_than_allowed_raises_with_the_wait(
    db: RawDatabase, clock: ManualClock
) -> None:
    limiter = SharedRateLimiter(
        db, "test:app", RateLimit(1.0), clock=clock, sleep=clock.sleep, max_wait=5.0
    )
    limiter.penalize(30.0)
    with pytest.raises(RateLimitExceeded) as caught:
        limiter.acquire("shop")
    assert caught.value.retry_after == pytest.approx(30.0) and caught.value.code == "RATE_LIMITED"
    patient = SharedRateLimiter(db, "test:app", RateLimit(1.0), clock=clock, sleep=clock.sleep)
    assert patient.acquire("shop") == pytest.approx(30.0)  # slept in steps, then went


def test_limits_are_checked() -> None:
    with pytest.raises(ValueError):
        RateLimit(0)
    with pytest.raises(ValueError):
        RateLimit(1.0, burst=0.5)


# --- over real sockets ------------------------------------------------------------------------


@pytest.fixture
def fake() -> Iterator[TaobaoFake]:
    with TaobaoFake(items=3, skus=1, trades=0) as server:
        yield server


def busiest_second(fake: TaobaoFake) -> int:
    """The most calls the fake received within any one second."""
    times = sorted(call.at for call in fake.timeline)
    return max(
        (sum(1 for t in times[i:] if t < start + 1.0) for i, start in enumerate(times)),
        default=0,
    )


def test_the_budget_holds_across_threads(db: RawDatabase, fake: TaobaoFake) -> None:
    rate, burst, calls = 20.0, 2.0, 16
    sessions = [fake.issue_session() for _ in range(3)]

    def worker(shop: str, session: str) -> None:
        limiter = SharedRateLimiter(db, f"taobao:{fake.app_key}", RateLimit(rate, burst))
        with TopClient(
            fake.app_key,
            fake.app_secret,
            session=session,
            gateway_url=fake.gateway_url,
            budget=limiter.for_shop(shop),
        ) as client:
            for _ in range(calls):
                client.count_items()

    threads = [
        threading.Thread(target=worker, args=(f"shop-{n}", s)) for n, s in enumerate(sessions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(fake.calls) == 3 * calls
    assert busiest_second(fake) <= rate + burst + 1
    assert db[COLLECTION].count_documents({}) == 1


def test_the_budget_holds_across_processes_and_both_progress(
    db: RawDatabase, fake: TaobaoFake, mongo_uri: str, database_name: str
) -> None:
    rate, burst, calls = 20.0, 2.0, 25
    other = fake.add_seller(3_300_112_233, "茶山小铺", items=2, trades=0)
    sellers = {"shop-a": fake.seller.user_id, "shop-b": other.user_id}
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.ratelimit_child",
                *(mongo_uri, database_name, fake.gateway_url, fake.app_key, fake.app_secret),
                *(fake.issue_session(user_id=user_id), shop, str(calls), str(rate), str(burst)),
            ],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        for shop, user_id in sellers.items()
    ]
    for child in children:
        assert child.wait(timeout=60) == 0
    first = [c.at for c in fake.calls_of(fake.seller.user_id)]
    second = [c.at for c in fake.calls_of(other.user_id)]
    assert len(first) == len(second) == calls
    assert fake.calls_of(code=7) == []
    assert busiest_second(fake) <= rate + burst + 1  # one budget for both processes
    overlap = (max(min(first), min(second)), min(max(first), max(second)))
    assert overlap[0] < overlap[1]  # they ran at the same time...
    during = [t for t in first + second if overlap[0] <= t <= overlap[1]]
    from_first = [t for t in first if overlap[0] <= t <= overlap[1]]
    assert 0.3 <= len(from_first) / len(during) <= 0.7  # ...sharing the budget


class Crowded(LoopbackServer):
    """Answers 429 with ``Retry-After: 7`` to the first request, then 200."""

    def handle(self, request: FakeRequest) -> FakeResponse:
        if len(self.requests) == 1:
            return FakeResponse(429, b"slow down", {"Retry-After": "7"})
        return FakeResponse(200, b"ok")


def test_http_sessions_draw_on_a_budget_and_pass_on_429s(
    db: RawDatabase, clock: ManualClock
) -> None:
    limiter = SharedRateLimiter(
        db, "rest:shop.example", RateLimit(50.0, 5.0), clock=clock, sleep=clock.sleep
    )
    with Crowded() as server, http_session(retries=0, budget=limiter.for_shop("s1")) as http:
        assert http.get(server.url("/products")).status_code == 429
        state = limiter.state()
        assert state is not None and state.blocked_until == pytest.approx(clock.now + 7.0)
        assert state.shops["s1"]["seen"] == clock.now  # the request took a token first
        assert http.get(server.url("/products")).status_code == 200
    assert clock.slept and sum(clock.slept) == pytest.approx(7.0)  # waited out the 429
