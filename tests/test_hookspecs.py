"""Meta-tests of the plugin hooks, in datasette's manner.

Every hookspec of `cloudcat.core.hookspecs` (enumerated through the plugin manager, so a new
hook is picked up by itself) must be documented in docs/plugins.md with its exact signature,
and must have a `test_hook_<name>` test here that registers a temporary plugin implementing it
and checks that CloudCat calls it through the plugin manager, where it really calls it.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pluggy
import pytest
import strawberry
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.testclient import TestClient

from cloudcat.core import hookspecs, plugin_api
from cloudcat.core.app import create_app
from cloudcat.core.catalog.sync import run_source_sync
from cloudcat.core.documents import Shop
from cloudcat.core.job_handlers import collect_handlers
from cloudcat.core.plugin_api import (
    AnalyticsSink,
    ChannelPublisher,
    GraphQLContribution,
    MarketplaceSource,
    OutgoingMessage,
    ProductRecord,
    ProductStream,
    PublishResult,
    ShopInfo,
    Theme,
    TrackedEvent,
    hookimpl,
)
from cloudcat.core.plugins import Plugins, create_plugin_manager
from cloudcat.core.services import Services, build_services
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase
from cloudcat.schema.build import build_admin_schema, build_storefront_schema

DOCS = Path(__file__).resolve().parent.parent / "docs" / "plugins.md"
HOOKS = sorted(
    name
    for name, caller in vars(create_plugin_manager(entry_points=False).hook).items()
    if isinstance(caller, pluggy.HookCaller) and caller.has_spec()
)


def spec_signature(hook: str) -> str:
    """The hookspec's signature as docs/plugins.md spells it: `name(arg: Type, ...) -> Type`."""
    signature = inspect.signature(getattr(hookspecs, hook))
    arguments = ", ".join(f"{p.name}: {p.annotation}" for p in signature.parameters.values())
    return f"{hook}({arguments}) -> {signature.return_annotation}"


def documented_signatures() -> dict[str, str]:
    """The hooks table of docs/plugins.md: each row's first cell, by hook name."""
    found = {}
    for cell in re.findall(r"^\| `(cloudcat_[^`]+)` \|", DOCS.read_text(), re.MULTILINE):
        text = cell.replace("\\|", "|")
        found[text.split("(", 1)[0]] = text
    return found


# --- the meta-tests ----------------------------------------------------------------------


def test_hooks_are_enumerated_from_the_plugin_manager() -> None:
    module_hooks = {n for n, v in vars(hookspecs).items() if n.startswith("cloudcat_")}
    assert set(HOOKS) == module_hooks
    assert len(HOOKS) >= 10


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_docstring(hook: str) -> None:
    doc = inspect.getdoc(getattr(hookspecs, hook)) or ""
    assert len(doc) > 40, f"{hook} needs a docstring saying what it receives, returns and when"


def test_docs_document_exactly_the_hooks_with_their_signatures() -> None:
    documented = documented_signatures()
    assert sorted(documented) == HOOKS, "docs/plugins.md's hooks table differs from hookspecs"
    for hook in HOOKS:
        assert documented[hook] == spec_signature(hook)


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_test_calling_it(hook: str) -> None:
    test = globals().get(f"test_hook_{hook}")
    assert callable(test), f"add test_hook_{hook} to tests/test_hookspecs.py"
    assert hook in vars(Probe), f"the Probe plugin must implement {hook}"


def test_public_api_exports_resolve() -> None:
    for name in plugin_api.__all__:
        assert hasattr(plugin_api, name), name


# --- the temporary plugin ----------------------------------------------------------------


class ProbeSource(MarketplaceSource):
    name = "probe_source"
    title = "Probe source"

    def iter_products(self, *, since: Any = None, checkpoint: str | None = None) -> ProductStream:
        yield ProductRecord("p1", "Probe tea", Decimal("9.50"), "CNY")


class ProbeChannel(ChannelPublisher):
    name = "probe_channel"
    title = "Probe channel"

    def publish(self, message: OutgoingMessage) -> PublishResult:
        return PublishResult(external_id=message.id)


class ProbeTheme(Theme):
    name = "probe_theme"
    title = "Probe theme"
    template_dir = Path(__file__).parent


class ProbeSink(AnalyticsSink):
    name = "probe_sink"
    title = "Probe sink"

    def deliver(self, events: Iterable[TrackedEvent]) -> int:
        return len(list(events))


@strawberry.type
class ProbeAdminQuery:
    @strawberry.field
    def probe_admin_answer(self) -> int:
        return 42


@strawberry.type
class ProbeStorefrontQuery:
    @strawberry.field
    def probe_storefront_answer(self) -> int:
        return 7


async def probe_ping(request: Request) -> Response:
    return PlainTextResponse("pong")


def probe_job(job: Any) -> None:
    """A job handler the probe contributes (never run here)."""


