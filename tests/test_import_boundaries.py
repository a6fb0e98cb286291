"""The architecture's import contracts ([tool.importlinter] in pyproject.toml, run by `make lint`).

A plugin that imports a CloudCat module other than the plugin API fails `lint-imports` with the
contract's message: checked on a small plugins package written to a temporary folder next to
the real `core` and `schema` folders, under the project's own contracts.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
PLUGIN_CONTRACT = next(c for c in CONFIG["contracts"] if c["id"] == "plugins-use-the-plugin-api")


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _config_text() -> str:
    """The project's import-linter configuration, as a pyproject.toml of its own."""
    lines = ["[tool.importlinter]"]
    lines += [f"{k} = {_toml_value(v)}" for k, v in CONFIG.items() if k != "contracts"]
    for contract in CONFIG["contracts"]:
        lines += ["", "[[tool.importlinter.contracts]]"]
        lines += [f"{k} = {_toml_value(v)}" for k, v in contract.items()]
    return "\n".join(lines) + "\n"


def lint(folder: Path, *contracts: str) -> subprocess.CompletedProcess[str]:
    """Run `lint-imports` in `folder` (its `cloudcat` package first on the path)."""
    arguments = [str(LINT_IMPORTS), "--no-cache"]
    for contract in contracts:
        arguments += ["--contract", contract]
    env = {**os.environ, "PYTHONPATH": str(folder)}
    return subprocess.run(
        arguments, cwd=folder, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A `cloudcat` namespace with the real core and schema and an empty plugins package
    (first on the path, it shadows the installed plugins)."""
    package = tmp_path / "cloudcat"
    (package / "plugins").mkdir(parents=True)
    (package / "plugins" / "__init__.py").write_text("")
    (package / "core").symlink_to(ROOT / "core", target_is_directory=True)
    (package / "schema").symlink_to(ROOT / "schema", target_is_directory=True)
    (tmp_path / "pyproject.toml").write_text(_config_text())
    return tmp_path


def add_plugin(project: Path, name: str, source: str) -> None:
    folder = project / "cloudcat" / "plugins" / name
    folder.mkdir()
    (folder / "__init__.py").write_text(source)


def test_a_plugin_using_only_the_plugin_api_passes(project: Path) -> None:
    add_plugin(
        project,
        "pigeon",
        "import requests\nfrom cloudcat.core.plugin_api import MarketplaceSource, hookimpl\n",
    )
    result = lint(project, PLUGIN_CONTRACT["id"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("statement", "imported"),
    [
        ("from cloudcat.core.documents import Shop", "cloudcat.core.documents"),
        ("import cloudcat.core.oauth", "cloudcat.core.oauth"),
        ("from cloudcat.schema.context import Context", "cloudcat.schema.context"),
    ],
)
def test_a_plugin_importing_an_internal_fails_with_the_contracts_message(
    project: Path, statement: str, imported: str
) -> None:
    add_plugin(project, "rogue", f"from cloudcat.core.plugin_api import hookimpl\n{statement}\n")
    result = lint(project, PLUGIN_CONTRACT["id"])
    assert result.returncode == 1, result.stdout + result.stderr
    assert PLUGIN_CONTRACT["name"] in result.stdout
    assert f"cloudcat.plugins.rogue -> {imported} (l.2)" in result.stdout
    assert "0 kept, 1 broken" in result.stdout


def test_the_domain_and_cycle_contracts_hold() -> None:
    """The schema stays out of the domain and the plugin API; storage and OAuth stay below the
    jobs and tenancy modules that build on them (the two former import cycles)."""
    others = [c["id"] for c in CONFIG["contracts"] if c is not PLUGIN_CONTRACT]
    assert set(others) >= {
        "plugin-api-without-schema",
        "domain-without-schema",
        "storage-below-jobs",
        "oauth-below-tenancy",
    }
    result = lint(ROOT, *others)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(others)} kept, 0 broken" in result.stdout
