"""Lists the packages of the three top-level folders under the one `cloudcat` namespace, and
puts the built admin UI into wheels.

The folder-to-package mapping itself lives in pyproject.toml (`tool.setuptools.package-dir`);
this file only walks the folders so that a new subpackage never needs a manual listing. A
wheel (`python -m build`) carries admin-ui/dist as `cloudcat/core/web/admin_dist`, which the
server serves when no admin-ui/dist is next to the code; build the UI first (`make admin-ui`).
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

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


ADMIN_DIST = Path("admin-ui") / "dist"
PACKAGED_ADMIN_DIST = ("cloudcat", "core", "web", "admin_dist")


class BuildWithAdminUI(build_py):
    """`build_py`, then a copy of the built admin UI into the package (not for editable
    installs: those serve admin-ui/dist where it is)."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        if not (ADMIN_DIST / "index.html").is_file():
            self.warn("admin-ui/dist is not built (make admin-ui): this build has no admin UI")
            return
        target = Path(self.build_lib, *PACKAGED_ADMIN_DIST)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(ADMIN_DIST, target)


setup(packages=_packages(), cmdclass={"build_py": BuildWithAdminUI})
