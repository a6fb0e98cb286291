"""The exported SDL files match the schemas the server builds (regenerate: make schema)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cloudcat.core.cli import SDL_FOLDER, app
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.settings import Settings
from cloudcat.schema.build import SDL_FILES, export_sdl


def test_committed_sdl_files_are_up_to_date(tmp_path: Path) -> None:
    settings = Settings(environment="development", secret_key="x" * 32)
    export_sdl(settings, create_plugin_manager(), tmp_path)
    for name in SDL_FILES.values():
        committed = SDL_FOLDER / name
        assert committed.exists(), f"{committed} is missing: run `make schema`"
        assert committed.read_text() == (tmp_path / name).read_text(), (
            f"{committed} is stale: run `make schema` and commit the result"
        )


def test_schema_export_command_writes_both_files(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["schema", "export", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    admin = (tmp_path / "admin.graphql").read_text()
    storefront = (tmp_path / "storefront.graphql").read_text()
    assert "configurePlugin" in admin and "type Mutation" in admin
    assert "type Mutation" not in storefront and "products(" in storefront
