"""The block types of a page, one pydantic model per type, and the check of a block list.

A block is ``{"id": "<uuid4 hex>", "type": "<type>", "settings": {...}}``; a page's blocks are an
ordered list owned by one revision. Each model's JSON Schema (English texts, zh-CN texts in
``x-i18n``, localized by `cloudcat.core.i18n.localize_schema`) drives the editor's settings
forms. Texts are cleaned on the way in (`cloudcat.core.content.sanitize`): headings and labels
lose any markup, rich text keeps only safe formatting, links and image refs are checked.
"""

from __future__ import annotations

import copy
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    ValidationError,
    model_validator,
)

from cloudcat.core.content.sanitize import check_image_ref, check_link, plain_text, rich_html
from cloudcat.core.errors import BadInput, FieldError
from cloudcat.core.i18n import localize_schema

MAX_BLOCKS = 60
BLOCK_ID = re.compile(r"^[0-9a-f]{32}$")

PlainText = Annotated[str, AfterValidator(plain_text)]
RichHtml = Annotated[str, AfterValidator(rich_html)]
Link = Annotated[str, AfterValidator(check_link)]
ImageRef = Annotated[str, AfterValidator(check_image_ref)]


def _field(
    default: Any,
    title: str,
    zh_title: str,
    description: str = "",
    zh_description: str = "",
    **kw: Any,
) -> Any:
    """A settings field with its English texts and their zh-CN translation."""
    zh: dict[str, JsonValue] = {"title": zh_title}
    if zh_description:
        zh["description"] = zh_description
    return Field(
        default,
        title=title,
        description=description or None,
        json_schema_extra={"x-i18n": {"zh-CN": zh}},
        **kw,
    )


class BlockSettings(BaseModel):
    """Base of every block's settings: unknown keys are refused."""

    model_config = ConfigDict(extra="forbid")


class HeroSettings(BlockSettings):
    heading: PlainText = _field("", "Heading", "标题", max_length=200)
    subheading: PlainText = _field("", "Subheading", "副标题", max_length=500)
    image: ImageRef | None = _field(
        None, "Image", "图片", "A media asset or an https URL", "媒体库图片或 https 地址"
    )
    link: Link | None = _field(
        None, "Link", "链接", "An http(s) URL or a site path such as /pages/about",
        "http(s) 地址或站内路径，如 /pages/about",
    )  # fmt: skip
    button_label: PlainText = _field("", "Button label", "按钮文字", max_length=60)


class GridRule(BlockSettings):
    category_id: str | None = _field(None, "Category", "分类", max_length=200)
    on_promotion: bool = _field(False, "On promotion only", "仅促销商品")
    sort: Literal["manual", "newest", "price_asc", "price_desc"] = Field(
        "manual",
        title="Sort",
        json_schema_extra={
            "x-enumNames": ["Seller's order", "Newest", "Price: low to high", "Price: high to low"],
            "x-i18n": {
                "zh-CN": {
                    "title": "排序",
                    "x-enumNames": ["自定义顺序", "最新", "价格从低到高", "价格从高到低"],
                }
            },
        },
    )


class ProductGridSettings(BlockSettings):
    heading: PlainText = _field("", "Heading", "标题", max_length=200)
    source: Literal["collection", "rule"] = Field(
        "collection",
        title="Products from",
        json_schema_extra={
            "x-enumNames": ["A collection", "A rule"],
            "x-i18n": {"zh-CN": {"title": "商品来源", "x-enumNames": ["一个分类/合集", "规则"]}},
        },
    )
    collection_id: str | None = _field(
        None, "Collection", "分类/合集", "The category or collection to show", "要展示的分类或合集",
        max_length=200,
    )  # fmt: skip
    rule: GridRule | None = _field(None, "Rule", "规则")
    limit: int = _field(12, "How many", "数量", ge=1, le=48)

    @model_validator(mode="after")
    def _source_given(self) -> ProductGridSettings:
        if self.source == "collection" and not self.collection_id:
            raise ValueError("choose the collection the grid shows")
        if self.source == "rule" and self.rule is None:
            self.rule = GridRule()
        return self


class CountdownSettings(BlockSettings):
    heading: PlainText = _field("", "Heading", "标题", max_length=200)
    promotion_id: str | None = _field(
        None, "Promotion", "促销活动", "Counts down to the promotion's end", "倒计时至活动结束",
        max_length=200,
    )  # fmt: skip
    ends_at: datetime | None = _field(None, "Ends at", "结束时间")

    @model_validator(mode="after")
    def _target_given(self) -> CountdownSettings:
        if not self.promotion_id and self.ends_at is None:
            raise ValueError("choose a promotion or an end time")
        return self


class RichTextSettings(BlockSettings):
    html: RichHtml = _field("", "Text", "正文", max_length=100_000)


