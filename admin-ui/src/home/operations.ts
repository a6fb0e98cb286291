import { graphql } from '../gql';

/** The home page's data: the checklist, the site's address and the numbers so far. */
export const ShopOverviewQuery = graphql(`
  query ShopOverview($shopId: ID!) {
    shopOverview(shopId: $shopId) {
      siteUrl
      siteQrSvg
      productsPublished
      pagesPublished
      lastSync {
        at
        status
        source
        errorCode
        error
        summary {
          entity
          created
          updated
          unchanged
          removed
          failed
        }
      }
      steps {
        key
        done
        available
      }
    }
  }
`);
