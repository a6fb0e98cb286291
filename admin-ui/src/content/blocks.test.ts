import { describe, expect, it } from 'vitest';
import { addBlock, blockSummary, moveBlock, moveBlockBy, moveBlockOnto, newBlockId, removeBlock, schemaDefaults, updateBlockSettings, type EditorBlock } from './blocks';

const block = (id: string, type = 'hero', settings: Record<string, unknown> = {}): EditorBlock => ({ id, type, settings });
const ids = (blocks: readonly EditorBlock[]) => blocks.map((b) => b.id);
const ABC = [block('a'), block('b'), block('c')];

describe('reordering blocks', () => {
  it('moves a block from one index to another, both ways', () => {
    expect(ids(moveBlock(ABC, 0, 2))).toEqual(['b', 'c', 'a']);
    expect(ids(moveBlock(ABC, 2, 0))).toEqual(['c', 'a', 'b']);
    expect(ids(moveBlock(ABC, 1, 2))).toEqual(['a', 'c', 'b']);
  });

  it('never changes the list it is given', () => {
    const before = ids(ABC);
    moveBlock(ABC, 0, 2);
    expect(ids(ABC)).toEqual(before);
  });

  it('gives the same list back for no move or an index outside it', () => {
    expect(moveBlock(ABC, 1, 1)).toBe(ABC);
    expect(moveBlock(ABC, -1, 1)).toBe(ABC);
    expect(moveBlock(ABC, 0, 3)).toBe(ABC);
  });

  it('moves one place up or down, and not past the ends', () => {
    expect(ids(moveBlockBy(ABC, 'b', -1))).toEqual(['b', 'a', 'c']);
    expect(ids(moveBlockBy(ABC, 'b', 1))).toEqual(['a', 'c', 'b']);
    expect(moveBlockBy(ABC, 'a', -1)).toBe(ABC);
    expect(moveBlockBy(ABC, 'c', 1)).toBe(ABC);
    expect(moveBlockBy(ABC, 'nope', 1)).toBe(ABC);
  });

  it('puts a dragged block where the one it was dropped on is', () => {
    expect(ids(moveBlockOnto(ABC, 'a', 'c'))).toEqual(['b', 'c', 'a']);
    expect(ids(moveBlockOnto(ABC, 'c', 'a'))).toEqual(['c', 'a', 'b']);
    expect(moveBlockOnto(ABC, 'a', null)).toBe(ABC);
    expect(moveBlockOnto(ABC, 'a', 'a')).toBe(ABC);
  });
});

describe('adding, removing and editing blocks', () => {
  const schema = {
    type: 'object',
    properties: {
      heading: { type: 'string', default: 'Hello' },
      limit: { type: 'integer', default: 12 },
      rule: { type: 'object', default: { sort: 'newest' } },
      link: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null },
      image: { type: 'string' },
    },
  };

  it('starts a new block with its schema defaults, a fresh copy each time', () => {
    const one = addBlock([], 'product_grid', schema, 'x1');
    expect(one).toEqual([{ id: 'x1', type: 'product_grid', settings: { heading: 'Hello', limit: 12, rule: { sort: 'newest' } } }]);
    const two = addBlock(one, 'product_grid', schema, 'x2');
    expect(ids(two)).toEqual(['x1', 'x2']);
    expect(two[1].settings.rule).not.toBe(two[0].settings.rule);
    expect(schemaDefaults(null)).toEqual({});
  });

  it('makes ids of 32 hex digits, each different', () => {
    const a = newBlockId();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newBlockId()).not.toBe(a);
  });

  it('removes one block and replaces one block settings', () => {
    expect(ids(removeBlock(ABC, 'b'))).toEqual(['a', 'c']);
    const edited = updateBlockSettings(ABC, 'c', { heading: 'New' });
    expect(edited[2].settings).toEqual({ heading: 'New' });
    expect(edited[0]).toBe(ABC[0]);
  });

  it('sums a block up by its heading or its text', () => {
    expect(blockSummary(block('a', 'hero', { heading: '  Spring sale ' }))).toBe('Spring sale');
    expect(blockSummary(block('a', 'coupon', { code: 'SAVE10' }))).toBe('SAVE10');
    expect(blockSummary(block('a', 'rich_text', { html: '<p>Hello <b>tea</b></p>' }))).toBe('Hello tea');
    expect(blockSummary(block('a', 'rich_text', { html: `<p>${'x'.repeat(100)}</p>` }))).toHaveLength(60);
    expect(blockSummary(block('a', 'gallery', { images: [] }))).toBe('');
  });
});
