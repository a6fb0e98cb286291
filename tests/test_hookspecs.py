"""Meta-tests of the plugin API: every hook is documented and exercised by some test."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from cloudcat.core import hookspecs, plugin_api

HOOKS = sorted(
    name
    for name, value in vars(hookspecs).items()
    if name.startswith("cloudcat_") and inspect.isfunction(value)
)
TESTS = Path(__file__).parent


def test_there_are_hooks() -> None:
    assert len(HOOKS) >= 10


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_docstring(hook: str) -> None:
    doc = inspect.getdoc(getattr(hookspecs, hook)) or ""
    assert len(doc) > 40, f"{hook} needs a docstring saying what it receives, returns and when"


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_implemented_by_a_test_or_plugin(hook: str) -> None:
    sources = [*TESTS.rglob("*.py"), *(TESTS.parent / "plugins").rglob("*.py")]
    users = [p for p in sources if f"def {hook}(" in p.read_text(encoding="utf-8")]
    assert users, f"no test or built-in plugin implements {hook}"


def test_public_api_exports_resolve() -> None:
    for name in plugin_api.__all__:
        assert hasattr(plugin_api, name), name
