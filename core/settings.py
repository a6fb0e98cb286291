"""Typed settings, read from `CLOUDCAT_*` environment variables and an optional TOML file.

The file named by `CLOUDCAT_CONFIG_FILE` (if any) supplies defaults; environment variables win.
Outside development a secret key is required; in development a random one is generated with a
loud warning, which means sessions and encrypted plugin secrets do not survive a restart.
"""

from __future__ import annotations

import logging
import os
import secrets
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import Field, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from cloudcat.core.http_limits import DEFAULT_DEADLINE
from cloudcat.core.netguard import NetworkPolicy

log = logging.getLogger(__name__)


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class SettingsError(RuntimeError):
    """Raised when the settings cannot be used as given."""


class Settings(BaseSettings):
    """Everything CloudCat reads from its environment."""

    model_config = SettingsConfigDict(
        env_prefix="CLOUDCAT_", env_nested_delimiter="__", extra="ignore", frozen=True
    )

    environment: Environment = Environment.DEVELOPMENT
    secret_key: str = ""
    mongodb_uri: str = ""
    database_name: str = "cloudcat"
    data_dir: Path = Field(default_factory=lambda: Path.cwd() / ".cloudcat-data")
    public_url: str = "http://127.0.0.1:8000"
    session_max_age_seconds: int = 14 * 24 * 3600
    max_body_bytes: int = 1_000_000
    graphql_max_depth: int = 10
    graphql_max_aliases: int = 30
    graphql_max_cost: int = 5_000
    graphql_max_tokens: int = 5_000
    graphql_max_batch: int = 10
    storefront_rate_limit_per_minute: int = 600
    # How long a checked storefront key is trusted in-process: revoking one takes this long.
    storefront_key_cache_seconds: float = 5.0
    # Query cost (schema/limits.py) each storefront key may spend a minute, per process.
    storefront_cost_per_minute: int = 30_000
    page_size_max: int = 100
    # Sign-in attempts allowed per account and per client address in each window; sign-ups per
    # address in the same window (core/login_throttle.py).
    login_attempts_per_account: int = 5
    login_attempts_per_address: int = 50
    sign_ups_per_address: int = 20
    login_window_seconds: int = 900
    job_lease_seconds: float = 30.0
    job_poll_seconds: float = 1.0
    # Jobs of one shop running at once across the workers (other shops' waiting jobs go first).
    job_shop_concurrency: int = 2
    # On shutdown, how long running jobs may finish before they are given back to the queue.
    job_shutdown_grace_seconds: float = 10.0
    log_json: bool = False
    # Bearer token a scraper must send to read /metrics; unset, /metrics is a 404 in production.
    metrics_token: str = ""
    # Uploaded images and their variants (core/media); default: <data_dir>/media.
    media_dir: Path | None = None
    # Largest upload accepted, in bytes (checked on the bytes received, before decoding).
    media_max_bytes: int = Field(default=10_000_000, gt=0)
    # Largest image accepted, in pixels (width x height), read from the header before decoding:
    # refuses decompression bombs (a small file that would expand to gigabytes).
    media_max_pixels: int = Field(default=50_000_000, gt=0)
    admin_ui_dist: Path | None = None  # the built admin SPA; default: admin-ui/dist or the wheel's
    # Networks (CIDRs or addresses) outgoing plugin requests may reach although they are not
    # public (loopback, private, link-local...): only for tests' loopback fakes and local
    # development, refused in production. E.g. '["127.0.0.0/8", "::1"]'.
    http_allow_private_networks: list[str] = Field(default_factory=list)
    # Seconds an outgoing plugin request may take in all (retries, redirects, the whole answer).
    http_deadline_seconds: float = Field(default=DEFAULT_DEADLINE, gt=0)
    # App-level plugin settings of the deployment, per plugin: a `[plugins.taobao]` table in
    # the TOML file or CLOUDCAT_PLUGINS__TAOBAO__APP_KEY=…; they win over values an operator
    # stores (`cloudcat operator set-app`) and are read-only in the admin.
    plugins: dict[str, dict[str, Any]] = Field(default_factory=dict)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        path = os.environ.get("CLOUDCAT_CONFIG_FILE")
        if path:
            if not Path(path).is_file():
                raise SettingsError(f"CLOUDCAT_CONFIG_FILE {path!r} does not exist")
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=path))
        return tuple(sources)

    @property
    def development(self) -> bool:
        return self.environment == Environment.DEVELOPMENT

    @model_validator(mode="after")
    def _private_networks_allowed(self) -> Settings:
        if not self.http_allow_private_networks:
            return self
        if self.environment == Environment.PRODUCTION:
            raise SettingsError(
                "CLOUDCAT_HTTP_ALLOW_PRIVATE_NETWORKS must be empty in production: it lets "
                "seller-given URLs reach CloudCat's own machine and network"
            )
        try:
            NetworkPolicy.allowing(self.http_allow_private_networks)
        except ValueError as exc:
            raise SettingsError(f"CLOUDCAT_HTTP_ALLOW_PRIVATE_NETWORKS: {exc}") from None
        return self

    @model_validator(mode="after")
    def _secret_key_present(self) -> Settings:
        if self.secret_key:
            if len(self.secret_key) < 32:
                raise SettingsError("CLOUDCAT_SECRET_KEY must be at least 32 characters long")
            return self
        if self.environment == Environment.PRODUCTION:
            raise SettingsError(
                "CLOUDCAT_SECRET_KEY is required in production: set it to a long random string, "
                "e.g. from `python -c 'import secrets; print(secrets.token_urlsafe(48))'`"
            )
        generated = secrets.token_urlsafe(48)
        object.__setattr__(self, "secret_key", generated)
        if self.environment == Environment.DEVELOPMENT:
            log.warning(
                "!!! CLOUDCAT_SECRET_KEY is not set: using a random key for this run only. "
                "Sessions and encrypted plugin secrets will not survive a restart. !!!"
            )
        return self


def load_settings(**overrides: Any) -> Settings:
    """Build settings: explicit overrides, then the environment, then the optional TOML file."""
    return Settings(**overrides)
