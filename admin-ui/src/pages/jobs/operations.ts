import { graphql } from '../../gql';

/** One page of the shop's jobs, newest first. */
export const JobsQuery = graphql(`
  query Jobs($shopId: ID!, $first: Int!, $after: String, $states: [JobState!]) {
    shop(id: $shopId) {
      id
      jobs(first: $first, after: $after, states: $states) {
        nodes {
          ...JobFields
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const SchedulesQuery = graphql(`
  query JobSchedules($shopId: ID!) {
    shop(id: $shopId) {
      id
      schedules {
        id
        kind
        name
        payload
        intervalSeconds
        nextRunAt
        enabled
        lastEnqueuedAt
      }
    }
  }
`);
