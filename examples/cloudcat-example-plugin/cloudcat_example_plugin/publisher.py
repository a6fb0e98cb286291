"""A channel publisher that logs each message to the shop's `example_log_messages` collection."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from typing import ClassVar

from bson import ObjectId
from pydantic import BaseModel, ConfigDict, Field
from pymongo import ReturnDocument

from cloudcat.core.plugin_api import (
    I18N_KEY,
    ChannelPublisher,
    OutgoingMessage,
    PluginFailure,
    PublishResult,
)

COLLECTION = "example_log_messages"


class ExampleLogConfig(BaseModel):
    """The example's one setting, to show how a config model becomes the admin form."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            I18N_KEY: {"zh-CN": {"description": "示例的唯一设置，演示配置模型如何变成管理表单。"}}
        },
    )

    tag: str = Field(
        "example",
        min_length=1,
        max_length=40,
        title="Tag",
        description="Stored with each entry",
        json_schema_extra={
            I18N_KEY: {"zh-CN": {"title": "标签", "description": "随每条记录一起保存"}}
        },
    )


class ExampleLogPublisher(ChannelPublisher):
    """Publishes by writing the message to a collection, once per message id."""

    name = "example_log"
    title = "Example log"
    description = "Writes published messages to the database: an example to copy."
    title_i18n: ClassVar[dict[str, str]] = {"zh-CN": "示例日志"}
    description_i18n: ClassVar[dict[str, str]] = {
        "zh-CN": "将发布的消息写入数据库：一个可供复制的示例。"
    }
    version = "0.1.0"
    requires_cloudcat = ">=0.1,<1"
    capabilities: ClassVar[frozenset[str]] = frozenset({"publish.text"})
    config_model = ExampleLogConfig

    config: ExampleLogConfig

    def publish(self, message: OutgoingMessage) -> PublishResult:
        """Store `message` for this shop (again publishing it changes nothing); return its id."""
        key = {"shop_id": ObjectId(self.context.shop.id), "message_id": message.id}
        fields = asdict(message)
        del fields["id"]
        entry = {**key, **fields, "tag": self.config.tag, "logged_at": datetime.now(UTC)}
        stored = self.context.db[COLLECTION].find_one_and_update(
            key,
            {"$setOnInsert": entry},
            projection={"_id": 1},
            upsert=True,
            return_document=ReturnDocument.AFTER,
        )
        if stored is None:  # an upsert returns the document, so only a broken server gets here
            raise PluginFailure("the example log could not store the message")
        return PublishResult(external_id=str(stored["_id"]))
