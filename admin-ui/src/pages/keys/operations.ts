import { graphql } from '../../gql';

export const StorefrontKeyFields = graphql(`
  fragment StorefrontKeyFields on StorefrontKey {
    id
    name
    prefix
    createdAt
    lastUsedAt
    revokedAt
  }
`);

export const AdminTokenFields = graphql(`
  fragment AdminTokenFields on AdminToken {
    id
    name
    prefix
    role
    createdAt
    lastUsedAt
    revokedAt
  }
`);

/** The shop's storefront keys and admin API tokens (owner). */
export const ShopKeysQuery = graphql(`
  query ShopKeys($shopId: ID!) {
    shop(id: $shopId) {
      id
      storefrontKeys {
        ...StorefrontKeyFields
      }
      adminTokens {
        ...AdminTokenFields
      }
    }
  }
`);

export const CreateStorefrontKeyMutation = graphql(`
  mutation CreateStorefrontKey($shopId: ID!, $name: String!) {
    createStorefrontKey(shopId: $shopId, name: $name) {
      key
      storefrontKey {
        ...StorefrontKeyFields
      }
    }
  }
`);

export const CreateAdminTokenMutation = graphql(`
  mutation CreateAdminToken($shopId: ID!, $name: String!, $role: Role!) {
    createAdminToken(shopId: $shopId, name: $name, role: $role) {
      token
      adminToken {
        ...AdminTokenFields
      }
    }
  }
`);

export const RevokeStorefrontKeyMutation = graphql(`
  mutation RevokeStorefrontKey($shopId: ID!, $id: ID!) {
    revokeStorefrontKey(shopId: $shopId, id: $id) {
      ...StorefrontKeyFields
    }
  }
`);

export const RevokeAdminTokenMutation = graphql(`
  mutation RevokeAdminToken($shopId: ID!, $id: ID!) {
    revokeAdminToken(shopId: $shopId, id: $id) {
      ...AdminTokenFields
    }
  }
`);
