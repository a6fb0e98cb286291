import { graphql } from '../gql';

/**
 * Whether the viewer is a CloudCat operator. Asked on its own (not in `me`) so that a server
 * without operators (an older one) only loses the operator entry, never the session.
 */
export const ViewerRoleQuery = graphql(`
  query ViewerRole {
    me {
      id
      isOperator
    }
  }
`);

export const OperatorSourceFields = graphql(`
  fragment OperatorShopFields on OperatorShop {
    shop {
      id
      slug
      name
      createdAt
    }
    suspended
    suspendedReason
    suspendedAt
    sources {
      plugin
      title
      enabled
      connected
      health
      lastError
      lastSyncAt
      lastSyncState
    }
    pluginErrors {
      plugin
      lastError
      lastErrorAt
    }
  }
`);

/** Every shop of the deployment (operator), searched, optionally only those with problems. */
export const OperatorShopsQuery = graphql(`
  query OperatorShops($first: Int!, $after: String, $search: String, $problemsOnly: Boolean) {
    operatorShops(first: $first, after: $after, search: $search, problemsOnly: $problemsOnly) {
      nodes {
        ...OperatorShopFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SuspendShopMutation = graphql(`
  mutation SuspendShop($id: ID!, $reason: String) {
    suspendShop(id: $id, reason: $reason) {
      ...OperatorShopFields
    }
  }
`);

export const ResumeShopMutation = graphql(`
  mutation ResumeShop($id: ID!) {
    resumeShop(id: $id) {
      ...OperatorShopFields
    }
  }
`);

export const OperatorPluginFields = graphql(`
  fragment OperatorPluginFields on OperatorPlugin {
    plugin {
      name
      kind
      title
      description
      version
    }
    appFields
    appConfig
    appSecretsSet
    appConfigSchema
    fromSettings
  }
`);

/** Each plugin's app-level settings (operator). */
export const OperatorPluginsQuery = graphql(`
  query OperatorPlugins {
    operatorPlugins {
      ...OperatorPluginFields
    }
  }
`);

export const ConfigureAppPluginMutation = graphql(`
  mutation ConfigureAppPlugin($name: String!, $config: JSON!, $secrets: JSON) {
    configureAppPlugin(name: $name, config: $config, secrets: $secrets) {
      ...OperatorPluginFields
    }
  }
`);
