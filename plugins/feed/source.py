"""The product feed source: a shop's catalog read from a JSON or CSV file at an http(s) URL."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar, Literal

import requests
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, SecretStr, field_validator

from cloudcat.core.plugin_api import (
    ENUM_NAMES_KEY,
    I18N_KEY,
    ISO_4217,
    CategoryStream,
    Checkpoint,
    ExpectedTotal,
    MarketplaceSource,
    PluginFailure,
    ProductRecord,
    ProductStream,
    PromotionStream,
    RejectedRecord,
    SourceAuthExpired,
    SourceCapability,
    SourceRateLimited,
    describe_request_error,
    http_session,
    redact_url,
    retry_after_seconds,
)
from cloudcat.plugins.feed.extras import read_categories, read_promotions
from cloudcat.plugins.feed.parsing import (
    FeedError,
    csv_rows,
    decode,
    detect_format,
    json_rows,
    json_section,
    load_json,
    read_records,
)

MAX_FEED_BYTES = 64 * 1024 * 1024
ACCEPT = "application/json, text/csv;q=0.9, */*;q=0.5"
REFUSED = frozenset({401, 403})
"""The answers of a host refusing the feed's URL or credentials."""
CHECKPOINT_EVERY = 500
"""Rows between two checkpoints."""


@dataclass
class _Feed:
    """A fetched feed: its format, its parsed JSON (or CSV text) and a digest of its bytes."""

    format: str
    data: Any
    digest: str
    where: str

    def products(self) -> list[tuple[str, Any]]:
        try:
            return list(json_rows(self.data) if self.format == "json" else csv_rows(self.data))
        except FeedError as exc:
            raise PluginFailure(f"the feed at {self.where} cannot be read: {exc}") from exc

    def section(self, key: str) -> list[tuple[str, Any]]:
        if self.format != "json":
            return []
        try:
            return json_section(self.data, key)
        except FeedError as exc:
            raise PluginFailure(f"the feed at {self.where} cannot be read: {exc}") from exc


def _resume_row(checkpoint: str | None, digest: str) -> int:
    """The row to resume after: the checkpoint's, if it was taken on this very feed."""
    if not checkpoint:
        return 0
    taken_on, _, row = checkpoint.partition(":")
    return int(row) if taken_on == digest and row.isdigit() else 0


def _texts(title: str, description: str | None = None) -> dict[str, Any]:
    """The schema extras giving a field's title (and description) in Chinese."""
    texts = (
        {"title": title} if description is None else {"title": title, "description": description}
    )
    return {I18N_KEY: {"zh-CN": texts}}


