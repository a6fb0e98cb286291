import { useSyncExternalStore } from 'react';

/** Where the side menu fits beside the page (antd's `lg`); below it the menu is a drawer. */
export const WIDE_QUERY = '(min-width: 992px)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(WIDE_QUERY);
  list.addEventListener?.('change', onChange);
  return () => list.removeEventListener?.('change', onChange);
}

/** Whether the window is wide enough for the side menu and the full header (read synchronously: no flash). */
export function useWide(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(WIDE_QUERY).matches,
    () => true,
  );
}
