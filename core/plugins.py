"""Building the plugin manager: discovery through entry points and the provider registry.

Built-in plugins and partners' plugins are found the same way, through the `cloudcat.plugins`
entry-point group. A plugin that fails to import, declares a provider incompatible with this
CloudCat version, or reuses a taken provider name is refused as a whole, with the reason kept for
the plugin catalog; it is never loaded half-way.
"""

from __future__ import annotations

import importlib.metadata
import logging
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pluggy
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from cloudcat.core import __version__, hookspecs
from cloudcat.core.hookspecs import PROJECT
from cloudcat.core.providers import NAME_PATTERN, PROVIDER_BASES, Provider, ProviderKind

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "cloudcat.plugins"

_REGISTRATION_HOOKS = {
    ProviderKind.MARKETPLACE_SOURCE: "cloudcat_marketplace_sources",
    ProviderKind.CHANNEL_PUBLISHER: "cloudcat_channel_publishers",
    ProviderKind.THEME: "cloudcat_themes",
    ProviderKind.ANALYTICS_SINK: "cloudcat_analytics_sinks",
}


@dataclass(frozen=True)
class InstalledProvider:
    """A provider class together with the plugin (entry point) that registered it."""

    cls: type[Provider]
    plugin: str
    distribution: str

    @property
    def name(self) -> str:
        return self.cls.name

    @property
    def kind(self) -> ProviderKind:
        return self.cls.kind


@dataclass
class Plugins:
    """The plugin manager plus what it registered and what it refused."""

    manager: pluggy.PluginManager
    providers: dict[str, InstalledProvider] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)
    distributions: dict[str, str] = field(default_factory=dict)

    @property
    def hook(self) -> pluggy.HookRelay:
        return self.manager.hook

    def provider(self, name: str) -> InstalledProvider | None:
        return self.providers.get(name)

    def of_kind(self, kind: ProviderKind) -> list[InstalledProvider]:
        return [p for p in self.providers.values() if p.kind is kind]

    def modules_of(self, provider_names: Iterable[str]) -> set[str]:
        """Names of the plugins (entry points) that registered the given providers."""
        return {self.providers[n].plugin for n in provider_names if n in self.providers}


def _compatible(spec: str) -> bool:
    try:
        return SpecifierSet(spec).contains(Version(__version__), prereleases=True)
    except InvalidSpecifier:
        return False


def _provider_problem(cls: object, kind: ProviderKind) -> str | None:
    if not isinstance(cls, type) or not issubclass(cls, PROVIDER_BASES[kind]):
        return f"{cls!r} is not a {PROVIDER_BASES[kind].__name__} subclass"
    for attribute in ("name", "title"):
        if not isinstance(getattr(cls, attribute, None), str):
            return f"{cls.__name__} declares no {attribute}"
    if not NAME_PATTERN.match(cls.name):
        return f"provider name {cls.name!r} must match {NAME_PATTERN.pattern}"
    if not _compatible(cls.requires_cloudcat):
        return (
            f"{cls.name} {cls.version} requires CloudCat {cls.requires_cloudcat}, "
            f"but this is CloudCat {__version__}"
        )
    if getattr(cls, "__abstractmethods__", None):
        missing = ", ".join(sorted(cls.__abstractmethods__))
        return f"{cls.name} does not implement {missing}"
    return None


def _collect(
    manager: pluggy.PluginManager,
    plugin_name: str,
    module: object,
    taken: Mapping[str, object],
) -> tuple[list[type[Provider]], str | None]:
    """Ask one registered plugin for its providers; return them or the reason to refuse it."""
    found: list[type[Provider]] = []
    for kind, hook_name in _REGISTRATION_HOOKS.items():
        for impl in getattr(manager.hook, hook_name).get_hookimpls():
            if impl.plugin is not module:
                continue
            try:
                classes = list(impl.function() or [])
            except Exception as exc:
                return [], f"{hook_name} raised {type(exc).__name__}: {exc}"
            for cls in classes:
                problem = _provider_problem(cls, kind)
                if problem:
                    return [], problem
                if cls.name in taken or any(c.name == cls.name for c in found):
                    return [], f"provider name {cls.name!r} is already taken by another plugin"
                found.append(cls)
    return found, None


def _unknown_hooks(manager: pluggy.PluginManager, plugin: object) -> list[str]:
    unknown = []
    for hook_name, caller in vars(manager.hook).items():
        if (
            isinstance(caller, pluggy.HookCaller)
            and not caller.has_spec()
            and any(i.plugin is plugin and not i.optionalhook for i in caller.get_hookimpls())
        ):
            unknown.append(hook_name)
    return sorted(unknown)


def create_plugin_manager(
    *, entry_points: bool = True, extra: Iterable[tuple[str, types.ModuleType | object]] = ()
) -> Plugins:
    """Build a plugin manager: entry-point plugins (built-in and installed) plus `extra`.

    `extra` holds (name, plugin object) pairs registered as if they came from entry points;
    tests use it to add a plugin for a while.
    """
    manager = pluggy.PluginManager(PROJECT)
    manager.add_hookspecs(hookspecs)
    plugins = Plugins(manager)
    candidates: list[tuple[str, object, str]] = []
    if entry_points:
        for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            dist = entry_point.dist.name if entry_point.dist else "unknown"
            try:
                candidates.append((entry_point.name, entry_point.load(), dist))
            except Exception as exc:
                plugins.refused[entry_point.name] = f"failed to import: {exc}"
                log.error("plugin %s refused: failed to import: %s", entry_point.name, exc)
    candidates.extend((name, obj, "local") for name, obj in extra)

    for name, obj, dist in candidates:
        if name in plugins.distributions or manager.has_plugin(name):
            plugins.refused[f"{name} ({dist})"] = f"a plugin named {name!r} is already loaded"
            continue
        try:
            manager.register(obj, name=name)
        except Exception as exc:
            plugins.refused[name] = f"cannot be registered: {exc}"
            continue
        classes, problem = _collect(manager, name, obj, plugins.providers)
        unknown = _unknown_hooks(manager, obj)
        if unknown:
            problem = f"implements unknown hooks: {', '.join(unknown)}"
        if problem:
            manager.unregister(obj)
            plugins.refused[name] = problem
            log.error("plugin %s refused: %s", name, problem)
            continue
        plugins.distributions[name] = dist
        for cls in classes:
            plugins.providers[cls.name] = InstalledProvider(cls, name, dist)
    manager.check_pending()  # every remaining plugin implements known hooks only
    return plugins
