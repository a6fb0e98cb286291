"""The Taobao/Tmall source's settings per shop: the TOP app it calls through, and where."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, SecretStr

from cloudcat.plugins.taobao.client import DEFAULT_GATEWAY, TopClient
from cloudcat.plugins.taobao.signing import SignMethod

DEFAULT_OAUTH = "https://oauth.taobao.com"
DEFAULT_CALLS_PER_SECOND = 40.0
"""A conservative share of what TOP lets an ordinary app call; raise it to the app's own flow
control limit (the open platform console shows it)."""
DEFAULT_BURST = 10


class TaobaoConfig(BaseModel):
    """A Taobao Open Platform app (AppKey and AppSecret) and the endpoints it talks to."""

    model_config = ConfigDict(extra="forbid")

    app_key: str = Field(
        min_length=1, max_length=64, description="The AppKey of the Taobao Open Platform app"
    )
    app_secret: SecretStr = Field(description="The app's AppSecret (signs every request)")
    sign_method: SignMethod = Field(
        "hmac-sha256", description="How requests are signed: md5, hmac (MD5) or hmac-sha256"
    )
    gateway_url: HttpUrl = Field(
        HttpUrl(DEFAULT_GATEWAY),
        description="The TOP gateway (the sandbox is https://gw.api.tbsandbox.com/router/rest)",
    )
    oauth_url: HttpUrl = Field(
        HttpUrl(DEFAULT_OAUTH),
        description="The OAuth server (the sandbox is https://oauth.tbsandbox.com)",
    )
    view: Literal["web", "tmall", "wap"] = Field(
        "web", description="Which authorization page sellers see: Taobao, Tmall or mobile"
    )
    calls_per_second: float = Field(
        DEFAULT_CALLS_PER_SECOND,
        gt=0,
        le=10_000,
        description=(
            "The app's call budget on TOP, in calls per second: shared by every shop using "
            "this AppKey and every worker, each syncing shop getting a fair share"
        ),
    )
    burst: int = Field(
        DEFAULT_BURST, ge=1, le=10_000, description="How many calls the app may send at once"
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
