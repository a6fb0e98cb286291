import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FILTERS,
  contentDiff,
  formatCounts,
  formatDuration,
  formatMoney,
  productVariables,
  totalCounts,
  type ContentValues,
  syncErrorWords,
  syncResultSummary,
} from './catalog';
import { translator } from '../../i18n/language';

const tEn = translator('en');
const tZh = translator('zh');

describe('productVariables', () => {
  it('sends no filter by default and the default sort', () => {
    expect(productVariables(DEFAULT_FILTERS)).toEqual({ filter: null, sort: { field: 'CREATED', direction: 'DESC' } });
  });

  it('maps search (trimmed), statuses, source and sort', () => {
    expect(
      productVariables({ search: '  tea ', statuses: ['ACTIVE', 'DELISTED'], source: 'feed', sort: 'PRICE:ASC' }),
    ).toEqual({
      filter: { search: 'tea', status: ['ACTIVE', 'DELISTED'], source: 'feed' },
      sort: { field: 'PRICE', direction: 'ASC' },
    });
  });

  it('leaves out a blank search', () => {
    expect(productVariables({ ...DEFAULT_FILTERS, search: '   ', source: 'taobao' }).filter).toEqual({ source: 'taobao' });
  });
});

describe('contentDiff', () => {
  const before: ContentValues = {
    title: '',
    description: 'old',
    seoTitle: '',
    seoDescription: '',
    sortOrder: 0,
    published: true,
  };

  it('is null when nothing changed', () => {
    expect(contentDiff(before, { ...before })).toBeNull();
    expect(contentDiff(before, { title: '  ' })).toBeNull();
  });

  it('sends only the changed fields, titles trimmed', () => {
    expect(contentDiff(before, { ...before, title: ' My teapot ', published: false, sortOrder: 3 })).toEqual({
      title: 'My teapot',
      published: false,
      sortOrder: 3,
    });
  });

  it('sends an emptied title (back to the marketplace title) and keeps description whitespace', () => {
    expect(contentDiff({ ...before, title: 'Mine' }, { title: '', description: 'old\n' })).toEqual({ title: '', description: 'old\n' });
  });
});

describe('ledger formatting', () => {
  const counts = [
    { entity: 'product', created: 3, updated: 1, unchanged: 0, removed: 0, failed: 0 },
    { entity: 'category', created: 0, updated: 0, unchanged: 2, removed: 1, failed: 1 },
    { entity: 'order', created: 0, updated: 0, unchanged: 0, removed: 0, failed: 0 },
  ];

  it('sums counts over entities', () => {
    expect(totalCounts(counts)).toEqual({ created: 3, updated: 1, unchanged: 2, removed: 1, failed: 1 });
    expect(totalCounts([])).toEqual({ created: 0, updated: 0, unchanged: 0, removed: 0, failed: 0 });
  });

  it('says the non-zero counts per entity', () => {
    expect(formatCounts(counts, tEn)).toBe('products: 3 created, 1 updated; categories: 2 unchanged, 1 removed, 1 failed');
    expect(formatCounts(counts, tZh)).toBe('商品：新增 3，更新 1；分类：未变 2，移除 1，失败 1');
    expect(formatCounts([counts[2]], tEn)).toBe('');
  });

  it('formats durations', () => {
    expect(formatDuration(null, tEn)).toBe('');
    expect(formatDuration(0.85, tEn)).toBe('850 ms');
    expect(formatDuration(12.34, tEn)).toBe('12.3 s');
    expect(formatDuration(125, tEn)).toBe('2 min 5 s');
    expect(formatDuration(125, tZh)).toBe('2 分 5 秒');
    expect(formatDuration(120, tEn)).toBe('2 min');
  });

  it('formats money with its currency', () => {
    expect(formatMoney({ amount: '12.50', currencyCode: 'CNY' })).toBe('CNY 12.50');
    expect(formatMoney(null)).toBe('');
  });
});

describe('sync words', () => {
  const result = { source: 'feed', kind: 'full', counts: { product: { created: 2, updated: 0, unchanged: 5, removed: 0, failed: 1 } } };
  it('says a sync job result in the UI language', () => {
    expect(syncResultSummary(result, tEn)).toBe('feed (Full): products: 2 created, 5 unchanged, 1 failed');
    expect(syncResultSummary(result, tZh)).toBe('feed（完整）：商品：新增 2，未变 5，失败 1');
    expect(syncResultSummary({ ...result, counts: {} }, tZh)).toBe('feed（完整）：没有需要同步的内容');
    expect(syncResultSummary({ count: 3 }, tEn)).toBeNull();
    expect(syncResultSummary(null, tEn)).toBeNull();
  });
  it('translates known sync error codes only', () => {
    expect(syncErrorWords('SOURCE_AUTH_EXPIRED', tZh)).toBe('平台授权已过期：请重新连接该来源。');
    expect(syncErrorWords('SOMETHING_NEW', tZh)).toBeUndefined();
    expect(syncErrorWords(null, tZh)).toBeUndefined();
  });
});
