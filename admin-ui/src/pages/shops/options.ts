// Choices offered by the shop forms (create, settings). Currencies and locales come from the
// server (`currencies`, `locales`); these are only the words shown for them.

/** Names of the locales a shop's site can use, in their own language. */
export const LOCALE_NAMES: Record<string, string> = {
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  'zh-HK': '繁體中文（香港）',
  en: 'English',
  'en-US': 'English (US)',
  'en-GB': 'English (UK)',
  'ja-JP': '日本語',
  'ko-KR': '한국어',
};

export interface Option {
  value: string;
  label: string;
}

/** `codes` as select options, with `current` added when the server's list lacks it. */
function withCurrent(codes: readonly string[], current: string | undefined): string[] {
  return current && !codes.includes(current) ? [current, ...codes] : [...codes];
}

/** Locale options: "简体中文 (zh-CN)"; unknown codes as they are. */
export function localeOptions(codes: readonly string[], current?: string): Option[] {
  return withCurrent(codes, current).map((code) => ({
    value: code,
    label: LOCALE_NAMES[code] ? `${LOCALE_NAMES[code]} (${code})` : code,
  }));
}

/** Currency options: "CNY · Chinese Yuan" in the page's language (just the code if unknown). */
export function currencyOptions(codes: readonly string[], languageTag: string, current?: string): Option[] {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([languageTag], { type: 'currency' });
  } catch {
    names = undefined;
  }
  return withCurrent(codes, current).map((code) => {
    let name: string | undefined;
    try {
      name = names?.of(code);
    } catch {
      name = undefined;
    }
    return { value: code, label: name && name !== code ? `${code} · ${name}` : code };
  });
}

const FALLBACK_ZONES = [
  'Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Tokyo', 'Asia/Seoul', 'Asia/Singapore',
  'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Australia/Sydney', 'UTC',
];

/** IANA time zones the browser knows (the server checks them against its own database). */
export function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  try {
    const zones = intl.supportedValuesOf?.('timeZone');
    if (zones && zones.length > 0) return zones.includes('UTC') ? zones : [...zones, 'UTC'];
  } catch {
    /* older browsers */
  }
  return FALLBACK_ZONES;
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai';
  } catch {
    return 'Asia/Shanghai';
  }
}

/** A slug suggestion from a shop name: ASCII letters and digits, dashes between words. */
export function slugFrom(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/g, '');
}

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;
