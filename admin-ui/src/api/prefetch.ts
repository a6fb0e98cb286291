import type { TypedDocumentString } from '../gql/graphql';
import { executeOperation } from './client';

// A tiny one-shot cache of requests started before React renders (see src/prefetchRoute.ts), so
// a cold load of a deep link runs its queries in parallel with loading the code instead of one
// after another. Each answer is handed out once, to the first consumer asking for exactly that
// document and those variables, and only shortly after it was started; later runs (refetches,
// other visits) go to the network as before.

const MAX_AGE_MS = 15_000;

interface Entry {
  promise: Promise<unknown>;
  started: number;
}

const entries = new Map<string, Entry>();

function keyOf(document: TypedDocumentString<unknown, unknown>, variables: unknown): string {
  return `${document.toString()}\n${JSON.stringify(variables ?? {})}`;
}

/**
 * Start `document` now and keep its answer for the first matching `takePrefetched`. Prefetches
 * never redirect to the login page themselves: a failed one is simply run again by its consumer,
 * which then behaves exactly as without the prefetch.
 */
export function prefetch<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  { after }: { after?: Promise<unknown> } = {},
): Promise<TResult> {
  const request = executeOperation(document, variables, { redirectOnUnauthenticated: false });
  // `after`: hand the answer out only once that has settled too (e.g. the code that shows it).
  const promise = after ? Promise.all([request, after.catch(() => {})]).then(([result]) => result) : request;
  promise.catch(() => {}); // no unhandled rejection: the consumer retries on the network
  entries.set(keyOf(document as TypedDocumentString<unknown, unknown>, variables), { promise, started: Date.now() });
  return promise;
}

/** The prefetched answer for `document` + `variables`, once; undefined when there is none. */
export function takePrefetched<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> | undefined {
  const key = keyOf(document as TypedDocumentString<unknown, unknown>, variables);
  const entry = entries.get(key);
  if (!entry) return undefined;
  entries.delete(key);
  if (Date.now() - entry.started > MAX_AGE_MS) return undefined;
  return entry.promise as Promise<TResult>;
}

/**
 * Use the prefetched answer when there is one, else (or when it failed) run `fresh()`: errors,
 * including the login redirect, come from the fresh request just as without the prefetch.
 */
export function prefetchedOr<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  fresh: () => Promise<TResult>,
): Promise<TResult> {
  const early = takePrefetched(document, variables);
  return early ? early.catch(fresh) : fresh();
}

/** Forget every prefetch (tests). */
export function clearPrefetched(): void {
  entries.clear();
}
