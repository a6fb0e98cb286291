export { GRAPHQL_URL, executeOperation, gqlRequest, onUnauthenticated } from './client';
export type { RequestOptions } from './client';
export {
  ApiError,
  KNOWN_CODES,
  describeError,
  errorMessageKey,
  fieldErrorsByName,
  fieldMessage,
  localizedFields,
  isApiError,
  toApiError,
} from './errors';
export type { ErrorDescription, FieldError, GraphQLErrorPayload } from './errors';
export { useQuery } from './useQuery';
export type { QueryState } from './useQuery';
