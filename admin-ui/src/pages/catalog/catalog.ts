import type { ListingStatus, ProductContentInput, ProductSortField, SortDirection } from '../../gql/graphql';

/** Products per page. */
export const PAGE_SIZE = 20;
export const STATUSES: ListingStatus[] = ['ACTIVE', 'DELISTED', 'DELETED'];

/** What the catalog page's controls say. */
export interface CatalogFilters {
  search: string;
  statuses: ListingStatus[];
  source: string | null;
  sort: `${ProductSortField}:${SortDirection}`;
}

export const DEFAULT_FILTERS: CatalogFilters = { search: '', statuses: [], source: null, sort: 'CREATED:DESC' };

export const SORTS: CatalogFilters['sort'][] = ['CREATED:DESC', 'CREATED:ASC', 'TITLE:ASC', 'TITLE:DESC', 'PRICE:ASC', 'PRICE:DESC'];

/** The `filter` and `sort` variables of the products query (null for conditions not set). */
export function productVariables(filters: CatalogFilters) {
  const search = filters.search.trim();
  const filter = {
    ...(search ? { search } : {}),
    ...(filters.statuses.length ? { status: filters.statuses } : {}),
    ...(filters.source ? { source: filters.source } : {}),
  };
  const [field, direction] = filters.sort.split(':') as [ProductSortField, SortDirection];
  return { filter: Object.keys(filter).length ? filter : null, sort: { field, direction } };
}

/** An amount with its currency, e.g. "CNY 12.50". */
export function formatMoney(money: { amount: unknown; currencyCode: string } | null | undefined): string {
  if (!money) return '';
  return `${money.currencyCode} ${String(money.amount)}`;
}

/** The editable part of a product's owned content. */
export interface ContentValues {
  title: string;
  description: string;
  seoTitle: string;
  seoDescription: string;
  sortOrder: number;
  published: boolean;
}

export const CONTENT_FIELDS: (keyof ContentValues)[] = ['title', 'description', 'seoTitle', 'seoDescription', 'sortOrder', 'published'];

/** Only the fields that changed (the mutation leaves fields left out as they are); null when none. */
export function contentDiff(before: ContentValues, after: Partial<ContentValues>): ProductContentInput | null {
  const input: ProductContentInput = {};
  let changed = false;
  for (const key of CONTENT_FIELDS) {
    let value = after[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && key !== 'description') value = value.trim();
    if (value !== before[key]) {
      (input as Record<string, unknown>)[key] = value;
      changed = true;
    }
  }
  return changed ? input : null;
}

export interface RunCounts {
  entity: string;
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  failed: number;
}

/** Sum of a run's counts over every entity. */
export function totalCounts(counts: RunCounts[]): Omit<RunCounts, 'entity'> {
  const sum = { created: 0, updated: 0, unchanged: 0, removed: 0, failed: 0 };
  for (const c of counts) {
    sum.created += c.created;
    sum.updated += c.updated;
    sum.unchanged += c.unchanged;
    sum.removed += c.removed;
    sum.failed += c.failed;
  }
  return sum;
}

/** "products: 3 created, 1 updated" — only non-zero numbers; "" when nothing moved. */
export function formatCounts(counts: RunCounts[]): string {
  return counts
    .map((c) => {
      const parts = (['created', 'updated', 'unchanged', 'removed', 'failed'] as const)
        .filter((k) => c[k] > 0)
        .map((k) => `${c[k]} ${k}`);
      return parts.length ? `${c.entity}: ${parts.join(', ')}` : '';
    })
    .filter(Boolean)
    .join('; ');
}

/** A run's duration in words: "850 ms", "12.3 s", "2 min 5 s"; "" when unknown. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${(Math.round(seconds * 10) / 10).toString()} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}
