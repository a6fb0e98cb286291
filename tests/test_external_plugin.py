"""A partner's plugin, pip-installed like any package, is found, registered and enabled per shop;
a plugin that needs another CloudCat version is refused with the reason."""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from cloudcat.core.accounts import ShopFields, create_shop, create_user
from cloudcat.core.errors import BadInput
from cloudcat.core.plugin_api import (
    ChannelPublisher,
    OutgoingMessage,
    PublishResult,
    __version__,
    hookimpl,
)
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.providers import ProviderKind
from cloudcat.core.secrets import SecretBox
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.tenancy import ShopPlugins
from tests.conftest import TEST_SECRET_KEY

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "cloudcat-example-plugin"
DISTRIBUTION = "cloudcat-example-plugin"


@pytest.fixture(scope="module")
def installed_example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """pip-install the example plugin into a folder put on sys.path for this module's tests."""
    work = tmp_path_factory.mktemp("example-plugin")
    source = work / "source"
    shutil.copytree(EXAMPLE, source, ignore=shutil.ignore_patterns("build", "*.egg-info"))
    target = work / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    sys.path.insert(0, str(target))
    importlib.invalidate_caches()
    try:
        yield target
    finally:
        sys.path.remove(str(target))
        for name in [n for n in sys.modules if n.split(".")[0] == "cloudcat_example_plugin"]:
            del sys.modules[name]
        importlib.invalidate_caches()


def test_the_installed_plugin_is_discovered_with_its_distribution(
    installed_example: Path,
) -> None:
    plugins = create_plugin_manager()

    provider = plugins.provider("example_log")
    assert provider is not None, plugins.refused
    assert provider.distribution == DISTRIBUTION
    assert provider.plugin == "example_log"
    assert provider.kind is ProviderKind.CHANNEL_PUBLISHER
    assert provider.cls.__module__ == "cloudcat_example_plugin.publisher"
    assert plugins.distributions["feed"] == "cloudcat"  # built-ins come the same way
    assert "example_log" not in plugins.refused


def test_the_plugin_is_enabled_for_one_shop_only(installed_example: Path, db: RawDatabase) -> None:
    shop_plugins = ShopPlugins(create_plugin_manager(), db, SecretBox(TEST_SECRET_KEY), "http://x")
    owner = create_user("owner@example.com", "correct horse battery")
    shop_a = create_shop(owner, "shop-a", ShopFields(name="A"))
    shop_b = create_shop(owner, "shop-b", ShopFields(name="B"))

    shop_plugins.configure(shop_a.id, "example_log", {"tag": "launch"})
    shop_plugins.set_enabled(shop_a.id, "example_log", True)

    assert "example_log" in shop_plugins.enabled_names(shop_a.id)
    assert "example_log" not in shop_plugins.enabled_names(shop_b.id)
    with pytest.raises(BadInput, match="not enabled in this shop"):
        shop_plugins.provider(shop_b, "example_log")

    publisher = shop_plugins.provider(shop_a, "example_log")
    assert isinstance(publisher, ChannelPublisher)
    first = publisher.publish(OutgoingMessage(id="m1", title="Hello", body="World"))
    again = publisher.publish(OutgoingMessage(id="m1", title="Hello", body="World"))
    assert first == again
    (entry,) = db["example_log_messages"].find({}, {"_id": 0, "logged_at": 0})
    assert entry == {
        "shop_id": shop_a.id,
        "message_id": "m1",
        "title": "Hello",
        "body": "World",
        "url": "",
        "image_urls": [],
        "tag": "launch",
    }


class FuturePublisher(ChannelPublisher):
    name = "from_the_future"
    title = "From the future"
    version = "3.0.0"
    requires_cloudcat = ">=99"

    def publish(self, message: OutgoingMessage) -> PublishResult:
        return PublishResult(external_id=message.id)


def test_a_plugin_for_another_cloudcat_version_is_refused_with_the_reason() -> None:
    module = types.ModuleType("future_plugin")

    @hookimpl
    def cloudcat_channel_publishers() -> list[type[ChannelPublisher]]:
        return [FuturePublisher]

    vars(module)["cloudcat_channel_publishers"] = cloudcat_channel_publishers

    plugins = create_plugin_manager(entry_points=False, extra=[("future_plugin", module)])

    assert plugins.provider("from_the_future") is None
    assert plugins.refused == {
        "future_plugin": (
            f"from_the_future 3.0.0 requires CloudCat >=99, but this is CloudCat {__version__}"
        )
    }
    assert not plugins.manager.is_registered(module)
