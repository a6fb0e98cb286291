import { useCallback, useDeferredValue, useEffect, useState } from 'react';
import { gqlRequest, toApiError, type ApiError } from '../api';
import type { MediaAssetFieldsFragment } from '../gql/graphql';
import { useLangIfAny } from '../i18n/I18nProvider';
import { MediaAssetsQuery } from './operations';

export type MediaAsset = MediaAssetFieldsFragment;

export const PAGE_SIZE = 24;

/** `list` with `asset` first (a new upload) or in its place (an edit), never twice. */
export function upsertAsset(list: readonly MediaAsset[], asset: MediaAsset): MediaAsset[] {
  const at = list.findIndex((a) => a.id === asset.id);
  if (at === -1) return [asset, ...list];
  return list.map((a) => (a.id === asset.id ? asset : a));
}

/**
 * The shop's images matching `search`, a page at a time ("show more" appends the next), with
 * local changes (an upload, an edit, a delete) applied without asking again.
 */
export function useMediaAssets(shopId: string, search: string) {
  const query = useDeferredValue(search.trim());
  const lang = useLangIfAny();
  const [assets, setAssets] = useState<MediaAsset[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let stale = false;
    setLoading(true);
    gqlRequest(MediaAssetsQuery, { shopId, first: PAGE_SIZE, search: query || null }).then(
      (data) => {
        if (stale) return;
        setAssets(data.mediaAssets.nodes);
        setCursor(data.mediaAssets.pageInfo.endCursor ?? null);
        setHasMore(data.mediaAssets.pageInfo.hasNextPage);
        setError(null);
        setLoading(false);
      },
      (caught: unknown) => {
        if (stale) return;
        setError(toApiError(caught));
        setLoading(false);
      },
    );
    return () => {
      stale = true;
    };
  }, [shopId, query, lang, reloads]);

  const more = useCallback(async () => {
    if (!cursor) return;
    setLoading(true);
    try {
      const data = await gqlRequest(MediaAssetsQuery, { shopId, first: PAGE_SIZE, after: cursor, search: query || null });
      setAssets((list) => [...(list ?? []), ...data.mediaAssets.nodes.filter((a) => !list?.some((b) => b.id === a.id))]);
      setCursor(data.mediaAssets.pageInfo.endCursor ?? null);
      setHasMore(data.mediaAssets.pageInfo.hasNextPage);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setLoading(false);
    }
  }, [shopId, cursor, query]);

  return {
    assets,
    hasMore,
    loading,
    error,
    more,
    reload: () => setReloads((n) => n + 1),
    put: (asset: MediaAsset) => setAssets((list) => upsertAsset(list ?? [], asset)),
    remove: (id: string) => setAssets((list) => (list ?? []).filter((a) => a.id !== id)),
    searching: query,
  };
}
