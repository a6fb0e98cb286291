"""Lists the packages of the three top-level folders under the one `cloudcat` namespace.

The folder-to-package mapping itself lives in pyproject.toml (`tool.setuptools.package-dir`);
this file only walks the folders so that a new subpackage never needs a manual listing.
"""

from pathlib import Path

from setuptools import setup

ROOTS = {"core": "cloudcat.core", "plugins": "cloudcat.plugins", "schema": "cloudcat.schema"}


def _packages() -> list[str]:
    """Every folder below the roots: code packages and data-only ones (templates, catalogs)."""
    found = []
    for folder, name in ROOTS.items():
        for path in sorted(p for p in Path(folder).rglob("*") if p.is_dir()):
            if "__pycache__" not in path.parts:
                found.append(".".join((name, *path.relative_to(folder).parts)))
        found.append(name)
    return sorted(found)


setup(packages=_packages())
