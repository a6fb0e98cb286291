"""The long-lived services one app (or worker) shares: settings, database, plugins."""

from __future__ import annotations

from dataclasses import dataclass

from cloudcat.core.http import configure_outgoing_http
from cloudcat.core.plugins import Plugins, create_plugin_manager
from cloudcat.core.secrets import SecretBox
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.tenancy import ShopPlugins


@dataclass
class Services:
    """What request handlers and job handlers reach through their context."""

    settings: Settings
    db: RawDatabase
    plugins: Plugins
    shop_plugins: ShopPlugins


def build_services(settings: Settings, db: RawDatabase, plugins: Plugins | None = None) -> Services:
    """Wire the services for `db`; plugins are discovered from entry points unless given.

    Also sets the process's rules for outgoing requests (network allow-list, deadline).
    """
    plugins = plugins if plugins is not None else create_plugin_manager()
    configure_outgoing_http(
        allow_private_networks=settings.http_allow_private_networks,
        deadline=settings.http_deadline_seconds,
    )
    box = SecretBox(settings.secret_key)
    return Services(
        settings=settings,
        db=db,
        plugins=plugins,
        shop_plugins=ShopPlugins(plugins, db, box, settings.public_url, settings.plugins),
    )
