import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n';
import { everyText, intervalParts } from './interval';
import { FIRST_PAGE, currentAfter, nextPage, previousPage } from './paging';

describe('cursor paging', () => {
  it('goes forward with end cursors and back without backward cursors', () => {
    expect(currentAfter(FIRST_PAGE)).toBeNull();
    const second = nextPage(FIRST_PAGE, 'c20');
    expect(second.index).toBe(1);
    expect(currentAfter(second)).toBe('c20');
    const third = nextPage(second, 'c40');
    expect(currentAfter(third)).toBe('c40');
    const back = previousPage(third);
    expect(currentAfter(back)).toBe('c20');
    expect(currentAfter(previousPage(back))).toBeNull();
    expect(previousPage(FIRST_PAGE)).toBe(FIRST_PAGE);
  });

  it('forgets the pages ahead when going forward from an earlier page', () => {
    const third = nextPage(nextPage(FIRST_PAGE, 'c20'), 'c40');
    const again = nextPage(previousPage(third), 'c20-new');
    expect(again.afters).toEqual([null, 'c20', 'c20-new']);
  });

  it('stays put without an end cursor', () => {
    expect(nextPage(FIRST_PAGE, null)).toBe(FIRST_PAGE);
    expect(nextPage(FIRST_PAGE, undefined)).toBe(FIRST_PAGE);
  });
});

describe('intervals', () => {
  it('uses the largest whole unit', () => {
    expect(intervalParts(900)).toEqual({ count: 15, unit: 'minute' });
    expect(intervalParts(7200)).toEqual({ count: 2, unit: 'hour' });
    expect(intervalParts(604800)).toEqual({ count: 7, unit: 'day' });
    expect(intervalParts(90)).toEqual({ count: 90, unit: 'second' });
    expect(intervalParts(0)).toEqual({ count: 0, unit: 'second' });
  });

  it('says it in both languages', () => {
    expect(everyText(900, translator('en'))).toBe('Every 15 min');
    expect(everyText(3600, translator('zh'))).toBe('每 1 小时');
  });
});
