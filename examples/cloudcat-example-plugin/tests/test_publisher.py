"""The example publisher, enabled and configured in a shop with the partner kit's fixtures."""

from __future__ import annotations

import pytest
from bson import ObjectId
from cloudcat_example_plugin.publisher import COLLECTION

from cloudcat.core.documents import Shop
from cloudcat.core.errors import BadInput
from cloudcat.core.plugin_api import ChannelPublisher, OutgoingMessage
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.testing.fixtures import EnablePlugin


def test_a_message_is_logged_once_with_the_shops_tag(
    enabled_plugin: EnablePlugin, shop: Shop, db: RawDatabase
) -> None:
    publisher = enabled_plugin("example_log", config={"tag": "spring"})
    assert isinstance(publisher, ChannelPublisher)
    message = OutgoingMessage("m1", "新茶上市", "Spring tea is here")

    first = publisher.publish(message)
    again = publisher.publish(message)

    assert first.external_id == again.external_id
    [entry] = db[COLLECTION].find({"shop_id": ObjectId(shop.id)})
    assert entry["title"] == "新茶上市" and entry["tag"] == "spring"


def test_a_bad_tag_is_refused_with_the_field_named(enabled_plugin: EnablePlugin) -> None:
    with pytest.raises(BadInput) as refused:
        enabled_plugin("example_log", config={"tag": ""})
    assert refused.value.fields[0].path == ["config", "tag"]
