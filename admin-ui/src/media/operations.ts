import { graphql } from '../gql';

export const MediaAssetFields = graphql(`
  fragment MediaAssetFields on MediaAsset {
    id
    url
    thumbnailUrl
    width
    height
    contentType
    size
    filename
    alt
    createdAt
  }
`);

/** The shop's images, newest first; `search` matches the file name or the alt text. */
export const MediaAssetsQuery = graphql(`
  query MediaAssets($shopId: ID!, $first: Int, $after: String, $search: String) {
    mediaAssets(shopId: $shopId, first: $first, after: $after, search: $search) {
      nodes {
        ...MediaAssetFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const UpdateMediaAssetMutation = graphql(`
  mutation UpdateMediaAsset($shopId: ID!, $id: ID!, $alt: String!) {
    updateMediaAsset(shopId: $shopId, id: $id, alt: $alt) {
      ...MediaAssetFields
    }
  }
`);

export const DeleteMediaAssetMutation = graphql(`
  mutation DeleteMediaAsset($shopId: ID!, $id: ID!) {
    deleteMediaAsset(shopId: $shopId, id: $id)
  }
`);
