import { createContext, useContext } from 'react';
import type { Role, ShopSummaryFragment } from '../gql/graphql';

export type ShopSummary = ShopSummaryFragment;

const RANK: Record<Role, number> = { ANALYST: 1, EDITOR: 2, OWNER: 3 };

/** Whether `role` is at least `needed` (OWNER > EDITOR > ANALYST). */
export function hasRole(role: Role | undefined, needed: Role): boolean {
  return role !== undefined && RANK[role] >= RANK[needed];
}

export const ShopContext = createContext<ShopSummary | null>(null);

/** What pages may do to the shop of the frame: take a fresh copy, or load it again. */
export interface ShopActions {
  /** Use `shop` from now on (what updateShop returned). */
  replace: (shop: ShopSummary) => void;
  /** Load the shop again (e.g. after the viewer's own role changed). */
  refresh: () => Promise<void>;
}

const NO_ACTIONS: ShopActions = { replace: () => {}, refresh: async () => {} };

export const ShopActionsContext = createContext<ShopActions>(NO_ACTIONS);

/** Replace or reload the shop of the current /shops/:shopId/... route (no-ops outside one). */
export function useShopActions(): ShopActions {
  return useContext(ShopActionsContext);
}

/** The shop of the current /shops/:shopId/... route. */
export function useShop(): ShopSummary {
  const shop = useContext(ShopContext);
  if (!shop) throw new Error('useShop() outside a /shops/:shopId route');
  return shop;
}

const LAST_SHOP_KEY = 'cloudcat.lastShop';

export function rememberShop(id: string): void {
  try {
    window.localStorage.setItem(LAST_SHOP_KEY, id);
  } catch {
    /* not kept: fine */
  }
}

export function lastShop(): string | null {
  try {
    return window.localStorage.getItem(LAST_SHOP_KEY);
  } catch {
    return null;
  }
}