class ColumnMapping(BaseModel):
    """Which column (CSV) or key (JSON) holds each product field."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            I18N_KEY: {"zh-CN": {"description": "每个商品字段所在的列（CSV）或键（JSON）。"}}
        },
    )

    id: str = Field(
        "id",
        min_length=1,
        title="Id",
        description="Unique product id within the feed",
        json_schema_extra=_texts("ID", "商品在源中的唯一 ID"),
    )
    title: str = Field("title", min_length=1, title="Title", json_schema_extra=_texts("标题"))
    price: str = Field("price", min_length=1, title="Price", json_schema_extra=_texts("价格"))
    currency: str = Field(
        "currency", min_length=1, title="Currency", json_schema_extra=_texts("币种")
    )
    description: str = Field(
        "description", min_length=1, title="Description", json_schema_extra=_texts("描述")
    )
    image: str = Field(
        "image",
        min_length=1,
        title="Image",
        description="Image URLs, separated by | or spaces",
        json_schema_extra=_texts("图片", "图片地址，以 | 或空格分隔"),
    )
    url: str = Field(
        "url",
        min_length=1,
        title="Product page URL",
        description="The product's page on the marketplace",
        json_schema_extra=_texts("商品页面地址", "商品在平台上的页面"),
    )
    status: str = Field(
        "status",
        min_length=1,
        title="Status",
        description="active or delisted",
        json_schema_extra=_texts("状态", "active（在售）或 delisted（已下架）"),
    )


class FeedConfig(BaseModel):
    """Where the feed is and how to read it."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={I18N_KEY: {"zh-CN": {"description": "商品源的地址及读取方式。"}}},
    )

    url: HttpUrl = Field(
        title="Feed URL",
        description="The feed's http(s) address",
        json_schema_extra=_texts("商品源地址", "商品源的 http(s) 地址"),
    )
    format: Literal["auto", "json", "csv"] = Field(
        "auto",
        title="Format",
        description="auto decides from the Content-Type, the file name, then the content",
        json_schema_extra={
            ENUM_NAMES_KEY: ["Automatic", "JSON", "CSV"],
            I18N_KEY: {
                "zh-CN": {
                    "title": "格式",
                    "description": "自动：依次根据 Content-Type、文件名和内容判断",
                    ENUM_NAMES_KEY: ["自动", "JSON", "CSV"],
                }
            },
        },
    )
    columns: ColumnMapping = Field(default_factory=ColumnMapping)
    default_currency: str | None = Field(
        None,
        title="Default Currency",
        description="Currency for rows without one (default: the shop's currency)",
        json_schema_extra=_texts("默认币种", "未注明币种的行所用的币种（默认：店铺的币种）"),
    )
    authorization: SecretStr | None = Field(
        None,
        title="Authorization",
        description="Sent as the Authorization header, e.g. 'Bearer <token>'",
        json_schema_extra=_texts(
            "授权信息", "作为 Authorization 请求头发送，例如 'Bearer <token>'"
        ),
    )

    @field_validator("default_currency")
    @classmethod
    def _known_currency(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        code = value.strip().upper()
        if code not in ISO_4217:
            raise ValueError(f"unknown currency {value!r}: use an ISO 4217 code such as CNY")
        return code


class FeedSource(MarketplaceSource):
    """Reads products (with variants), categories and promotions from a JSON or CSV feed.

    Bad rows are rejected one by one. The feed is fetched once per run and read as a whole
    (``since`` is ignored: a feed is always a complete listing). Every `CHECKPOINT_EVERY`
    rows a `Checkpoint` names the feed's digest and the row reached, so a killed sync resumes
    there if the feed is unchanged, and from the start otherwise.
    """

    name = "feed"
    title = "Product feed (JSON/CSV)"
    description = (
        "Reads the catalog from a JSON or CSV product feed at an http(s) URL, such as an export "
        "from a marketplace, an ERP or a spreadsheet; JSON feeds may carry variants, "
        "categories and promotions."
    )
    title_i18n: ClassVar[dict[str, str]] = {"zh-CN": "商品源（JSON/CSV）"}
    description_i18n: ClassVar[dict[str, str]] = {
        "zh-CN": "从 http(s) 地址上的 JSON 或 CSV 商品源读取商品目录，例如来自电商平台、"
        "ERP 或电子表格的导出；JSON 商品源可包含规格、分类和促销。"
    }
    version = "0.2.0"
    requires_cloudcat = ">=0.1,<1"
    capabilities: ClassVar[frozenset[str]] = frozenset(
        {
            SourceCapability.PRODUCTS.value,
            SourceCapability.CATEGORIES.value,
            SourceCapability.PROMOTIONS.value,
        }
    )
    config_model = FeedConfig

    config: FeedConfig
    _loaded: _Feed | None = None

    def iter_products(
        self, *, since: datetime | None = None, checkpoint: str | None = None
    ) -> ProductStream:
        """Yield a record or a rejection for every product row, with checkpoints.

        Raises `PluginFailure` when the feed as a whole cannot be fetched or read:
        `SourceAuthExpired` when its host refuses access, `SourceRateLimited` when it keeps
        answering 429.
        """
        feed = self._feed()
        rows = feed.products()
        yield ExpectedTotal(len(rows))
        start = _resume_row(checkpoint, feed.digest)
        currency = self._currency()
        mapping = self.config.columns.model_dump()
        for index, item in enumerate(read_records(rows, mapping, currency), start=1):
            if index > start:
                yield item
            if index % CHECKPOINT_EVERY == 0:
                yield Checkpoint(f"{feed.digest}:{index}")

    def iter_categories(
        self, *, since: datetime | None = None, checkpoint: str | None = None
    ) -> CategoryStream:
        """Yield a record or a rejection for every entry of a JSON feed's ``categories``."""
        yield from read_categories(self._feed().section("categories"))

    def iter_promotions(
        self, *, since: datetime | None = None, checkpoint: str | None = None
    ) -> PromotionStream:
        """Yield a record or a rejection for every entry of a JSON feed's ``promotions``."""
        yield from read_promotions(self._feed().section("promotions"), self._currency())

    def _currency(self) -> str:
        return self.config.default_currency or self.context.shop.currency

    def _feed(self) -> _Feed:
        """The feed, fetched and parsed once per source instance (one sync run)."""
        if self._loaded is None:
            text, content_type = self._fetch()
            fmt = self.config.format
            if fmt == "auto":
                fmt = detect_format(content_type, str(self.config.url), text)
            digest = hashlib.sha256(text.encode()).hexdigest()[:16]
            try:
                data = load_json(text) if fmt == "json" else text
            except FeedError as exc:
                raise PluginFailure(f"the feed at {self._where} cannot be read: {exc}") from exc
            self._loaded = _Feed(fmt, data, digest, self._where)
        return self._loaded

    def check(self) -> str:
        """Fetch and read the whole feed; report its rows, or raise if none is usable."""
        readable = rejected = 0
        first_problem = ""
        for item in self.iter_products():
            if isinstance(item, ProductRecord):
                readable += 1
            elif isinstance(item, RejectedRecord):
                rejected += 1
                first_problem = first_problem or item.reason
        if readable == 0:
            detail = f" ({rejected} rejected, first: {first_problem})" if rejected else ""
            raise PluginFailure(f"the feed at {self._where} holds no usable product{detail}")
        summary = f"the feed has {readable + rejected} rows: {readable} readable"
        if rejected:
            summary += f", {rejected} rejected (first: {first_problem})"
        return summary

    @property
    def _where(self) -> str:
        return redact_url(str(self.config.url))

    def _refusal(self, response: requests.Response) -> PluginFailure:
        """The error of a feed answering `response` (not 2xx) after the session's retries:
        `SourceAuthExpired` for a refused access (401/403: not retried, the seller must fix
        the URL or the credentials), `SourceRateLimited` for a 429 (with its ``Retry-After``),
        else a `PluginFailure` naming the status."""
        answered = f"HTTP {response.status_code} {response.reason}".strip()
        if response.status_code in REFUSED:
            return SourceAuthExpired(
                f"the feed at {self._where} refused access ({answered}): "
                "check its URL and the Authorization setting"
            )
        if response.status_code == 429:
            return SourceRateLimited(
                f"the feed at {self._where} keeps answering {answered}",
                retry_after_seconds(response.headers.get("Retry-After")),
            )
        return PluginFailure(f"the feed at {self._where} answered {answered}")

    def _fetch(self) -> tuple[str, str]:
        url = str(self.config.url)
        headers = {"Accept": ACCEPT}
        if self.config.authorization is not None:
            headers["Authorization"] = self.config.authorization.get_secret_value()
        try:
            with (
                http_session(
                    product=f"feed/{self.version}", max_body_bytes=MAX_FEED_BYTES
                ) as session,
                session.get(url, headers=headers, stream=True) as response,
            ):
                if not response.ok:
                    raise self._refusal(response)
                body = response.content  # the session caps it at MAX_FEED_BYTES
                content_type = response.headers.get("Content-Type", "")
                charset = response.encoding if "charset" in content_type.lower() else None
        except requests.RequestException as exc:
            raise PluginFailure(describe_request_error(exc, url)) from exc
        try:
            return decode(body, charset), content_type
        except FeedError as exc:
            raise PluginFailure(f"the feed at {self._where} cannot be read: {exc}") from exc
