import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { formatInShopTime, instantToShopTime, isFuture, shopTimeToInstant, zoneOffset } from './schedule';

describe('scheduling in the shop time zone', () => {
  it('reads the picked wall-clock time in the shop zone, not the browser zone', () => {
    const picked = dayjs('2027-01-01T10:00:00');
    expect(shopTimeToInstant(picked, 'Asia/Shanghai')).toBe('2027-01-01T02:00:00.000Z');
    expect(shopTimeToInstant(picked, 'UTC')).toBe('2027-01-01T10:00:00.000Z');
    expect(shopTimeToInstant(picked, 'America/New_York')).toBe('2027-01-01T15:00:00.000Z');
  });

  it('shows a scheduled instant as the shop wall-clock time, both ways', () => {
    const iso = '2027-06-30T16:30:00.000Z';
    expect(formatInShopTime(iso, 'Asia/Shanghai')).toBe('2027-07-01 00:30');
    const shown = instantToShopTime(iso, 'Asia/Shanghai');
    expect(shown.format('YYYY-MM-DD HH:mm')).toBe('2027-07-01 00:30');
    expect(shopTimeToInstant(shown, 'Asia/Shanghai')).toBe(iso);
  });

  it('says whether the picked time is still to come, in the shop zone', () => {
    const now = new Date('2027-01-01T01:00:00Z'); // 09:00 in Shanghai
    expect(isFuture(dayjs('2027-01-01T10:00:00'), 'Asia/Shanghai', now)).toBe(true);
    expect(isFuture(dayjs('2027-01-01T08:00:00'), 'Asia/Shanghai', now)).toBe(false);
    expect(isFuture(dayjs('2027-01-01T08:00:00'), 'UTC', now)).toBe(true);
  });

  it('names the offset', () => {
    expect(zoneOffset('Asia/Shanghai', '2027-01-01T00:00:00Z')).toBe('+08:00');
    expect(zoneOffset('Europe/Berlin', '2027-07-01T00:00:00Z')).toBe('+02:00');
  });
});
