import { graphql } from '../gql';

export const JobFields = graphql(`
  fragment JobFields on Job {
    id
    kind
    state
    attempts
    maxAttempts
    progress {
      done
      total
      fraction
      message
    }
    result
    lastError
    errors {
      attempt
      at
      message
    }
    cancelRequested
    runAt
    createdAt
    startedAt
    finishedAt
  }
`);

/** One job of a shop (null when there is no such job). */
export const JobQuery = graphql(`
  query Job($shopId: ID!, $id: ID!) {
    shop(id: $shopId) {
      id
      job(id: $id) {
        ...JobFields
      }
    }
  }
`);

export const RetryJobMutation = graphql(`
  mutation RetryJob($shopId: ID!, $id: ID!) {
    retryJob(shopId: $shopId, id: $id) {
      ...JobFields
    }
  }
`);

export const CancelJobMutation = graphql(`
  mutation CancelJob($shopId: ID!, $id: ID!) {
    cancelJob(shopId: $shopId, id: $id) {
      ...JobFields
    }
  }
`);

/** Start a catalog sync from an enabled source, or get the one already queued or running. */
export const SyncCatalogMutation = graphql(`
  mutation SyncCatalog($shopId: ID!, $source: String!) {
    syncCatalog(shopId: $shopId, source: $source) {
      ...JobFields
    }
  }
`);
