import type { ListingStatus, ProductContentInput, ProductSortField, SortDirection } from '../../gql/graphql';
import type { MessageKey, Translate } from '../../i18n';

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

const COUNT_KINDS = ['created', 'updated', 'unchanged', 'removed', 'failed'] as const;
const ENTITIES = ['product', 'category', 'promotion', 'order'];

/** An entity kind in words ("products" / "商品"); unknown kinds as the server names them. */
export function entityName(entity: string, t: Translate): string {
  return ENTITIES.includes(entity) ? t(`sync.entity.${entity}` as MessageKey) : entity;
}

/**
 * "products: 3 created, 1 updated" (商品：新增 3，更新 1) — only non-zero numbers, in the UI's
 * language; "" when nothing moved.
 */
export function formatCounts(counts: RunCounts[], t: Translate): string {
  return counts
    .map((c) => {
      const parts = COUNT_KINDS.filter((k) => c[k] > 0).map((k) => t(`sync.part.${k}`, { n: c[k] }));
      return parts.length ? t('sync.entityCounts', { entity: entityName(c.entity, t), counts: parts.join(t('list.sep')) }) : '';
    })
    .filter(Boolean)
    .join(t('list.groupSep'));
}

const RUN_KINDS = ['FULL', 'INCREMENTAL', 'RECONCILE', 'CHANGES'];

/**
 * A finished catalog sync job's result ({source, kind, counts: {product: {created, ...}}}) as one
 * line in the UI's language, "feed (Full): products: 3 created"; null when it is not one.
 */
export function syncResultSummary(result: unknown, t: Translate): string | null {
  if (!result || typeof result !== 'object') return null;
  const { source, kind, counts } = result as { source?: unknown; kind?: unknown; counts?: unknown };
  if (typeof source !== 'string' || !counts || typeof counts !== 'object') return null;
  const rows: RunCounts[] = Object.entries(counts as Record<string, Record<string, unknown>>).map(([entity, c]) => {
    const n = (k: string) => (typeof c?.[k] === 'number' ? (c[k] as number) : 0);
    return { entity, created: n('created'), updated: n('updated'), unchanged: n('unchanged'), removed: n('removed'), failed: n('failed') };
  });
  const upper = typeof kind === 'string' ? kind.toUpperCase() : '';
  const kindWords = RUN_KINDS.includes(upper) ? t(`sync.kind.${upper}` as MessageKey) : String(kind ?? '');
  return t('sync.summary', { source, kind: kindWords, counts: formatCounts(rows, t) || t('sync.nothingToSync') });
}

/** A sync failure's code in words, when the UI knows it (else undefined: show the server's words). */
export function syncErrorWords(code: string | null | undefined, t: Translate): string | undefined {
  const known = ['SOURCE_AUTH_EXPIRED', 'SOURCE_RATE_LIMITED', 'DATABASE_ERROR', 'INTERRUPTED', 'SUPERSEDED', 'PLUGIN_ERROR', 'PLUGIN_NOT_READY', 'SHOP_SUSPENDED'];
  return code && known.includes(code) ? t(`sync.errorCode.${code}` as MessageKey) : undefined;
}

/** A run's duration in words: "850 ms", "12.3 s", "2 min 5 s" (2 分 5 秒); "" when unknown. */
export function formatDuration(seconds: number | null | undefined, t: Translate): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 1) return t('time.ms', { n: Math.round(seconds * 1000) });
  if (seconds < 60) return t('time.s', { n: (Math.round(seconds * 10) / 10).toString() });
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return rest ? t('time.minS', { min: minutes, s: rest }) : t('time.min', { n: minutes });
}
