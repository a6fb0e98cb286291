"""Content: pages made of blocks (home, landing, campaign, article), their per-locale drafts,
schedules, versions and previews, and menus.

`documents` holds the stored shape, `blocks` the block types, `pages` and `publishing` the
writes, `menus` the menus, `reads` what the site and the storefront API read (published data
only), `grids` the products of a product grid. Importing the package registers
`next_scheduled_publish` as a schedule source of the site version, so the site's caches expire
when a scheduled publish is due.
"""

from cloudcat.core import site_version
from cloudcat.core.content.publishing import PUBLISH_DUE, next_scheduled_publish

if next_scheduled_publish not in site_version.SCHEDULE_SOURCES:
    site_version.SCHEDULE_SOURCES.append(next_scheduled_publish)

__all__ = ["PUBLISH_DUE", "next_scheduled_publish"]
