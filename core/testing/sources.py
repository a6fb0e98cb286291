"""The conformance suite of marketplace sources: the `MarketplaceSource` contract, checked.

Subclass `SourceConformance` in a test module (the name must start with ``Test``) and give it a
``source_factory`` fixture returning a `SourceFactory`: how to build your source for your test
data, which products that data holds, and (optionally) how to break it::

    from cloudcat.core.testing.sources import SourceConformance, SourceFactory

    class TestMySource(SourceConformance):
        @pytest.fixture
        def source_factory(self, enabled_plugin, my_fake_api):
            return SourceFactory(
                make=lambda: enabled_plugin("my_source", config={"url": my_fake_api.url}),
                products={"p1", "p2", "p3"},
            )

Checks: capabilities match the methods the source implements; a full listing yields every
product once (and well-formed markers); restarting from each `Checkpoint` gives the rest
without loss or duplicates, and nothing from before it; bad products come as
`RejectedRecord`, never as an exception; deleted products leave the listing (and `fetch`
answers `Deleted`); an expired authorization raises `SourceAuthExpired` and a persistent rate
limit `SourceRateLimited`. The checks whose hooks the factory leaves out are skipped, with the
reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from cloudcat.core.providers import MarketplaceSource
from cloudcat.core.sources import (
    CategoryRecord,
    Checkpoint,
    Deleted,
    EntityKind,
    ExpectedTotal,
    OrderRecord,
    ProductRecord,
    PromotionRecord,
    RejectedRecord,
    SourceAuthExpired,
    SourceCapability,
    SourceRateLimited,
)
from cloudcat.core.tenancy import connects_by_authorization

MAX_RESTARTS = 25
"""At most this many checkpoints are restarted from (spread over the listing)."""

LISTINGS: dict[str, tuple[str, type]] = {
    SourceCapability.PRODUCTS: ("iter_products", ProductRecord),
    SourceCapability.CATEGORIES: ("iter_categories", CategoryRecord),
    SourceCapability.PROMOTIONS: ("iter_promotions", PromotionRecord),
    SourceCapability.ORDERS: ("iter_orders", OrderRecord),
}
"""Each listing capability: its iterator method and the record type it yields."""

METHODS_OF: dict[str, tuple[str, ...]] = {
    SourceCapability.CATEGORIES: ("iter_categories",),
    SourceCapability.PROMOTIONS: ("iter_promotions",),
    SourceCapability.ORDERS: ("iter_orders",),
    SourceCapability.CHANGE_MESSAGES: ("poll_changes", "confirm", "fetch"),
    SourceCapability.WEBHOOKS: ("verify_webhook", "fetch"),
}
"""The methods a capability needs (the base class's defaults raise `SourceUnsupported`)."""


@dataclass
class SourceFactory:
    """How the suite reaches a source and its test data.

    `make` builds a fresh source (one sync run) over the test data. `products` are the
    external ids a full listing yields as `ProductRecord`s, `rejected` those it yields as
    `RejectedRecord`s (broken on purpose by the test data). The hooks, each optional, change
    the test data: `delete_product(id)` deletes a product on the marketplace,
    `expire_authorization()` makes it refuse the authorization, `exhaust_rate_limit()` makes
    its rate limit persist past the source's own retries.
    """

    make: Callable[[], MarketplaceSource]
    products: Collection[str]
    rejected: Collection[str] = ()
    delete_product: Callable[[str], None] | None = None
    expire_authorization: Callable[[], None] | None = None
    exhaust_rate_limit: Callable[[], None] | None = None


def reference_of(item: object) -> str | None:
    """The external id of a record or `Deleted`, the reference of a `RejectedRecord`."""
    if isinstance(item, RejectedRecord):
        return item.reference
    external_id = getattr(item, "external_id", None)
    return external_id if isinstance(external_id, str) else None


def listing(source: MarketplaceSource, method: str, checkpoint: str | None = None) -> list[Any]:
    """Everything `source.<method>()` yields for a full listing (resumed at `checkpoint`)."""
    stream: Iterator[Any] = getattr(source, method)(since=None, checkpoint=checkpoint)
    return list(stream)


def objects_after(items: list[Any], position: int) -> list[str]:
    """The references of the objects `items` yields after index `position`."""
    found = (reference_of(item) for item in items[position + 1 :])
    return [ref for ref in found if ref is not None]


def product_ids(items: list[Any]) -> list[str]:
    """The external ids of the `ProductRecord`s in `items`, in order."""
    return [item.external_id for item in items if isinstance(item, ProductRecord)]


def _declared_listings(source: MarketplaceSource) -> list[tuple[str, str, type]]:
    return [
        (capability, method, record)
        for capability, (method, record) in LISTINGS.items()
        if capability in source.capabilities
    ]


class SourceConformance:
    """The checks every marketplace source passes; subclass it with a ``source_factory``."""

    def test_capabilities_match_the_implemented_methods(
        self, source_factory: SourceFactory
    ) -> None:
        """Each declared capability's methods are implemented, and each implemented optional
        method is declared (the engine calls only what `capabilities` names)."""
        source = source_factory.make()
        kind = type(source)
        assert isinstance(source, MarketplaceSource)
        known = {capability.value for capability in SourceCapability}
        assert set(kind.capabilities) <= known, f"unknown capabilities: {kind.capabilities}"
        assert SourceCapability.PRODUCTS in kind.capabilities, "every source lists products"
        for capability, methods in METHODS_OF.items():
            implemented = [m for m in methods if _overrides(kind, m)]
            if capability in kind.capabilities:
                missing = sorted(set(methods) - set(implemented))
                assert not missing, f"{capability} is declared but {missing} is not implemented"
        for method in ("iter_categories", "iter_promotions", "iter_orders", "poll_changes"):
            if _overrides(kind, method):
                needing = [c for c, ms in METHODS_OF.items() if method in ms]
                assert any(c in kind.capabilities for c in needing), (
                    f"{method} is implemented but none of {needing} is declared"
                )
        if _overrides(kind, "verify_webhook"):
            assert SourceCapability.WEBHOOKS in kind.capabilities, "verify_webhook undeclared"
        assert (SourceCapability.OAUTH in kind.capabilities) == connects_by_authorization(kind), (
            "declare oauth exactly when the source implements the one-click authorization"
        )

    def test_a_full_listing_yields_every_product_once(self, source_factory: SourceFactory) -> None:
        """A full listing yields each product exactly once (rejected ones as `RejectedRecord`),
        only records of its kind and the documented markers, `ExpectedTotal` before any."""
        items = listing(source_factory.make(), "iter_products")
        ids = product_ids(items)
        duplicates = sorted(ref for ref, n in Counter(ids).items() if n > 1)
        assert not duplicates, f"products yielded more than once: {duplicates}"
        assert set(ids) == set(source_factory.products), "the listing is not the test data"
        rejected = {item.reference for item in items if isinstance(item, RejectedRecord)}
        assert rejected == set(source_factory.rejected), "unexpected RejectedRecords"
        source = source_factory.make()
        for _, method, record in _declared_listings(source):
            found = items if method == "iter_products" else listing(source, method)
            _check_stream(found, record, method)

    def test_restarting_from_each_checkpoint_gives_the_rest(
        self, source_factory: SourceFactory
    ) -> None:
        """Resuming at each `Checkpoint` of a full listing yields everything after it, each
        object once, and nothing that came before it (the engine resumes killed runs this
        way, and has stored those already): a source that ignores its checkpoint, or reads
        the page before it again, fails. A cursor of modification times leaves out the
        objects it read at its boundary time (the Taobao source keeps how many in its token)."""
        source = source_factory.make()
        restarted = 0
        for _, method, _record in _declared_listings(source):
            items = listing(source, method)
            marks = [n for n, item in enumerate(items) if isinstance(item, Checkpoint)]
            step = max(1, len(marks) // MAX_RESTARTS)
            for index in range(0, len(marks), step):
                position, token = marks[index], items[marks[index]].token
                rest = objects_after(items, position)
                resumed = [
                    ref
                    for ref in map(reference_of, listing(source_factory.make(), method, token))
                    if ref is not None
                ]
                where = f"{method}(checkpoint={token!r})"
                twice = sorted(ref for ref, n in Counter(resumed).items() if n > 1)
                assert not twice, f"{where} yielded these twice: {twice}"
                lost = sorted(set(rest) - set(resumed))
                assert not lost, f"{where} lost what came after the checkpoint: {lost}"
                again = sorted(set(resumed) - set(rest))
                assert not again, f"{where} yielded again what came before it: {again}"
                restarted += 1
        if not restarted:
            pytest.skip("the source yields no Checkpoint (it restarts from the beginning)")

    def test_bad_products_are_rejected_not_raised(self, source_factory: SourceFactory) -> None:
        """A product that cannot be read is a `RejectedRecord` naming it, and the listing goes
        on with the others."""
        if not source_factory.rejected:
            pytest.skip("the test data has no broken product (SourceFactory.rejected)")
        items = listing(source_factory.make(), "iter_products")
        rejections = [item for item in items if isinstance(item, RejectedRecord)]
        assert {r.reference for r in rejections} == set(source_factory.rejected)
        assert all(r.reason.strip() for r in rejections), "a rejection gives its reason"
        assert set(product_ids(items)) == set(source_factory.products)

    def test_a_deleted_product_leaves_the_listing(self, source_factory: SourceFactory) -> None:
        """After a product is deleted on the marketplace a full listing no longer yields it
        (or yields `Deleted`), and `fetch`, when supported, answers `Deleted` for it."""
        if source_factory.delete_product is None:
            pytest.skip("the factory cannot delete a product (SourceFactory.delete_product)")
        gone, *kept = sorted(source_factory.products)
        source_factory.delete_product(gone)
        source = source_factory.make()
        items = listing(source, "iter_products")
        assert set(product_ids(items)) == set(kept)
        if _overrides(type(source), "fetch"):
            answers = list(source.fetch(EntityKind.PRODUCT, [gone, *kept[:1]]))
            deleted = [a.external_id for a in answers if isinstance(a, Deleted)]
            assert deleted == [gone], f"fetch did not answer Deleted for {gone}"
            found = [a.external_id for a in answers if isinstance(a, ProductRecord)]
            assert found == kept[:1], "fetch did not answer the product that still exists"

    def test_an_expired_authorization_raises_source_auth_expired(
        self, source_factory: SourceFactory
    ) -> None:
        """When the marketplace refuses the authorization, listing raises `SourceAuthExpired`
        (the engine then asks the seller to reconnect instead of retrying)."""
        if source_factory.expire_authorization is None:
            pytest.skip("the factory cannot expire the authorization")
        source = source_factory.make()
        source_factory.expire_authorization()
        with pytest.raises(SourceAuthExpired):
            listing(source, "iter_products")

    def test_a_persistent_rate_limit_raises_source_rate_limited(
        self, source_factory: SourceFactory
    ) -> None:
        """When the rate limit persists past the source's retries, listing raises
        `SourceRateLimited` (with a non-negative `retry_after` when one is given)."""
        if source_factory.exhaust_rate_limit is None:
            pytest.skip("the factory cannot exhaust the rate limit")
        source = source_factory.make()
        source_factory.exhaust_rate_limit()
        with pytest.raises(SourceRateLimited) as raised:
            listing(source, "iter_products")
        assert raised.value.retry_after is None or raised.value.retry_after >= 0


def _overrides(kind: type[MarketplaceSource], method: str) -> bool:
    """True when `kind` implements `method` itself rather than inheriting the default."""
    return getattr(kind, method) is not getattr(MarketplaceSource, method)


def _check_stream(items: list[Any], record: type, method: str) -> None:
    """Only `record`s and markers; at most one `ExpectedTotal`, before any record; each
    object once; checkpoint tokens are non-empty text."""
    markers = (RejectedRecord, Deleted, Checkpoint, ExpectedTotal)
    strange = [type(item).__name__ for item in items if not isinstance(item, (record, *markers))]
    assert not strange, f"{method} yielded {strange}"
    totals = [n for n, item in enumerate(items) if isinstance(item, ExpectedTotal)]
    assert len(totals) <= 1, f"{method} yielded several ExpectedTotal"
    if totals:
        first_record = next((n for n, i in enumerate(items) if isinstance(i, record)), len(items))
        assert totals[0] < first_record, f"{method} yielded ExpectedTotal after a record"
    ids = [str(reference_of(item)) for item in items if isinstance(item, record)]
    duplicates = sorted(ref for ref, n in Counter(ids).items() if n > 1)
    assert not duplicates, f"{method} yielded these more than once: {duplicates}"
    tokens = [item.token for item in items if isinstance(item, Checkpoint)]
    assert all(isinstance(t, str) and t for t in tokens), f"{method}: empty checkpoint token"
