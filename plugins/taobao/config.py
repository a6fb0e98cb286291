"""The Taobao/Tmall source's settings per shop: the TOP app it calls through, and where."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, SecretStr

from cloudcat.core.plugin_api import APP_LEVEL_KEY, ENUM_NAMES_KEY, I18N_KEY
from cloudcat.plugins.taobao.client import DEFAULT_GATEWAY, TopClient
from cloudcat.plugins.taobao.signing import SignMethod

DEFAULT_OAUTH = "https://oauth.taobao.com"
DEFAULT_CALLS_PER_SECOND = 40.0
"""A conservative share of what TOP lets an ordinary app call; raise it to the app's own flow
control limit (the open platform console shows it)."""
DEFAULT_BURST = 10


def _app(zh_title: str, zh_description: str) -> dict[str, Any]:
    """The schema extras of an app-level field (the operator sets it for every shop)."""
    return {
        APP_LEVEL_KEY: True,
        I18N_KEY: {"zh-CN": {"title": zh_title, "description": zh_description}},
    }


class TaobaoConfig(BaseModel):
    """A Taobao Open Platform app (AppKey and AppSecret) and the endpoints it talks to."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            I18N_KEY: {
                "zh-CN": {"description": "淘宝开放平台应用（AppKey 与 AppSecret）及其调用的地址。"}
            }
        },
    )

    app_key: str = Field(
        min_length=1,
        max_length=64,
        title="App Key",
        description="The AppKey of the Taobao Open Platform app",
        json_schema_extra=_app("应用 Key（AppKey）", "淘宝开放平台应用的 AppKey"),
    )
    app_secret: SecretStr = Field(
        title="App Secret",
        description="The app's AppSecret (signs every request)",
        json_schema_extra=_app("应用密钥（AppSecret）", "应用的 AppSecret（为每个请求签名）"),
    )
    sign_method: SignMethod = Field(
        "hmac-sha256",
        title="Sign Method",
        description="How requests are signed: md5, hmac (MD5) or hmac-sha256",
        json_schema_extra={
            APP_LEVEL_KEY: True,
            ENUM_NAMES_KEY: ["MD5", "HMAC (MD5)", "HMAC-SHA256"],
            I18N_KEY: {
                "zh-CN": {
                    "title": "签名方式",
                    "description": "请求的签名方式：md5、hmac（MD5）或 hmac-sha256",
                    ENUM_NAMES_KEY: ["MD5", "HMAC（MD5）", "HMAC-SHA256"],
                }
            },
        },
    )
    gateway_url: HttpUrl = Field(
        HttpUrl(DEFAULT_GATEWAY),
        title="Gateway URL",
        description="The TOP gateway (the sandbox is https://gw.api.tbsandbox.com/router/rest)",
        json_schema_extra=_app(
            "网关地址", "TOP 网关（沙箱为 https://gw.api.tbsandbox.com/router/rest）"
        ),
    )
    oauth_url: HttpUrl = Field(
        HttpUrl(DEFAULT_OAUTH),
        title="OAuth URL",
        description="The OAuth server (the sandbox is https://oauth.tbsandbox.com)",
        json_schema_extra=_app(
            "授权服务器地址", "OAuth 授权服务器（沙箱为 https://oauth.tbsandbox.com）"
        ),
    )
    view: Literal["web", "tmall", "wap"] = Field(
        "web",
        title="Authorization page",
        description="Which authorization page sellers see: Taobao, Tmall or mobile",
        json_schema_extra={
            ENUM_NAMES_KEY: ["Taobao", "Tmall", "Mobile"],
            I18N_KEY: {
                "zh-CN": {
                    "title": "授权页面",
                    "description": "卖家看到的授权页面：淘宝、天猫或移动端",
                    ENUM_NAMES_KEY: ["淘宝", "天猫", "移动端"],
                }
            },
        },
    )
    calls_per_second: float = Field(
        DEFAULT_CALLS_PER_SECOND,
        gt=0,
        le=10_000,
        title="Calls per second",
        description=(
            "The app's call budget on TOP, in calls per second: shared by every shop using "
            "this AppKey and every worker, each syncing shop getting a fair share"
        ),
        json_schema_extra=_app(
            "每秒调用次数",
            "应用在 TOP 上的调用额度（次/秒）：由使用此 AppKey 的所有店铺和所有工作进程共享，"
            "每个同步中的店铺公平分配",
        ),
    )
    burst: int = Field(
        DEFAULT_BURST,
        ge=1,
        le=10_000,
        title="Burst",
        description="How many calls the app may send at once",
        json_schema_extra=_app("突发调用数", "应用一次最多可同时发出的调用数"),
    )


def base_url(url: HttpUrl) -> str:
    """`url` as text without a trailing slash."""
    return str(url).rstrip("/")


def top_client(config: TaobaoConfig, session: str | None = None, **options: Any) -> TopClient:
    """A `TopClient` for the shop's app, calling as the seller whose `session` is given."""
    return TopClient(
        config.app_key,
        config.app_secret.get_secret_value(),
        session=session,
        gateway_url=str(config.gateway_url),
        sign_method=config.sign_method,
        **options,
    )
