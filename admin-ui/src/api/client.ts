import type { TypedDocumentString } from '../gql/graphql';
import { requestLanguage } from '../i18n/language';
import { ApiError, type GraphQLErrorPayload } from './errors';

/** Where the admin GraphQL API is: same origin, so the session cookie goes along. */
export const GRAPHQL_URL: string = import.meta.env.VITE_GRAPHQL_URL ?? '/graphql';

export interface RequestOptions {
  signal?: AbortSignal;
  /**
   * Whether an UNAUTHENTICATED answer should send the user to the login page (default true).
   * The login form itself turns it off: there that code means "wrong email or password".
   */
  redirectOnUnauthenticated?: boolean;
}

type UnauthenticatedListener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/** Be told whenever a request fails because the session is missing or expired. */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => {
    unauthenticatedListeners.delete(listener);
  };
}

function notifyUnauthenticated(error: ApiError): void {
  for (const listener of [...unauthenticatedListeners]) listener(error);
}

type Variables<V> = V extends Record<string, never> ? [variables?: V, options?: RequestOptions] : [variables: V, options?: RequestOptions];

/**
 * Run one GraphQL operation against the admin API and return its `data`, typed by the generated
 * document. Any GraphQL error throws an ApiError carrying `extensions.code` (and
 * `extensions.fields`); it says the UI's language in `Accept-Language`. A failed connection throws NETWORK_ERROR and an answer that is not
 * GraphQL JSON throws BAD_RESPONSE.
 */
export function gqlRequest<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables, options]: Variables<TVariables>
): Promise<TResult> {
  return executeOperation(document, variables, options);
}

/** gqlRequest without the variadic typing, for generic callers such as useQuery. */
export async function executeOperation<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | undefined,
  options: RequestOptions = {},
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      credentials: 'same-origin',
      // The server localises plugin texts and its messages by this (zh-CN or en).
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': requestLanguage() },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('NETWORK_ERROR', error instanceof Error ? error.message : String(error), { cause: error });
  }

  let body: { data?: TResult | null; errors?: GraphQLErrorPayload[] };
  try {
    body = (await response.json()) as typeof body;
  } catch (error) {
    throw new ApiError('BAD_RESPONSE', `HTTP ${response.status} ${response.statusText}`.trim(), {
      status: response.status,
      cause: error,
    });
  }

  const errors = Array.isArray(body?.errors) ? body.errors : [];
  if (errors.length > 0) {
    const first = errors.find((e) => e.extensions?.code === 'UNAUTHENTICATED') ?? errors[0];
    const error = ApiError.fromPayload(first, response.status, errors);
    if (error.code === 'UNAUTHENTICATED' && options.redirectOnUnauthenticated !== false) {
      notifyUnauthenticated(error);
    }
    throw error;
  }
  if (!response.ok || body?.data == null) {
    throw new ApiError('BAD_RESPONSE', `HTTP ${response.status} ${response.statusText}`.trim(), {
      status: response.status,
    });
  }
  return body.data;
}
