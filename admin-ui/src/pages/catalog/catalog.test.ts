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
} from './catalog';

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
    expect(formatCounts(counts)).toBe('product: 3 created, 1 updated; category: 2 unchanged, 1 removed, 1 failed');
    expect(formatCounts([counts[2]])).toBe('');
  });

  it('formats durations', () => {
    expect(formatDuration(null)).toBe('');
    expect(formatDuration(0.85)).toBe('850 ms');
    expect(formatDuration(12.34)).toBe('12.3 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(120)).toBe('2 min');
  });

  it('formats money with its currency', () => {
    expect(formatMoney({ amount: '12.50', currencyCode: 'CNY' })).toBe('CNY 12.50');
    expect(formatMoney(null)).toBe('');
  });
});
