"""Chinese-aware product search: the analyzer, the token index kept current on catalog
changes, ranked queries with filters, facets and did-you-mean, and suggestions while typing.

Importing this package is cheap: the segmenter (rjieba), pypinyin and rapidfuzz load on first
use.
"""

from cloudcat.core.search.index import (
    reindex_catalog_change,
    reindex_products,
    reindex_shop,
    remove_products,
)
from cloudcat.core.search.query import Facets, SearchResult, search_products, suggest

__all__ = [
    "Facets",
    "SearchResult",
    "reindex_catalog_change",
    "reindex_products",
    "reindex_shop",
    "remove_products",
    "search_products",
    "suggest",
]
