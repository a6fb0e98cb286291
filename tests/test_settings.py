"""Settings: environment variables, an optional TOML file, and the secret key rules."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from cloudcat.core.settings import Environment, SettingsError, load_settings
from cloudcat.core.storage.database import open_storage


def test_production_requires_a_secret_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOUDCAT_ENVIRONMENT", "production")
    monkeypatch.delenv("CLOUDCAT_SECRET_KEY", raising=False)
    with pytest.raises(SettingsError, match="CLOUDCAT_SECRET_KEY is required"):
        load_settings()
    monkeypatch.setenv("CLOUDCAT_SECRET_KEY", "short")
    with pytest.raises(SettingsError, match="at least 32"):
        load_settings()
    monkeypatch.setenv("CLOUDCAT_SECRET_KEY", "k" * 40)
    assert load_settings().environment == Environment.PRODUCTION


def test_development_generates_a_key_with_a_loud_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv("CLOUDCAT_SECRET_KEY", raising=False)
    monkeypatch.setenv("CLOUDCAT_ENVIRONMENT", "development")
    with caplog.at_level(logging.WARNING):
        first, second = load_settings(), load_settings()
    assert len(first.secret_key) >= 32 and first.secret_key != second.secret_key
    assert "CLOUDCAT_SECRET_KEY is not set" in caplog.text


def test_a_toml_file_gives_defaults_and_the_environment_wins(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = tmp_path / "cloudcat.toml"
    config.write_text('database_name = "from_file"\nmax_body_bytes = 1234\n')
    monkeypatch.setenv("CLOUDCAT_CONFIG_FILE", str(config))
    monkeypatch.setenv("CLOUDCAT_MAX_BODY_BYTES", "999")
    settings = load_settings(environment="test")
    assert settings.database_name == "from_file"
    assert settings.max_body_bytes == 999


def test_production_refuses_to_run_without_a_shared_database(tmp_path: Path) -> None:
    production = load_settings(environment="production", secret_key="k" * 40, data_dir=tmp_path)
    with pytest.raises(SettingsError, match="CLOUDCAT_MONGODB_URI is required in production"):
        open_storage(production)
    assert not list(tmp_path.iterdir())  # no embedded server was started


def test_a_missing_config_file_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOUDCAT_CONFIG_FILE", "/nonexistent/cloudcat.toml")
    with pytest.raises(SettingsError, match="does not exist"):
        load_settings()
