"""Where a page is on the shop's site, relative to the site's root (``/s/<slug>`` or a domain)."""

from __future__ import annotations

PATHS = {"home": "/", "landing": "/pages/", "campaign": "/campaigns/", "article": "/articles/"}


def page_path(kind: str, handle: str) -> str:
    """The site path of page `kind`/`handle`: ``/`` for the home page, ``/pages/<handle>`` for
    a landing page, ``/campaigns/<handle>``, ``/articles/<handle>``."""
    return "/" if kind == "home" else f"{PATHS[kind]}{handle}"
