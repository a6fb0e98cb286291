import type { AdminTokenFieldsFragment, Role, StorefrontKeyFieldsFragment } from '../../gql/graphql';

export type KeyKind = 'storefront' | 'admin';

/** One row of the keys table: a storefront key or an admin token. */
export interface KeyRow {
  kind: KeyKind;
  id: string;
  name: string;
  prefix: string;
  /** An admin token's role; null for storefront keys. */
  role: Role | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Roles an admin token may have (the server never issues owner tokens). */
export const TOKEN_ROLES: readonly Role[] = ['EDITOR', 'ANALYST'];

export function storefrontRow(key: StorefrontKeyFieldsFragment): KeyRow {
  return { kind: 'storefront', role: null, ...pick(key) };
}

export function adminRow(token: AdminTokenFieldsFragment): KeyRow {
  return { kind: 'admin', role: token.role, ...pick(token) };
}

function pick(k: Omit<StorefrontKeyFieldsFragment, '__typename'>) {
  return { id: k.id, name: k.name, prefix: k.prefix, createdAt: k.createdAt, lastUsedAt: k.lastUsedAt, revokedAt: k.revokedAt };
}

/** Live keys first, then revoked ones; newest first within each. */
export function sortRows(rows: readonly KeyRow[]): KeyRow[] {
  return [...rows].sort((a, b) => {
    if (Boolean(a.revokedAt) !== Boolean(b.revokedAt)) return a.revokedAt ? 1 : -1;
    return Date.parse(b.createdAt) - Date.parse(a.createdAt);
  });
}

/** Both lists as one, sorted. */
export function keyRows(storefrontKeys: readonly StorefrontKeyFieldsFragment[], adminTokens: readonly AdminTokenFieldsFragment[]): KeyRow[] {
  return sortRows([...storefrontKeys.map(storefrontRow), ...adminTokens.map(adminRow)]);
}

/** `list` with `fresh` in place of the item with its id, or first when new. */
export function upsertById<T extends { id: string }>(list: readonly T[], fresh: T): T[] {
  return list.some((item) => item.id === fresh.id) ? list.map((item) => (item.id === fresh.id ? fresh : item)) : [fresh, ...list];
}
