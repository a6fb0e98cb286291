import { graphql } from '../../gql';

export const PluginInfoFields = graphql(`
  fragment PluginInfo on Plugin {
    name
    kind
    title
    description
    version
    capabilities
    configSchema
    secretFields
    supportsAuthorization
  }
`);

// `config` is for editors and owners only: the server answers an analyst's request for it with
// null and a FORBIDDEN error, so every operation using this fragment says `$canEdit` (queries
// pass the viewer's permission; the editor-only mutations default it to true).
export const ShopPluginStateFields = graphql(`
  fragment ShopPluginState on ShopPlugin {
    name
    enabled
    config @include(if: $canEdit)
    secretsSet
    health
    lastError
    lastErrorAt
    updatedAt
    connected
    accountName
    plugin {
      ...PluginInfo
    }
  }
`);

/** Every installed plugin with this shop's state of it (the config only when `canEdit`). */
export const ShopPluginsQuery = graphql(`
  query ShopPlugins($shopId: ID!, $canEdit: Boolean!) {
    shop(id: $shopId) {
      id
      plugins {
        ...ShopPluginState
      }
    }
  }
`);

/** The server's plugin catalog without any shop state (what an analyst may see). */
export const PluginCatalogQuery = graphql(`
  query PluginCatalog {
    plugins {
      ...PluginInfo
    }
  }
`);

export const SetPluginEnabledMutation = graphql(`
  mutation SetPluginEnabled($shopId: ID!, $name: String!, $enabled: Boolean!, $canEdit: Boolean! = true) {
    setPluginEnabled(shopId: $shopId, name: $name, enabled: $enabled) {
      ...ShopPluginState
    }
  }
`);

export const ConfigurePluginMutation = graphql(`
  mutation ConfigurePlugin($shopId: ID!, $name: String!, $config: JSON!, $secrets: JSON, $canEdit: Boolean! = true) {
    configurePlugin(shopId: $shopId, name: $name, config: $config, secrets: $secrets) {
      ...ShopPluginState
    }
  }
`);

export const CheckPluginMutation = graphql(`
  mutation CheckPlugin($shopId: ID!, $name: String!, $canEdit: Boolean! = true) {
    checkPlugin(shopId: $shopId, name: $name) {
      ...ShopPluginState
    }
  }
`);

/** Where to send the browser to connect a plugin by one-click authorization (editor). */
export const StartAuthorizationMutation = graphql(`
  mutation StartAuthorization($shopId: ID!, $plugin: String!) {
    startAuthorization(shopId: $shopId, plugin: $plugin) {
      url
      expiresAt
    }
  }
`);

export const DisconnectAuthorizationMutation = graphql(`
  mutation DisconnectAuthorization($shopId: ID!, $plugin: String!) {
    disconnectAuthorization(shopId: $shopId, plugin: $plugin)
  }
`);

export const ShopPluginReadinessFields = graphql(`
  fragment ShopPluginReadiness on ShopPlugin {
    name
    configSchema
    operatorManaged
    notReadyReason
    notReadyCode
  }
`);

/**
 * This shop's settings form of each plugin, what the operator manages, and whether Sync now /
 * Check can run. Asked on its own: a server without operators answers it with an error, and the
 * page then works as before (the plugin's own schema, buttons by `enabled`).
 */
export const ShopPluginReadinessQuery = graphql(`
  query ShopPluginReadiness($shopId: ID!) {
    shop(id: $shopId) {
      id
      plugins {
        ...ShopPluginReadiness
      }
    }
  }
`);
