import { describe, expect, it } from 'vitest';
import { keyRows, sortRows, upsertById } from './keys';

const key = (id: string, createdAt: string, revokedAt: string | null = null) => ({
  id,
  name: `key ${id}`,
  prefix: `ccpk_${id}`,
  createdAt,
  lastUsedAt: null,
  revokedAt,
});

describe('key rows', () => {
  it('merges storefront keys and admin tokens, live ones first, newest first', () => {
    const rows = keyRows(
      [key('s1', '2026-01-01T00:00:00Z'), key('s2', '2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z')],
      [{ ...key('a1', '2026-01-02T00:00:00Z'), role: 'EDITOR' }],
    );
    expect(rows.map((r) => [r.kind, r.id, r.role])).toEqual([
      ['admin', 'a1', 'EDITOR'],
      ['storefront', 's1', null],
      ['storefront', 's2', null],
    ]);
  });

  it('sorts revoked keys last whatever their age', () => {
    const rows = sortRows([
      { ...key('old', '2025-01-01T00:00:00Z'), kind: 'storefront', role: null },
      { ...key('new-revoked', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'), kind: 'storefront', role: null },
    ]);
    expect(rows.map((r) => r.id)).toEqual(['old', 'new-revoked']);
  });

  it('replaces an item by id, or puts a new one first', () => {
    const list = [key('a', '2026-01-01T00:00:00Z'), key('b', '2026-01-02T00:00:00Z')];
    const revoked = { ...list[1], revokedAt: '2026-01-05T00:00:00Z' };
    expect(upsertById(list, revoked)).toEqual([list[0], revoked]);
    const fresh = key('c', '2026-01-06T00:00:00Z');
    expect(upsertById(list, fresh).map((k) => k.id)).toEqual(['c', 'a', 'b']);
  });
});
