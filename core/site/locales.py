"""Which language a site page is shown in: ``?lang=``, else the browser's Accept-Language,
else the shop's own locale."""

from __future__ import annotations

SITE_LOCALES = ("zh-CN", "en")
"""The languages the site's own words (buttons, headings) exist in."""


def normalize(tag: str) -> str | None:
    """`tag` as one of `SITE_LOCALES` (``zh``, ``zh-cn``, ``zh-Hans`` -> ``zh-CN``), or None."""
    tag = tag.strip().replace("_", "-").lower()
    if not tag:
        return None
    primary = tag.split("-")[0]
    if primary == "zh":
        return "zh-CN"
    if primary == "en":
        return "en"
    return None


def pick_locale(lang: str | None, accept_language: str, default: str) -> str:
    """The locale of a page: `lang` when it names a site locale, else the first site locale
    of `accept_language` (by q-value), else `default` (the shop's locale)."""
    if lang:
        chosen = normalize(lang)
        if chosen:
            return chosen
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept_language.split(",")[:20]):
        tag, _, params = part.partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        found = normalize(tag)
        if found and quality > 0:
            ranked.append((-quality, index, found))
    if ranked:
        return min(ranked)[2]
    return normalize(default) or "zh-CN"


def language(locale: str) -> str:
    """The primary language of `locale` (``zh`` or ``en``), the key of the site's texts."""
    return "zh" if locale.lower().startswith("zh") else "en"
