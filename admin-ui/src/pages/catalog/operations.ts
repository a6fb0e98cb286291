import { graphql } from '../../gql';

/** One page of the shop's catalog, filtered and sorted. */
export const ProductsQuery = graphql(`
  query Products($shopId: ID!, $first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {
    shop(id: $shopId) {
      id
      products(first: $first, after: $after, filter: $filter, sort: $sort) {
        nodes {
          id
          source
          externalId
          title
          status
          published
          imageUrls
          price {
            amount
            currencyCode
          }
          stock
          sku
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const ProductContentFields = graphql(`
  fragment ProductContentFields on ProductContent {
    title
    description
    seoTitle
    seoDescription
    sortOrder
    published
    updatedAt
  }
`);

/** One product with its variants and its CloudCat-owned content. */
export const ProductQuery = graphql(`
  query Product($shopId: ID!, $id: ID!) {
    shop(id: $shopId) {
      id
      product(id: $id) {
        id
        source
        externalId
        title
        marketplaceTitle
        marketplaceDescription
        status
        published
        url
        imageUrls
        price {
          amount
          currencyCode
        }
        compareAtPrice {
          amount
          currencyCode
        }
        stock
        sku
        barcode
        options {
          name
          values
        }
        variants {
          id
          title
          options {
            name
            value
          }
          price {
            amount
            currencyCode
          }
          compareAtPrice {
            amount
            currencyCode
          }
          stock
          sku
        }
        content {
          ...ProductContentFields
        }
        sourceModifiedAt
        updatedAt
      }
    }
  }
`);

export const UpdateProductContentMutation = graphql(`
  mutation UpdateProductContent($shopId: ID!, $productId: ID!, $input: ProductContentInput!) {
    updateProductContent(shopId: $shopId, productId: $productId, input: $input) {
      id
      title
      published
      content {
        ...ProductContentFields
      }
    }
  }
`);

export const SyncRunFields = graphql(`
  fragment SyncRunFields on SyncRun {
    id
    source
    kind
    trigger
    status
    startedAt
    finishedAt
    durationSeconds
    counts {
      entity
      created
      updated
      unchanged
      removed
      failed
    }
    errors {
      entity
      reference
      reason
    }
    errorsDropped
    error
    errorCode
  }
`);

/** How each source's sync stands, and the latest runs of the ledger. */
export const SyncQuery = graphql(`
  query SyncOverview($shopId: ID!, $first: Int!) {
    shop(id: $shopId) {
      id
      syncStatus {
        source
        title
        enabled
        running
        lastSuccessAt
        lastFullAt
        lastError
        lastErrorCode
        lastErrorAt
        lastRun {
          ...SyncRunFields
        }
      }
      syncRuns(first: $first) {
        nodes {
          ...SyncRunFields
        }
      }
    }
  }
`);
