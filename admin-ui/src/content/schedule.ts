// Publishing at a set time: the seller picks a wall-clock time in the SHOP's time zone (what the
// shop's customers live by), whatever the browser's own zone is.

import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

const WALL_CLOCK = 'YYYY-MM-DDTHH:mm:ss';

/**
 * The instant (ISO 8601, UTC) at which the wall-clock date and time shown by `picked` (as a date
 * picker gives it, in the browser's zone) happens in time zone `zone`.
 */
export function shopTimeToInstant(picked: Dayjs, zone: string): string {
  return dayjs.tz(picked.format(WALL_CLOCK), zone).utc().toISOString();
}

/**
 * The other way: a value for the date picker that shows the wall-clock time instant `iso` has in
 * `zone` (the picker shows it in the browser's zone, so the fields are copied, not converted).
 */
export function instantToShopTime(iso: string, zone: string): Dayjs {
  return dayjs(dayjs(iso).tz(zone).format(WALL_CLOCK));
}

/** Instant `iso` as the shop's wall-clock time, "YYYY-MM-DD HH:mm". */
export function formatInShopTime(iso: string, zone: string): string {
  return dayjs(iso).tz(zone).format('YYYY-MM-DD HH:mm');
}

/** Whether the picked wall-clock time in `zone` is still to come at `now`. */
export function isFuture(picked: Dayjs, zone: string, now: Date = new Date()): boolean {
  return dayjs(shopTimeToInstant(picked, zone)).valueOf() > now.getTime();
}

/** The time zone's offset at `iso`, as "+08:00", to say next to the picker. */
export function zoneOffset(zone: string, iso: string = new Date().toISOString()): string {
  return dayjs(iso).tz(zone).format('Z');
}
