"""`cloudcat plugin new`: writes a partner's plugin package, ready to `pip install -e`.

The files come from the templates under ``templates/``: ``common/`` for every kind (the
pyproject with the ``cloudcat.plugins`` entry point, a README, the tests' conftest on the partner
kit and a fake HTTP API), then ``<kind>/`` (the provider with its config model, its
registration and its tests; for sources, the conformance suite). A template path's ``package``
folder becomes the plugin's module, and ``${placeholders}`` are filled with `string.Template`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from string import Template

from cloudcat.core import __version__
from cloudcat.core.errors import BadInput, FieldError
from cloudcat.core.providers import NAME_PATTERN

TEMPLATES = Path(__file__).resolve().parent / "templates"
SUFFIX = ".tmpl"


@dataclass(frozen=True)
class Kind:
    """A kind of plugin the scaffold writes: its words (for the README and description)."""

    words: str
    readme: str


KINDS: dict[str, Kind] = {
    "source": Kind(
        "marketplace source",
        "* `tests/test_source.py` runs CloudCat's source conformance suite on the source: paging,\n"
        "  resuming from checkpoints, rejected products, deletions, auth and rate-limit errors.\n",
    ),
    "channel": Kind("channel publisher", ""),
    "theme": Kind("theme", ""),
    "sink": Kind("analytics sink", ""),
}


def package_names(name: str) -> dict[str, str]:
    """The names a plugin called `name` gets: distribution, module and class prefix."""
    return {
        "name": name,
        "dist": "cloudcat-" + name.replace("_", "-"),
        "module": f"cloudcat_{name}",
        "classname": "".join(part.title() for part in name.split("_")),
        "title": " ".join(part.title() for part in name.split("_")),
    }


def new_plugin(name: str, kind: str, parent: Path) -> Path:
    """Write the package of plugin `name` of `kind` into a new folder under `parent`."""
    if not NAME_PATTERN.match(name):
        raise BadInput(
            "the plugin name is not valid",
            [FieldError(["name"], "use 2-49 lowercase letters, digits and underscores")],
        )
    if kind not in KINDS:
        raise BadInput(
            "unknown plugin kind", [FieldError(["kind"], f"choose one of {', '.join(KINDS)}")]
        )
    names = package_names(name)
    target = parent / names["dist"]
    if target.exists():
        raise BadInput(f"{target} already exists", [FieldError(["dir"], "choose another folder")])
    values = {
        **names,
        "kind": kind,
        "kind_words": KINDS[kind].words,
        "kind_readme": KINDS[kind].readme,
        "cloudcat_version": ".".join(__version__.split(".")[:2]),
    }
    for root in (TEMPLATES / "common", TEMPLATES / kind):
        for template in sorted(root.rglob(f"*{SUFFIX}")):
            relative = template.relative_to(root).with_suffix("")
            parts = [names["module"] if part == "package" else part for part in relative.parts]
            path = target.joinpath(*parts)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(Template(template.read_text("utf-8")).substitute(values), "utf-8")
    return target
