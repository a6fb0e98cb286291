import { graphql } from '../gql';

/**
 * The shop's installed themes with its state of each (the config only when `canEdit`), and the
 * settings form the seller fills in (the operator's fields left out).
 */
export const ShopThemesQuery = graphql(`
  query ShopThemes($shopId: ID!, $canEdit: Boolean!) {
    shop(id: $shopId) {
      id
      plugins(kind: THEME) {
        ...ShopPluginState
        configSchema
        operatorManaged
      }
    }
  }
`);
