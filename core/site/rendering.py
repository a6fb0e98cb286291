"""The themes' Jinja2 environments: sandboxed and autoescaping, each falling back to the
default theme's templates for a template it lacks.

Everything a page shows (shop data, theme settings, menu labels, the request's path) reaches
the templates as data and is escaped on output; the sandbox keeps templates from reaching
Python internals through the objects they are given. A block is drawn by the theme's
``blocks/<type>.html`` when the theme lists the type in `Theme.block_types` and has the
template; any other block is skipped.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, TemplateNotFound, pass_context, select_autoescape
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from cloudcat.core.providers import Theme
from cloudcat.core.site.formatting import format_price, iso_time
from cloudcat.core.site.links import safe_url

_ENVIRONMENTS: dict[tuple[type[Theme], Path | None], ImmutableSandboxedEnvironment] = {}
_LOCK = threading.Lock()


def json_ld(data: Any) -> Markup:
    """`data` as JSON safe inside ``<script type="application/ld+json">`` (no ``</script>``,
    no HTML comment or CDATA openers)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def sanitize(html: Any) -> Markup:
    """Rich text as HTML: cleaned by nh3 (safe tags and attributes only; content is also
    cleaned when saved), or escaped as text where nh3 is not installed."""
    text = str(html or "")
    try:
        import nh3
    except ModuleNotFoundError:
        return Markup.escape(text)
    return Markup(nh3.clean(text))


def css_value(value: Any) -> str:
    """A theme setting safe inside a CSS declaration: only characters a colour, length or
    font list uses (anything else, such as ``;``, ``}`` or ``<``, is dropped)."""
    allowed = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789#.,%-_ '\"")
    return "".join(ch for ch in str(value or "") if ch in allowed or ord(ch) > 0x2E7F)[:200]


@pass_context
def render_block(context: Context, block: Any) -> Markup:
    """Draw one content block with ``blocks/<type>.html``; "" for a block type the theme does
    not draw (unknown, undeclared or without a template)."""
    kinds = context.get("block_types") or ()
    kind = block.get("type") if isinstance(block, dict) else None
    if not isinstance(kind, str) or kind not in kinds:
        return Markup("")
    try:
        template = context.environment.get_template(f"blocks/{kind}.html")
    except TemplateNotFound:
        return Markup("")
    return Markup(template.render({**context.get_all(), "block": block}))


def environment(theme: type[Theme], fallback: Path | None) -> ImmutableSandboxedEnvironment:
    """The environment of `theme` (its templates, then those in `fallback`), made once."""
    key = (theme, fallback)
    found = _ENVIRONMENTS.get(key)
    if found is not None:
        return found
    with _LOCK:
        found = _ENVIRONMENTS.get(key)
        if found is None:
            loaders = [FileSystemLoader(theme.template_dir)]
            if fallback is not None and fallback != theme.template_dir:
                loaders.append(FileSystemLoader(fallback))
            found = ImmutableSandboxedEnvironment(
                loader=ChoiceLoader(loaders),
                autoescape=select_autoescape(default=True, default_for_string=True),
                trim_blocks=True,
                lstrip_blocks=True,
                auto_reload=False,
            )
            found.filters["money"] = format_price
            found.filters["iso"] = iso_time
            found.filters["safe_url"] = safe_url
            found.filters["json_ld"] = json_ld
            found.filters["css"] = css_value
            found.filters["sanitize"] = sanitize
            found.globals["render_block"] = render_block
            _ENVIRONMENTS[key] = found
    return found


def render(env: ImmutableSandboxedEnvironment, template: str, data: dict[str, Any]) -> str:
    """Render page `template` of `env` with `data`."""
    return env.get_template(template).render(data)
