"""The sync engine: full, incremental and reconciliation runs, change messages and webhooks.

`run_sync(shop, source)` runs one sync of one marketplace source into one shop:

* the **kind** is planned from the source's sync state unless asked for: a *full* sync when
  the source never completed one, a *reconcile* pass (a full listing that catches whatever
  incremental syncs missed) once the last complete one is older than the source's
  `reconcile_interval`, else an *incremental* sync: pending change messages first (sources with
  ``change_messages``), then every entity modified since its watermark (``incremental``);
* entities are synced in order (categories, products, promotions, orders), each read from its
  `iter_*` iterator and stored in idempotent, order-safe batches (`EntityWriter`): an unchanged
  catalog is not written at all;
* a complete listing (full/reconcile, or an entity without a watermark yet) removes what the
  source no longer lists: products and categories are delisted, promotions deleted;
* checkpoints the source yields are persisted (at most one per `checkpoint_interval`) once
  everything before them is stored, so a run killed at any point resumes from its last stored
  checkpoint and ends with the same catalog as an uninterrupted run (see
  `cloudcat.core.catalog.ledger`);
* a bad record fails alone, with its reason in the ledger; an error of the source stops the run
  (what was stored stays stored, the run stays resumable) and is raised as `SyncFailed` with a
  message a seller can act on;
* observers (`cloudcat_catalog_changed`) hear what changed.

`apply_changes(shop, source, changes)` applies the changes of a webhook delivery the same way
(duplicates and out-of-order deliveries change nothing wrongly) and records a ``changes`` run
when something changed or failed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from bson import ObjectId
from pymongo.errors import PyMongoError

from cloudcat.core import site_version
from cloudcat.core.catalog.entities import BY_KIND, EntitySpec, supported
from cloudcat.core.catalog.ledger import (
    DEFAULT_LEASE,
    Chunk,
    Ledger,
    RunHandle,
    SyncLeaseLost,
    record_changes_run,
)
from cloudcat.core.catalog.records import RecordProblem, external_id, identify, moment
from cloudcat.core.catalog.report import SyncFailed, SyncReport
from cloudcat.core.catalog.writer import EntityWriter, Pending
from cloudcat.core.documents import Shop
from cloudcat.core.documents.base import utcnow
from cloudcat.core.errors import BadInput, CloudCatError, PluginFailure
from cloudcat.core.providers import MarketplaceSource
from cloudcat.core.sources import (
    Change,
    Checkpoint,
    Deleted,
    EntityKind,
    ExpectedTotal,
    RejectedRecord,
    SourceAuthExpired,
    SourceCapability,
    SourcePermissionMissing,
    SourceRateLimited,
    SourceUnsupported,
)
from cloudcat.core.tenancy import ShopPlugins

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int | None, str], None]
"""Called as ``progress(done, total_or_None, message)`` as records are written: after each batch
and checkpoint, and at least every `PROGRESS_SECONDS` while records come in."""
InterruptCheck = Callable[[], None]
"""Called at each record (and batch of change messages); raises to stop the run (a cancelled
job raises `JobCancelled`). What the run stored until then is kept and it stays resumable."""

RUN_KINDS = ("full", "incremental", "reconcile")
BATCH_SIZE = 500
MAX_MESSAGES_PER_RUN = 10_000
CHECKPOINT_INTERVAL = 2.0
"""Seconds between two checkpoints the engine stores (those in between are skipped: a killed
run then re-reads at most this long a stretch)."""
CHANGES_STEP = "changes"
PROGRESS_SECONDS = 0.5
"""While records come in, what is read is written and reported at least this often."""


def describe_failure(error: BaseException, source: str) -> tuple[str, str]:
    """The message a seller sees for `error` stopping a sync of `source`, and its code."""
    if isinstance(error, SourceAuthExpired):
        return str(error), "SOURCE_AUTH_EXPIRED"
    if isinstance(error, SourceRateLimited):
        when = f"in {round(error.retry_after, 1):g} seconds" if error.retry_after else "later"
        return (
            f"the marketplace is limiting how fast this shop is read ({error}); "
            f"the sync goes on {when} from where it stopped",
            "SOURCE_RATE_LIMITED",
        )
    if isinstance(error, CloudCatError):
        return str(error), error.code
    if isinstance(error, PyMongoError):
        return "the database could not be reached; the sync will go on from where it stopped", (
            "DATABASE_ERROR"
        )
    if not isinstance(error, Exception):
        return "the sync was stopped; it will go on from where it stopped", "INTERRUPTED"
    return f"the {source} source failed: {type(error).__name__}: {error}", "PLUGIN_ERROR"


def _guarded(items: Iterable[Any], source: str) -> Iterator[Any]:
    """The source's items; an exception other than a CloudCat error names the source."""
    iterator = iter(items)
    while True:
        try:
            item = next(iterator)
        except StopIteration:
            return
        except CloudCatError:
            raise
        except Exception as exc:
            raise PluginFailure(f"the {source} source failed: {type(exc).__name__}: {exc}") from exc
        yield item


