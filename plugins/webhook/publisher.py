"""The webhook channel: each published message is POSTed as signed JSON to the shop's URL."""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any, ClassVar

import requests
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, SecretStr, field_validator

from cloudcat.core.plugin_api import (
    I18N_KEY,
    IDEMPOTENT_METHODS,
    ChannelPublisher,
    OutgoingMessage,
    PluginFailure,
    PublishResult,
    describe_request_error,
    http_session,
    redact_url,
)
from cloudcat.plugins.webhook.signing import (
    EVENT_HEADER,
    IDEMPOTENCY_HEADER,
    SIGNATURE_HEADER,
    sign,
)

MIN_SECRET_LENGTH = 16
PUBLISH_EVENT = "message.published"
PING_EVENT = "ping"
MAX_ERROR_BODY = 200


class WebhookConfig(BaseModel):
    """Where deliveries go and the secret they are signed with."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            I18N_KEY: {"zh-CN": {"description": "推送的目标地址及其签名所用的密钥。"}}
        },
    )

    url: HttpUrl = Field(
        title="Url",
        description="The receiver's http(s) address",
        json_schema_extra={
            I18N_KEY: {"zh-CN": {"title": "接收地址", "description": "接收方的 http(s) 地址"}}
        },
    )
    secret: SecretStr = Field(
        title="Secret",
        description="Shared secret for the X-CloudCat-Signature HMAC",
        json_schema_extra={
            I18N_KEY: {
                "zh-CN": {
                    "title": "密钥",
                    "description": "用于 X-CloudCat-Signature HMAC 的共享密钥",
                }
            }
        },
    )

    @field_validator("secret")
    @classmethod
    def _long_enough(cls, value: SecretStr) -> SecretStr:
        if len(value.get_secret_value()) < MIN_SECRET_LENGTH:
            raise ValueError(f"use a secret of at least {MIN_SECRET_LENGTH} characters")
        return value


class WebhookPublisher(ChannelPublisher):
    """POSTs each message as JSON, signed with HMAC-SHA256, to a configured URL."""

    name = "webhook"
    title = "Webhook"
    description = (
        "Sends each published message as signed JSON to your own endpoint (X-CloudCat-Signature: "
        "HMAC-SHA256 of the timestamp and body), for automations and custom channels."
    )
    title_i18n: ClassVar[dict[str, str]] = {"zh-CN": "Webhook 推送"}
    description_i18n: ClassVar[dict[str, str]] = {
        "zh-CN": "将每条发布的消息以签名 JSON 发送到您自己的地址"
        "（X-CloudCat-Signature：时间戳与正文的 HMAC-SHA256），用于自动化和自定义渠道。"
    }
    version = "0.1.0"
    requires_cloudcat = ">=0.1,<1"
    capabilities: ClassVar[frozenset[str]] = frozenset({"publish.text", "publish.link"})
    config_model = WebhookConfig

    config: WebhookConfig

    def publish(self, message: OutgoingMessage) -> PublishResult:
        """Deliver `message`; its idempotency key is stable, so a retried delivery is the same.

        The receiver may answer JSON with ``id`` and ``url``; otherwise the idempotency key
        serves as the post's external id.
        """
        key = f"{self.context.shop.id}:{message.id}"
        response = self._deliver(PUBLISH_EVENT, {"message": asdict(message)}, key)
        answer = _json_object(response)
        external_id = answer.get("id")
        url = answer.get("url")
        return PublishResult(
            external_id=str(external_id) if isinstance(external_id, str | int) else key,
            url=url if isinstance(url, str) else "",
        )

    def check(self) -> str:
        """Send a signed ping; the receiver must answer 2xx."""
        response = self._deliver(PING_EVENT, {}, f"ping:{uuid.uuid4().hex}")
        return f"the webhook at {self._where} accepted a signed ping (HTTP {response.status_code})"

    @property
    def _where(self) -> str:
        return redact_url(str(self.config.url))

    def _deliver(self, event: str, data: dict[str, Any], key: str) -> requests.Response:
        shop = self.context.shop
        payload = {
            "event": event,
            "id": key,
            "shop": {"id": shop.id, "slug": shop.slug, "name": shop.name},
            "sent_at": datetime.now(UTC).isoformat(),
            **data,
        }
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            EVENT_HEADER: event,
            IDEMPOTENCY_HEADER: key,
            SIGNATURE_HEADER: sign(self.config.secret.get_secret_value(), body),
        }
        url = str(self.config.url)
        try:
            with http_session(
                product=f"webhook/{self.version}", retry_methods=IDEMPOTENT_METHODS | {"POST"}
            ) as session:
                response = session.post(url, data=body, headers=headers, allow_redirects=False)
        except requests.RequestException as exc:
            raise PluginFailure(describe_request_error(exc, url)) from exc
        if not 200 <= response.status_code < 300:
            raise PluginFailure(self._refusal(response))
        return response

    def _refusal(self, response: requests.Response) -> str:
        status = f"HTTP {response.status_code} {response.reason}".strip()
        message = f"the webhook at {self._where} answered {status}"
        if response.status_code in (401, 403):
            message += ": it refused the signature (is the same secret set on both sides?)"
        elif 300 <= response.status_code < 400:
            target = redact_url(response.headers.get("Location", ""))
            message += f": it redirects to {target}; configure that address instead"
        text = response.text.strip()[:MAX_ERROR_BODY]
        return f"{message} ({text})" if text else message


def _json_object(response: requests.Response) -> dict[str, Any]:
    try:
        answer = response.json()
    except ValueError:
        return {}
    return answer if isinstance(answer, dict) else {}
