"""Localised plugin texts and server messages: the locales, the negotiation, the schema walk.

Plugins localise themselves. A provider class gives `title_i18n` and `description_i18n`
(locale -> text); a config model gives each field's texts in its JSON Schema extras::

    app_key: str = Field(
        title="App key",
        description="The AppKey of the app",
        json_schema_extra={"x-i18n": {"zh-CN": {"title": "应用 Key", "description": "…"}}},
    )
    view: Literal["web", "tmall"] = Field(
        "web",
        json_schema_extra={
            "x-enumNames": ["Taobao", "Tmall"],
            "x-i18n": {"zh-CN": {"x-enumNames": ["淘宝", "天猫"]}},
        },
    )

and a model its own through ``model_config = ConfigDict(json_schema_extra={"x-i18n": …})``.
`localize_schema` applies one locale's texts and drops the ``x-i18n`` blocks; `untranslated`
lists the user-visible texts a locale lacks (the built-in plugins have none in zh-CN).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

DEFAULT_LOCALE = "en"
LOCALES = ("en", "zh-CN")
I18N_KEY = "x-i18n"
ENUM_NAMES_KEY = "x-enumNames"
TEXT_KEYS = ("title", "description", ENUM_NAMES_KEY)
"""The keys of a JSON Schema node a person reads (and a locale may replace)."""


def negotiate_locale(accept_language: str | None) -> str:
    """The locale of an ``Accept-Language`` header: zh* -> zh-CN, anything else -> en."""
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("zh"):
            return "zh-CN"
        if tag and tag != "*":
            return DEFAULT_LOCALE
    return DEFAULT_LOCALE


def pick(texts: Mapping[str, str], locale: str, default: str) -> str:
    """`texts[locale]`, else `default` (the English text)."""
    return texts.get(locale) or default


def _nodes(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every JSON object inside `node` (itself included), with its path."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            if key != I18N_KEY:
                yield from _nodes(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _nodes(value, f"{path}/{index}")


def localize_schema(schema: dict[str, Any], locale: str) -> dict[str, Any]:
    """Apply `locale`'s texts to `schema` in place (and return it); ``x-i18n`` is removed."""
    for _, node in list(_nodes(schema)):
        texts = node.pop(I18N_KEY, None)
        if isinstance(texts, dict) and isinstance(texts.get(locale), dict):
            node.update({k: v for k, v in texts[locale].items() if k in TEXT_KEYS})
    return schema


def _is_model(path: str) -> bool:
    """Whether `path` is the root or a `$defs` entry (a model: its title is a class name)."""
    return path == "" or (path.startswith("/$defs/") and path.count("/") == 2)


def untranslated(schema: dict[str, Any], locale: str) -> list[str]:
    """Paths (``/properties/app_key#title``) of the texts in `schema` without a `locale` text.

    Checked: every title and description (but a model's title, which is its class name),
    and the choice labels of every field with an ``enum`` (which must also have
    ``x-enumNames`` in the default locale)."""
    missing = []
    for path, node in _nodes(schema):
        if path.endswith("/properties") or path.endswith("/$defs"):
            continue
        texts = (
            node.get(I18N_KEY, {}).get(locale, {}) if isinstance(node.get(I18N_KEY), dict) else {}
        )
        for key in TEXT_KEYS:
            if key == "title" and _is_model(path):
                continue
            if key in node and key not in texts:
                missing.append(f"{path}#{key}")
        if _has_choices(node) and ENUM_NAMES_KEY not in node:
            missing.append(f"{path}#{ENUM_NAMES_KEY} (default locale)")
    return missing


def _has_choices(node: dict[str, Any]) -> bool:
    """Whether `node` is a field offering choices (an ``enum`` itself or in its ``anyOf``)."""
    if "enum" in node and "type" in node and "title" in node:
        return True
    options = node.get("anyOf")
    return isinstance(options, list) and any(isinstance(o, dict) and "enum" in o for o in options)


MESSAGES: dict[str, dict[str, str]] = {
    "NOT_CONNECTED": {
        "en": "Connect your {title} account first.",
        "zh-CN": "请先连接您的{title}账号。",
    },
    "NOT_CONFIGURED": {
        "en": "Finish the settings of {title} first.",
        "zh-CN": "请先完成{title}的设置。",
    },
    "DISABLED": {
        "en": "Turn {title} on first.",
        "zh-CN": "请先启用{title}。",
    },
    "SHOP_SUSPENDED": {
        "en": "This shop is suspended: nothing can be changed until it is resumed.",
        "zh-CN": "此店铺已被暂停：恢复之前无法进行更改。",
    },
}
"""The server's own messages a person reads, by code and locale."""


def message(code: str, locale: str, **values: str) -> str:
    """The message of `code` in `locale` (English when it has none), filled with `values`."""
    texts = MESSAGES[code]
    return pick(texts, locale, texts[DEFAULT_LOCALE]).format(**values)
