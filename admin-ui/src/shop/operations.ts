import { graphql } from '../gql';

export const ShopSummaryFields = graphql(`
  fragment ShopSummary on Shop {
    id
    slug
    name
    currency
    locale
    timezone
    viewerRole
  }
`);

/** The viewer's shops, for the picker and the switcher (the first 100: page size cap). */
export const MyShopsQuery = graphql(`
  query MyShops {
    shops(first: 100) {
      nodes {
        ...ShopSummary
      }
    }
  }
`);

export const ShopQuery = graphql(`
  query Shop($id: ID!) {
    shop(id: $id) {
      ...ShopSummary
    }
  }
`);

export const CreateShopMutation = graphql(`
  mutation CreateShop($slug: String!, $input: ShopInput!) {
    createShop(slug: $slug, input: $input) {
      ...ShopSummary
    }
  }
`);

/** Change a shop's name, currency, language or time zone (owner); a field left null stays. */
export const UpdateShopMutation = graphql(`
  mutation UpdateShop($id: ID!, $input: ShopInput!) {
    updateShop(id: $id, input: $input) {
      ...ShopSummary
    }
  }
`);

/** What the shop forms offer: the currencies and locales the server accepts. */
export const ReferenceDataQuery = graphql(`
  query ReferenceData {
    currencies
    locales
  }
`);

/**
 * Whether the shop is suspended by the operator, and why. Asked on its own so that a server
 * that knows no suspension (an older one) only loses the banner.
 */
export const ShopSuspensionQuery = graphql(`
  query ShopSuspension($id: ID!) {
    shop(id: $id) {
      id
      suspended
      suspendedReason
    }
  }
`);