def _deletion(eid: str, modified_at: datetime | None) -> Pending:
    return Pending(eid, None, "", "deleted", modified_at)


def _reference(item: object) -> str:
    value = getattr(item, "external_id", None)
    if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()[:255]
    return f"a {type(item).__name__}"


class SyncEngine:
    """Syncs one marketplace source into one shop (see the module docstring)."""

    def __init__(
        self,
        shop: Shop,
        source: MarketplaceSource,
        *,
        progress: ProgressCallback | None = None,
        interrupt: InterruptCheck | None = None,
        observers: ShopPlugins | None = None,
        batch_size: int = BATCH_SIZE,
        lease: timedelta = DEFAULT_LEASE,
        trigger: str = "job",
        checkpoint_interval: float = CHECKPOINT_INTERVAL,
    ) -> None:
        if source.context.shop.id != str(shop.id):
            raise BadInput(f"the {source.name} source was built for another shop")
        self.shop = shop
        self.source = source
        self.db = source.context.db
        self.shop_id = ObjectId(shop.id)
        self.progress = progress
        self.interrupt = interrupt
        self.observers = observers
        self.batch_size = batch_size
        self.lease = lease
        self.trigger = trigger
        self.checkpoint_interval = checkpoint_interval
        self.capabilities = frozenset(str(c) for c in source.capabilities)
        self.entities = supported(self.capabilities)
        self.ledger: Ledger | None = None
        self.run_handle: RunHandle | None = None
        self.report = SyncReport(shop_id=str(shop.id), source=source.name)

    # --- planning ------------------------------------------------------------------------

    def _has(self, capability: SourceCapability) -> bool:
        return capability.value in self.capabilities

    def plan(
        self, state: Mapping[str, Any], requested: str | None
    ) -> tuple[str, dict[str, datetime | None]]:
        """The kind of a new run and the `since` bound of each entity."""
        now = utcnow()
        kind = requested
        last_full = state.get("last_full_at")
        if kind is None:
            if last_full is None:
                kind = "full"
            elif now - last_full >= self.source.reconcile_interval:
                kind = "reconcile"
            elif self._has(SourceCapability.INCREMENTAL) or self._has(
                SourceCapability.CHANGE_MESSAGES
            ):
                kind = "incremental"
            else:
                kind = "full"
        if kind not in RUN_KINDS:
            raise BadInput(f"a sync is one of {', '.join(RUN_KINDS)}, not {kind!r}")
        if kind == "incremental" and not (
            self._has(SourceCapability.INCREMENTAL) or self._has(SourceCapability.CHANGE_MESSAGES)
        ):
            kind = "full"
        watermarks = state.get("watermarks") or {}
        since: dict[str, datetime | None] = {}
        for spec in self.entities:
            mark = watermarks.get(spec.kind.value)
            if kind == "incremental" and isinstance(mark, datetime):
                since[spec.kind.value] = mark - self.source.incremental_overlap
            else:
                since[spec.kind.value] = None
        return kind, since

    def _steps(self, run: RunHandle) -> list[EntitySpec]:
        if run.kind == "incremental" and not self._has(SourceCapability.INCREMENTAL):
            return [spec for spec in self.entities if run.since.get(spec.kind.value) is None]
        return list(self.entities)

    # --- running -------------------------------------------------------------------------

    def run(self, kind: str | None = None) -> SyncReport:
        """Run (or resume) a sync; return its report or raise `SyncFailed`.

        `kind` None plans it; ``full``, ``incremental`` or ``reconcile`` force it. Raises
        `SyncAlreadyRunning` when another run of this source in this shop is alive.
        """
        if kind is not None and kind not in RUN_KINDS:
            raise BadInput(f"a sync is one of {', '.join(RUN_KINDS)}, not {kind!r}")
        ledger = self.ledger = Ledger(self.db, self.shop_id, self.source.name, lease=self.lease)
        state = ledger.acquire()
        try:
            run, self.report = ledger.open_run(state, kind, self.trigger, self.plan)
            self.run_handle = run
            self._tell(f"syncing {self.source.name} ({run.kind})")
            self._execute(ledger, run)
        finally:
            ledger.release()
        self._notify()
        return self.report

    def _execute(self, ledger: Ledger, run: RunHandle) -> None:
        steps = self._steps(run)
        try:
            if (
                run.kind == "incremental"
                and self._has(SourceCapability.CHANGE_MESSAGES)
                and CHANGES_STEP not in run.steps_done
            ):
                self._switchable(ledger, run, CHANGES_STEP, self._drain_messages)
            for spec in steps:
                if spec.kind.value not in run.steps_done:
                    self._switchable(ledger, run, spec.kind.value, self._sync_entity, spec)
        except SyncLeaseLost:
            raise  # another run owns the ledger entry now: leave it alone
        except BaseException as exc:
            message, code = describe_failure(exc, self.source.name)
            try:
                ledger.finish(run, self.report, error=message, error_code=code)
            except PyMongoError:
                log.warning("could not record the failure of sync run %s", run.id, exc_info=True)
            if run.resumed:
                ledger.merge_changed_ids(run, self.report)
            log.warning("sync run %s of %s failed: %s", run.id, self.source.name, message)
            if not isinstance(exc, Exception):
                raise
            self._notify()
            raise SyncFailed(
                f"{message} (after {self.report.read} records)",
                self.report,
                code=code,
                retryable=getattr(exc, "retryable", True),
                retry_after=getattr(exc, "retry_after", None),
                announced_wait=getattr(exc, "announced_wait", False) is True,
            ) from exc
        if run.resumed:
            ledger.merge_changed_ids(run, self.report)
        ledger.finish(run, self.report, entities=[spec.kind.value for spec in steps])
        self._tell(self.report.summary())
        log.info("sync run %s for shop %s: %s", run.id, self.shop.id, self.report.summary())

    def _switchable(
        self, ledger: Ledger, run: RunHandle, step: str, action: Callable[..., None], *args: Any
    ) -> None:
        """Run one step; a part the source may not read (`SourcePermissionMissing`, for any
        step but the products) is switched off with a notice, and the run goes on."""
        try:
            action(ledger, run, *args)
        except SourcePermissionMissing as exc:
            if step == EntityKind.PRODUCT.value:
                raise
            log.warning(
                "sync run %s of %s: %s is switched off: %s", run.id, self.source.name, step, exc
            )
            self.report.notice(step, exc.code, str(exc))
            ledger.step_done(run, self.report, step, Chunk())

    def _check_interrupt(self) -> None:
        if self.interrupt is not None:
            self.interrupt()

    def _tell(self, message: str) -> None:
        if self.progress is not None:
            total = sum(self.report.expected.values()) or None
            self.progress(self.report.read, total, message)

    def _writer(self, spec: EntitySpec, chunk: Chunk | None = None) -> EntityWriter:
        writer = EntityWriter(
            self.db, spec, self.shop_id, self.source.name, self.report, batch_size=self.batch_size
        )
        if chunk is not None:
            writer.on_change = chunk.note
        return writer

    def _sync_entity(self, ledger: Ledger, run: RunHandle, spec: EntitySpec) -> None:
        entity = spec.kind.value
        since = run.since.get(entity)
        complete = since is None
        chunk = Chunk()
        writer = self._writer(spec, chunk)
        if complete:
            writer.preload()
        if run.resumed:  # count the whole run once, what its earlier lives did included
            writer.resumed_from = run.started_at
            writer.counted = ledger.seen_ids(run, entity)
        seen: set[str] = set()
        # Every id the listing accounted for, rejected ones too: a complete listing keeps the
        # stored copy of an object it could not read instead of delisting it.
        accounted: set[str] = set()
        saved = told = time.monotonic()
        iterate = getattr(self.source, spec.method)
        items = iterate(since=since, checkpoint=run.checkpoints.get(entity))
        try:
            for item in _guarded(items, self.source.name):
                ledger.check()
                self._check_interrupt()
                if isinstance(item, Checkpoint):
                    if time.monotonic() - saved < self.checkpoint_interval:
                        continue  # the next one will do: fewer ledger writes
                    writer.flush()
                    ledger.save_progress(run, self.report, entity, str(item.token), chunk)
                    saved = time.monotonic()
                    chunk = Chunk()
                    writer.on_change = chunk.note
                    self._tell(f"read {self.report.read} records from {self.source.name}")
                    told = time.monotonic()
                    continue
                if isinstance(item, ExpectedTotal):
                    self.report.expected[entity] = int(item.count)
                    continue
                reference = self._take(spec, writer, item, seen if complete else None)
                if reference is not None and complete:
                    chunk.seen.append(reference)
                    accounted.add(reference)
                if writer.full or time.monotonic() - told >= PROGRESS_SECONDS:
                    writer.flush()
                    self._tell(f"read {self.report.read} records from {self.source.name}")
                    told = time.monotonic()
        finally:
            writer.flush()
        if complete and spec.absent_status is not None:
            self._remove_absent(ledger, run, spec, writer, accounted)
        ledger.step_done(run, self.report, entity, chunk)

    def _take(
        self, spec: EntitySpec, writer: EntityWriter, item: object, seen: set[str] | None
    ) -> str | None:
        """Queue one stream item; return the id it accounts for (or None)."""
        if isinstance(item, RejectedRecord):
            self.report.fail(spec.kind, str(item.reference), str(item.reason))
            return str(item.reference)
        if isinstance(item, Deleted):
            try:
                eid = external_id(item.external_id)
                writer.add(_deletion(eid, moment(item.modified_at, "modified_at")))
            except RecordProblem as exc:
                self.report.fail(spec.kind, _reference(item), str(exc))
                return None
            return eid
        try:
            found = identify(spec.kind, item)
        except RecordProblem as exc:
            reference = _reference(item)
            self.report.fail(spec.kind, reference, str(exc))
            return reference
        eid = found.external_id
        if seen is not None:
            if eid in seen:
                self.report.fail(spec.kind, eid, f"duplicate id {eid!r}")
                return None
            seen.add(eid)
        writer.add(Pending(eid, item, found.fingerprint, found.status, found.modified_at))
        return eid

    def _remove_absent(
        self,
        ledger: Ledger,
        run: RunHandle,
        spec: EntitySpec,
        writer: EntityWriter,
        seen: set[str],
    ) -> None:
        counts = self.report.entity(spec.kind)
        if counts.created + counts.updated + counts.unchanged == 0:
            listed = {
                "shop_id": self.shop_id,
                "source": self.source.name,
                "status": {"$nin": [spec.absent_status, spec.deleted_status]},
            }
            if self.db[spec.collection].count_documents(listed, limit=1):
                self.report.warnings.append(
                    f"the source listed no readable {spec.plural}, so the {spec.plural} it "
                    "listed before were kept as they are"
                )
            return
        if run.resumed:
            seen = seen | ledger.seen_ids(run, spec.kind.value)
        if self.source.confirms_absent:
            seen = seen | self._confirm_absent(spec, writer, writer.absent(seen, run.started_at))
        writer.remove_absent(seen, run.started_at)

    def _confirm_absent(
        self, spec: EntitySpec, writer: EntityWriter, absent: list[str]
    ) -> set[str]:
        """Ask a source that reads objects by id (`fetch`) about the ones its listing left
        out: what it still has is stored as it is, what it no longer has is deleted (not
        merely delisted). Returns the ids it answered for (none if it cannot read this kind)."""
        if not absent:
            return set()
        try:
            self._fetch(spec, writer, absent)
        except SourceUnsupported:
            return set()
        writer.flush()
        return set(absent)

    # --- change messages and webhooks ----------------------------------------------------

    def _drain_messages(self, ledger: Ledger, run: RunHandle) -> None:
        budget = MAX_MESSAGES_PER_RUN
        while budget > 0:
            ledger.check()
            self._check_interrupt()
            batch = list(self.source.poll_changes(min(self.source.change_batch_size, budget)))
            if not batch:
                break
            self.apply(batch)
            self.source.confirm([change.id for change in batch])
            budget -= len(batch)
            self._tell(f"applied {MAX_MESSAGES_PER_RUN - budget} change messages")
        ledger.step_done(run, self.report, CHANGES_STEP, Chunk())

    def apply(self, changes: Sequence[Change], chunk: Chunk | None = None) -> None:
        """Store `changes` (fetching records they lack); each bad one fails alone."""
        writers: dict[EntityKind, EntityWriter] = {}
        to_fetch: dict[EntityKind, list[str]] = {}

        def writer_for(kind: EntityKind) -> EntityWriter:
            if kind not in writers:
                writers[kind] = self._writer(BY_KIND[kind], chunk)
            return writers[kind]

        for change in changes:
            try:
                kind = EntityKind(change.entity)
                eid = external_id(change.external_id)
                changed_at = moment(change.modified_at, "modified_at")
            except (ValueError, RecordProblem) as exc:
                self.report.fail(str(change.entity), _reference(change), f"bad change: {exc}")
                continue
            writer = writer_for(kind)
            if change.action == "delete":
                writer.add(_deletion(eid, changed_at))
            elif change.record is None:
                to_fetch.setdefault(kind, []).append(eid)
            elif isinstance(change.record, RejectedRecord):
                self.report.fail(kind, change.record.reference or eid, change.record.reason)
            else:
                self._take_change(BY_KIND[kind], writer, change.record, changed_at)
            if writer.full:
                writer.flush()
        for kind, ids in to_fetch.items():
            self._fetch(BY_KIND[kind], writer_for(kind), list(dict.fromkeys(ids)))
        for writer in writers.values():
            writer.flush()

    def _take_change(
        self, spec: EntitySpec, writer: EntityWriter, record: object, changed_at: datetime | None
    ) -> None:
        try:
            found = identify(spec.kind, record)
        except RecordProblem as exc:
            self.report.fail(spec.kind, _reference(record), str(exc))
            return
        modified = found.modified_at or changed_at
        writer.add(Pending(found.external_id, record, found.fingerprint, found.status, modified))

    def _fetch(self, spec: EntitySpec, writer: EntityWriter, ids: list[str]) -> None:
        size = max(1, self.source.change_batch_size)
        for start in range(0, len(ids), size):
            wanted = ids[start : start + size]
            answered: set[str] = set()
            for item in _guarded(self.source.fetch(spec.kind, wanted), self.source.name):
                if isinstance(item, Checkpoint | ExpectedTotal):
                    continue
                reference = self._take(spec, writer, item, None)
                if reference is not None:
                    answered.add(reference)
                if writer.full:
                    writer.flush()
            for missing in wanted:
                if missing not in answered:
                    self.report.fail(spec.kind, missing, "the source did not return it")

    def apply_changes(self, changes: Sequence[Change]) -> SyncReport:
        """Apply a webhook delivery's changes; record a ``changes`` run if anything happened."""
        self.report = SyncReport(
            shop_id=str(self.shop.id), source=self.source.name, kind="changes", trigger=self.trigger
        )
        self.apply(changes)
        if self.report.changed or self.report.failed:
            record_changes_run(self.db, self.report)
        else:
            self.report.finished_at = utcnow()
            self.report.status = "succeeded"
        self._notify()
        return self.report

    # --- observers -----------------------------------------------------------------------

    def _notify(self) -> None:
        if not self.report.changed:
            return
        site_version.bump(self.shop.id, f"catalog {self.report.kind} from {self.report.source}")
        if self.observers is not None:
            self.observers.call_observers(
                self.shop, "cloudcat_catalog_changed", change=self.report.change()
            )