class GalleryImage(BlockSettings):
    image: ImageRef = _field(..., "Image", "图片")
    alt: PlainText = _field("", "Alternative text", "替代文字", max_length=300)
    link: Link | None = _field(None, "Link", "链接")


class GallerySettings(BlockSettings):
    heading: PlainText = _field("", "Heading", "标题", max_length=200)
    images: list[GalleryImage] = _field([], "Images", "图片", max_length=24)


class ArticleListSettings(BlockSettings):
    heading: PlainText = _field("", "Heading", "标题", max_length=200)
    tag: PlainText | None = _field(
        None, "Tag", "标签", "Only articles with this tag", "仅此标签的文章", max_length=60
    )
    limit: int = _field(6, "How many", "数量", ge=1, le=24)


class CouponSettings(BlockSettings):
    heading: PlainText = _field("", "Heading", "标题", max_length=200)
    code: PlainText = _field(..., "Code", "优惠码", min_length=1, max_length=64)
    description: PlainText = _field("", "Description", "说明", max_length=500)
    link: Link | None = _field(None, "Link", "链接")
    show_qr: bool = _field(False, "Show a QR code of the link", "显示链接二维码")


@dataclass(frozen=True)
class BlockType:
    """One block type: its settings model and its texts for the editor."""

    name: str
    model: type[BlockSettings]
    title: str
    description: str
    zh_title: str
    zh_description: str

    def schema(self, locale: str) -> dict[str, Any]:
        """The settings' JSON Schema with `locale`'s texts."""
        return localize_schema(copy.deepcopy(self.model.model_json_schema()), locale)

    def texts(self, locale: str) -> tuple[str, str]:
        """(title, description) in `locale` (English unless zh-CN)."""
        if locale == "zh-CN":
            return self.zh_title, self.zh_description
        return self.title, self.description


BLOCK_TYPES: dict[str, BlockType] = {
    block.name: block
    for block in (
        BlockType(
            "hero", HeroSettings, "Hero banner", "A large picture with a heading and a button",
            "横幅", "大图，配标题和按钮",
        ),
        BlockType(
            "product_grid", ProductGridSettings, "Product grid",
            "Products of a collection or chosen by a rule",
            "商品网格", "展示某个分类/合集或按规则挑选的商品",
        ),
        BlockType(
            "countdown", CountdownSettings, "Countdown", "Time left in a promotion",
            "倒计时", "促销活动剩余时间",
        ),
        BlockType(
            "rich_text", RichTextSettings, "Rich text", "Formatted text", "图文", "带格式的文字"
        ),
        BlockType(
            "gallery", GallerySettings, "Gallery", "A row of pictures, each may link",
            "图集", "一组图片，可各自链接",
        ),
        BlockType(
            "article_list", ArticleListSettings, "Article list", "The newest articles",
            "文章列表", "最新文章",
        ),
        BlockType(
            "coupon", CouponSettings, "Coupon", "A coupon code, with a QR code if you like",
            "优惠券", "优惠码，可附二维码",
        ),
    )
}  # fmt: skip


def clean_blocks(raw: list[dict[str, Any]], path: list[str | int]) -> list[dict[str, Any]]:
    """The blocks `raw` checked and cleaned, in order, each with an id (a new one when absent).

    Raises BAD_USER_INPUT naming every bad block field under `path` (e.g. ["data", "blocks"]).
    """
    if len(raw) > MAX_BLOCKS:
        raise BadInput(
            f"a page holds at most {MAX_BLOCKS} blocks",
            [
                FieldError(
                    path, f"at most {MAX_BLOCKS} blocks", "too_long", {"max_length": MAX_BLOCKS}
                )
            ],
        )
    problems: list[FieldError] = []
    cleaned: list[dict[str, Any]] = []
    seen: set[str] = set()
    for index, block in enumerate(raw):
        here = [*path, index]
        block_id = str(block.get("id") or uuid.uuid4().hex)
        if not BLOCK_ID.match(block_id) or block_id in seen:
            problems.append(FieldError([*here, "id"], "a block id is a unique 32-digit hex uuid"))
        seen.add(block_id)
        kind = BLOCK_TYPES.get(str(block.get("type")))
        if kind is None:
            known = ", ".join(BLOCK_TYPES)
            problems.append(FieldError([*here, "type"], f"unknown block type (known: {known})"))
            continue
        settings = block.get("settings")
        if not isinstance(settings, dict):
            problems.append(FieldError([*here, "settings"], "settings must be an object"))
            continue
        try:
            model = kind.model.model_validate(settings)
        except ValidationError as exc:
            problems.extend(
                FieldError.from_pydantic([*here, "settings"], dict(item)) for item in exc.errors()
            )
            continue
        cleaned.append(
            {"id": block_id, "type": kind.name, "settings": model.model_dump(mode="json")}
        )
    if problems:
        raise BadInput("some blocks are not valid", problems)
    return cleaned
