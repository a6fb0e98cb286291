"""`cloudcat plugin new` writes, for each kind, a pip package that installs with `pip install -e`
and passes its own tests at once (for a source, the conformance suite) on the partner kit."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cloudcat.core.cli import app
from cloudcat.core.scaffold import KINDS, package_names

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "cloudcat-example-plugin"
PIP = [sys.executable, "-m", "pip", "--disable-pip-version-check"]


def new(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["plugin", "new", *args])
    return result.exit_code, result.output


@pytest.fixture
def generated(tmp_path: Path) -> Iterator[dict[str, Path]]:
    """One package of each kind, written by the CLI, and a copy of the example plugin,
    pip-installed (editable) into this environment; uninstalled afterwards."""
    folders = {"example": tmp_path / "example"}
    shutil.copytree(EXAMPLE, folders["example"], ignore=shutil.ignore_patterns("*.egg-info"))
    for kind in KINDS:
        code, output = new(f"partner_{kind}", "--kind", kind, "--dir", str(tmp_path))
        assert code == 0, output
        folders[kind] = tmp_path / package_names(f"partner_{kind}")["dist"]
        assert str(folders[kind]) in output.replace("\n", "")
    editable = [arg for folder in folders.values() for arg in ("-e", str(folder))]
    install = [*PIP, "install", "--quiet", "--no-deps", "--no-build-isolation", *editable]
    subprocess.run(install, check=True, capture_output=True, timeout=300)
    try:
        yield folders
    finally:
        dists = [package_names(f"partner_{kind}")["dist"] for kind in KINDS]
        dists.append("cloudcat-example-plugin")
        subprocess.run([*PIP, "uninstall", "--quiet", "-y", *dists], check=True, timeout=120)


def test_each_kind_and_the_example_install_and_pass_their_own_tests(
    generated: dict[str, Path],
) -> None:
    runs = {
        kind: subprocess.Popen(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
            cwd=folder,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for kind, folder in generated.items()
    }
    outputs = {kind: run.communicate(timeout=240)[0] for kind, run in runs.items()}
    for kind, run in runs.items():
        assert run.returncode == 0, f"{kind}:\n{outputs[kind]}"
        assert " passed" in outputs[kind] and "skipped" not in outputs[kind], outputs[kind]
    # The source's tests are the conformance suite (7 checks) plus its own.
    assert "8 passed" in outputs["source"], outputs["source"]
    pyproject = (generated["source"] / "pyproject.toml").read_text()
    assert 'partner_source = "cloudcat_partner_source"' in pyproject
    assert '[project.entry-points."cloudcat.plugins"]' in pyproject


def test_bad_names_kinds_and_existing_folders_are_refused(tmp_path: Path) -> None:
    code, output = new("Bad-Name", "--kind", "source", "--dir", str(tmp_path))
    assert code == 2 and "name is not valid" in output
    code, output = new("pigeon", "--kind", "carrier", "--dir", str(tmp_path))
    assert code == 2 and "choose one of source, channel, theme, sink" in output
    assert new("pigeon", "--kind", "channel", "--dir", str(tmp_path))[0] == 0
    code, output = new("pigeon", "--kind", "channel", "--dir", str(tmp_path))
    assert code == 2 and "already exists" in output
    assert list(tmp_path.iterdir()) == [tmp_path / "cloudcat-pigeon"]
