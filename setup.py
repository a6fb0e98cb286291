"""Lists the packages of the three top-level folders under the one `cloudcat` namespace.

The folder-to-package mapping itself lives in pyproject.toml (`tool.setuptools.package-dir`);
this file only walks the folders so that a new subpackage never needs a manual listing.
"""

from pathlib import Path

from setuptools import setup

ROOTS = {"core": "cloudcat.core", "plugins": "cloudcat.plugins", "schema": "cloudcat.schema"}


def _packages() -> list[str]:
    found = []
    for folder, name in ROOTS.items():
        for init in sorted(Path(folder).rglob("__init__.py")):
            found.append(".".join((name, *init.parent.relative_to(folder).parts)))
    return found


setup(packages=_packages())
