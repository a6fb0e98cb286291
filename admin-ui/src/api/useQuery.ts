import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { useLangIfAny } from '../i18n/I18nProvider';
import { executeOperation } from './client';
import { prefetchedOr } from './prefetch';
import { toApiError, type ApiError } from './errors';

export interface QueryState<TResult> {
  data: TResult | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Run the query again (keeps the current data while loading). */
  refetch: () => Promise<void>;
  /** Replace the data locally, e.g. with what a mutation returned. */
  setData: Dispatch<SetStateAction<TResult | undefined>>;
}

/**
 * A small data hook: runs `document` with `variables` on mount and whenever the variables
 * change (and when the UI language changes: the server localises what it sends), drops answers that arrive after a newer request started, and aborts on unmount.
 */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  { skip = false }: { skip?: boolean } = {},
): QueryState<TResult> {
  const [data, setData] = useState<TResult | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(!skip);
  const key = JSON.stringify(variables ?? {});
  const lang = useLangIfAny();
  const latest = useRef(0);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(async () => {
    const id = ++latest.current;
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setLoading(true);
    try {
      const vars = JSON.parse(key) as TVariables;
      const result = await prefetchedOr(document, vars, () => executeOperation(document, vars, { signal: abort.signal }));
      if (id !== latest.current) return;
      setData(result);
      setError(undefined);
    } catch (caught) {
      if (id !== latest.current || abort.signal.aborted) return;
      setError(toApiError(caught));
    } finally {
      if (id === latest.current) setLoading(false);
    }
    // `lang` is not read here, but a new language asks the server again (localised answers).
  }, [document, key, lang]);

  useEffect(() => {
    if (skip) {
      setLoading(false);
      return undefined;
    }
    void run();
    return () => {
      latest.current += 1;
      controller.current?.abort();
    };
  }, [run, skip]);

  return { data, error, loading, refetch: run, setData };
}