class Probe:
    """A plugin implementing every hook; it records each call it gets."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def _called(self, hook: str, **arguments: Any) -> None:
        self.calls.append((hook, arguments))

    def called(self, hook: str) -> list[dict[str, Any]]:
        return [arguments for name, arguments in self.calls if name == hook]

    @hookimpl
    def cloudcat_marketplace_sources(self) -> Sequence[type[MarketplaceSource]]:
        self._called("cloudcat_marketplace_sources")
        return [ProbeSource]

    @hookimpl
    def cloudcat_channel_publishers(self) -> Sequence[type[ChannelPublisher]]:
        self._called("cloudcat_channel_publishers")
        return [ProbeChannel]

    @hookimpl
    def cloudcat_themes(self) -> Sequence[type[Theme]]:
        self._called("cloudcat_themes")
        return [ProbeTheme]

    @hookimpl
    def cloudcat_analytics_sinks(self) -> Sequence[type[AnalyticsSink]]:
        self._called("cloudcat_analytics_sinks")
        return [ProbeSink]

    @hookimpl
    def cloudcat_admin_graphql(self) -> GraphQLContribution:
        self._called("cloudcat_admin_graphql")
        return GraphQLContribution(query=ProbeAdminQuery)

    @hookimpl
    def cloudcat_storefront_graphql(self) -> GraphQLContribution:
        self._called("cloudcat_storefront_graphql")
        return GraphQLContribution(query=ProbeStorefrontQuery)

    @hookimpl
    def cloudcat_routes(self) -> Sequence[BaseRoute]:
        self._called("cloudcat_routes")
        return [Route("/ping", probe_ping)]

    @hookimpl
    def cloudcat_job_handlers(self) -> dict[str, Any]:
        self._called("cloudcat_job_handlers")
        return {"probe.job": probe_job}

    @hookimpl
    def cloudcat_catalog_changed(self, shop: ShopInfo, change: dict[str, Any]) -> None:
        self._called("cloudcat_catalog_changed", shop=shop, change=change)

    @hookimpl
    def cloudcat_events_tracked(self, shop: ShopInfo, events: Sequence[TrackedEvent]) -> None:
        self._called("cloudcat_events_tracked", shop=shop, events=events)


@pytest.fixture
def probe() -> Probe:
    return Probe()


@pytest.fixture
def probe_plugins(probe: Probe) -> Plugins:
    return create_plugin_manager(entry_points=False, extra=[("probe", probe)])


@pytest.fixture
def probe_services(settings: Settings, db: RawDatabase, probe_plugins: Plugins) -> Services:
    return build_services(settings, db, probe_plugins)


# --- one test per hook -------------------------------------------------------------------


def _registered(plugins: Plugins, probe: Probe, hook: str, provider: str) -> None:
    assert probe.called(hook) == [{}]
    installed = plugins.provider(provider)
    assert installed is not None and installed.plugin == "probe"


def test_hook_cloudcat_marketplace_sources(probe_plugins: Plugins, probe: Probe) -> None:
    _registered(probe_plugins, probe, "cloudcat_marketplace_sources", "probe_source")


def test_hook_cloudcat_channel_publishers(probe_plugins: Plugins, probe: Probe) -> None:
    _registered(probe_plugins, probe, "cloudcat_channel_publishers", "probe_channel")


def test_hook_cloudcat_themes(probe_plugins: Plugins, probe: Probe) -> None:
    _registered(probe_plugins, probe, "cloudcat_themes", "probe_theme")


def test_hook_cloudcat_analytics_sinks(probe_plugins: Plugins, probe: Probe) -> None:
    _registered(probe_plugins, probe, "cloudcat_analytics_sinks", "probe_sink")


def test_hook_cloudcat_admin_graphql(
    settings: Settings, probe_plugins: Plugins, probe: Probe
) -> None:
    schema = build_admin_schema(settings, probe_plugins)
    assert probe.called("cloudcat_admin_graphql") == [{}]
    assert "probeAdminAnswer: Int!" in schema.as_str()


def test_hook_cloudcat_storefront_graphql(
    settings: Settings, probe_plugins: Plugins, probe: Probe
) -> None:
    schema = build_storefront_schema(settings, probe_plugins)
    assert probe.called("cloudcat_storefront_graphql") == [{}]
    assert "probeStorefrontAnswer: Int!" in schema.as_str()


def test_hook_cloudcat_routes(settings: Settings, probe_services: Services, probe: Probe) -> None:
    with TestClient(create_app(settings, probe_services)) as client:
        assert probe.called("cloudcat_routes") == [{}]
        answer = client.get("/plugins/probe/ping")
    assert answer.status_code == 200 and answer.text == "pong"


def test_hook_cloudcat_job_handlers(probe_services: Services, probe: Probe) -> None:
    handlers = collect_handlers(probe_services)
    assert probe.called("cloudcat_job_handlers") == [{}]
    assert handlers["probe.job"] is probe_job


def test_hook_cloudcat_catalog_changed(probe_services: Services, probe: Probe, shop: Shop) -> None:
    probe_services.shop_plugins.set_enabled(shop.id, "probe_source", True)
    run_source_sync(probe_services.shop_plugins, shop, "probe_source")
    [arguments] = probe.called("cloudcat_catalog_changed")
    assert arguments["shop"].id == str(shop.id)
    change = arguments["change"]
    assert change["source"] == "probe_source" and change["kind"] == "full"
    assert change["created"] == ["p1"] and change["updated"] == change["removed"] == []
    run_source_sync(probe_services.shop_plugins, shop, "probe_source")  # nothing changed
    assert len(probe.called("cloudcat_catalog_changed")) == 1


def test_hook_cloudcat_events_tracked(probe_services: Services, probe: Probe, shop: Shop) -> None:
    events = [TrackedEvent("e1", "page_view", datetime.now(UTC), "anon-1")]
    probe_services.shop_plugins.call_observers(shop, "cloudcat_events_tracked", events=events)
    assert probe.called("cloudcat_events_tracked") == []
    probe_services.shop_plugins.set_enabled(shop.id, "probe_sink", True)
    probe_services.shop_plugins.call_observers(shop, "cloudcat_events_tracked", events=events)
    [arguments] = probe.called("cloudcat_events_tracked")
    assert arguments["shop"].slug == shop.slug and arguments["events"] == events