def run_sync(
    shop: Shop,
    source: MarketplaceSource,
    *,
    kind: str | None = None,
    progress: ProgressCallback | None = None,
    interrupt: InterruptCheck | None = None,
    observers: ShopPlugins | None = None,
    batch_size: int = BATCH_SIZE,
    lease: timedelta = DEFAULT_LEASE,
    trigger: str = "job",
    checkpoint_interval: float = CHECKPOINT_INTERVAL,
) -> SyncReport:
    """Run (or resume) one sync of `source` into `shop`; see `SyncEngine.run`."""
    engine = SyncEngine(
        shop,
        source,
        progress=progress,
        interrupt=interrupt,
        observers=observers,
        batch_size=batch_size,
        lease=lease,
        trigger=trigger,
        checkpoint_interval=checkpoint_interval,
    )
    return engine.run(kind)


def apply_changes(
    shop: Shop,
    source: MarketplaceSource,
    changes: Sequence[Change],
    *,
    observers: ShopPlugins | None = None,
    trigger: str = "webhook",
) -> SyncReport:
    """Apply `changes` (e.g. a verified webhook delivery) to `shop`'s catalog."""
    engine = SyncEngine(shop, source, observers=observers, trigger=trigger)
    return engine.apply_changes(changes)


__all__ = [
    "SyncEngine",
    "apply_changes",
    "describe_failure",
    "run_sync",
]
