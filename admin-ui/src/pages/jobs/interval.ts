import type { Translate } from '../../i18n';

/** "every 15 minutes": an interval in the largest whole unit. */
export function intervalParts(seconds: number): { count: number; unit: 'day' | 'hour' | 'minute' | 'second' } {
  const s = Math.max(0, Math.round(seconds));
  if (s > 0 && s % 86400 === 0) return { count: s / 86400, unit: 'day' };
  if (s > 0 && s % 3600 === 0) return { count: s / 3600, unit: 'hour' };
  if (s > 0 && s % 60 === 0) return { count: s / 60, unit: 'minute' };
  return { count: s, unit: 'second' };
}

/** "every 15 minutes" in the page's language. */
export function everyText(seconds: number, t: Translate): string {
  const { count, unit } = intervalParts(seconds);
  return t(`jobs.every.${unit}`, { count });
}
