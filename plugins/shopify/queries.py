"""The GraphQL Admin API documents the Shopify client sends.

Products come with their options, images and first variants in one query; a product with more
variants than fit is completed with `PRODUCT_VARIANTS`. Sizes are variables so the client can
shrink a page whose requested cost is too high.
"""

from __future__ import annotations

VARIANT_FIELDS = """
fragment CloudCatVariant on ProductVariant {
  id
  legacyResourceId
  title
  sku
  barcode
  price
  compareAtPrice
  inventoryQuantity
  availableForSale
  position
  selectedOptions { name value }
  image { url }
  updatedAt
}
"""

PRODUCT_FIELDS = """
fragment CloudCatProduct on Product {
  id
  legacyResourceId
  title
  handle
  status
  description
  descriptionHtml
  vendor
  productType
  tags
  createdAt
  updatedAt
  onlineStoreUrl
  totalInventory
  options { name position optionValues { name } }
  media(first: $media) { nodes { ... on MediaImage { image { url altText } } } }
  variants(first: $variants) {
    nodes { ...CloudCatVariant }
    pageInfo { hasNextPage endCursor }
  }
}
"""

PRODUCTS = (
    """
query CloudCatProducts(
  $first: Int!, $after: String, $query: String, $sortKey: ProductSortKeys!,
  $variants: Int!, $media: Int!
) {
  products(first: $first, after: $after, query: $query, sortKey: $sortKey) {
    nodes { ...CloudCatProduct }
    pageInfo { hasNextPage endCursor }
  }
}
"""
    + PRODUCT_FIELDS
    + VARIANT_FIELDS
)
"""One page of products, each with its first `$variants` variants and `$media` images."""

PRODUCT = (
    """
query CloudCatProduct($id: ID!, $variants: Int!, $media: Int!) {
  product(id: $id) { ...CloudCatProduct }
}
"""
    + PRODUCT_FIELDS
    + VARIANT_FIELDS
)
"""One product by its GraphQL id (null when it does not exist)."""

PRODUCT_VARIANTS = (
    """
query CloudCatProductVariants($id: ID!, $first: Int!, $after: String) {
  product(id: $id) {
    variants(first: $first, after: $after) {
      nodes { ...CloudCatVariant }
      pageInfo { hasNextPage endCursor }
    }
  }
}
"""
    + VARIANT_FIELDS
)
"""The next page of one product's variants."""

SHOP = """
query CloudCatShop { shop { name myshopifyDomain currencyCode ianaTimezone } }
"""
"""The shop's name, currency and time zone."""

PRODUCTS_COUNT = """
query CloudCatProductsCount($query: String) { productsCount(query: $query) { count precision } }
"""
"""How many products match a search (for progress)."""

SYNC_START = """
query CloudCatSyncStart($query: String) {
  shop { currencyCode }
  productsCount(query: $query) { count precision }
}
"""
"""The shop's currency and how many products a listing will return, in one query."""
