"""A provider's config JSON Schema is built once per class, handed out as copies, and only
resolved by the plugin catalog when a query selects it."""

from __future__ import annotations

from collections.abc import Iterable
from types import MethodType
from typing import Any, ClassVar

import pytest
import strawberry
from pydantic import BaseModel, SecretStr

from cloudcat.core.plugins import InstalledProvider
from cloudcat.core.providers import AnalyticsSink, Provider, TrackedEvent
from cloudcat.schema.admin.plugins import Plugin


class PigeonConfig(BaseModel):
    loft: str = "north"
    api_key: SecretStr = SecretStr("changeme")


class OtherConfig(BaseModel):
    perch: int = 3


class Pigeon(AnalyticsSink):
    name = "pigeon_sink"
    title = "Pigeon"
    config_model: ClassVar[type[BaseModel]] = PigeonConfig

    def deliver(self, events: Iterable[TrackedEvent]) -> int:
        return 0


class Dove(Pigeon):
    name = "dove_sink"
    title = "Dove"
    config_model = OtherConfig


def test_secret_fields_are_write_only_without_default() -> None:
    schema = Pigeon.config_schema()
    assert schema["properties"]["api_key"]["writeOnly"] is True
    assert "default" not in schema["properties"]["api_key"]
    assert schema["properties"]["loft"]["default"] == "north"


def test_the_schema_is_built_once_per_class(monkeypatch: pytest.MonkeyPatch) -> None:
    class Finch(Pigeon):
        name = "finch_sink"

    calls: list[type[Provider]] = []
    bound = Provider._build_config_schema  # a classmethod read from its class is bound to it
    assert isinstance(bound, MethodType)
    real = bound.__func__

    def counting(cls: type[Provider]) -> dict[str, Any]:
        calls.append(cls)
        result: dict[str, Any] = real(cls)
        return result

    monkeypatch.setattr(Provider, "_build_config_schema", classmethod(counting))
    first, second = Finch.config_schema(), Finch.config_schema()
    assert first == second
    assert calls == [Finch]


def test_callers_get_copies_they_may_change() -> None:
    schema = Pigeon.config_schema()
    schema["properties"]["loft"]["default"] = "south"
    schema["properties"].pop("api_key")
    schema["title"] = "changed"
    again = Pigeon.config_schema()
    assert again is not schema
    assert again["properties"]["loft"]["default"] == "north"
    assert again["properties"]["api_key"]["writeOnly"] is True
    assert again["title"] == "PigeonConfig"


def test_a_subclass_has_its_own_schema() -> None:
    assert Pigeon.config_schema()["title"] == "PigeonConfig"
    assert Dove.config_schema()["title"] == "OtherConfig"
    assert Pigeon.config_schema()["title"] == "PigeonConfig"


def test_a_changed_config_model_is_noticed(monkeypatch: pytest.MonkeyPatch) -> None:
    class Wren(Pigeon):
        name = "wren_sink"

    assert Wren.config_schema()["title"] == "PigeonConfig"
    monkeypatch.setattr(Wren, "config_model", OtherConfig)
    assert Wren.config_schema()["title"] == "OtherConfig"


@strawberry.type
class Query:
    @strawberry.field
    def plugins(self) -> list[Plugin]:
        installed = InstalledProvider(cls=Pigeon, plugin="pigeon", distribution="pigeon-dist")
        return [Plugin.from_installed(installed, "en")]


catalog = strawberry.Schema(Query)


def test_the_catalog_builds_the_config_schema_only_when_selected(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    bound = Pigeon.config_schema
    assert isinstance(bound, MethodType)
    real = bound.__func__

    def counting(cls: type[Provider]) -> dict[str, Any]:
        calls.append(cls.name)
        result: dict[str, Any] = real(cls)
        return result

    monkeypatch.setattr(Pigeon, "config_schema", classmethod(counting))
    light = catalog.execute_sync("{ plugins { name kind title } }")
    assert light.errors is None
    assert light.data == {
        "plugins": [{"name": "pigeon_sink", "kind": "ANALYTICS_SINK", "title": "Pigeon"}]
    }
    assert calls == []

    full = catalog.execute_sync("{ plugins { configSchema secretFields } }")
    assert full.errors is None
    assert full.data is not None
    (plugin,) = full.data["plugins"]
    assert plugin["secretFields"] == ["api_key"]
    assert plugin["configSchema"]["properties"]["api_key"]["writeOnly"] is True
    assert calls == ["pigeon_sink"]
