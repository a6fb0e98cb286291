import { en, type MessageKey, type Messages } from './en';
import { zh } from './zh';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
export const LANG_STORAGE_KEY = 'cloudcat.lang';

export const MESSAGES: Record<Lang, Messages> = { en, zh };

/** The BCP 47 tag for `<html lang>` and Intl formatting. */
export const LANG_TAGS: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

/** The language to start in: the stored choice if any, else the browser's first zh/en language. */
export function detectLanguage(stored: string | null, browserLanguages: readonly string[]): Lang {
  if (stored === 'zh' || stored === 'en') return stored;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/** Fill `{name}` placeholders; a placeholder without a value is left as written. */
export function format(template: string, vars?: TranslateVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

export function translator(lang: Lang): Translate {
  const messages = MESSAGES[lang];
  return (key, vars) => format(messages[key] ?? en[key] ?? key, vars);
}

/** The language to start in, from the stored choice and the browser's languages. */
export function initialLanguage(): Lang {
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  return detectLanguage(readStoredLanguage(), browser);
}

let activeLang: Lang | null = null;

/** Set the UI's current language (the I18nProvider does), for requests made outside React. */
export function setActiveLanguage(lang: Lang): void {
  activeLang = lang;
}

/**
 * The `Accept-Language` of API requests: the UI's current language (zh-CN or en), so the server
 * answers plugin texts and its messages in it. Before the provider has mounted (prefetches),
 * the language the UI will start in.
 */
export function requestLanguage(): string {
  return LANG_TAGS[activeLang ?? initialLanguage()];
}

export function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    return null; // storage can be disabled (private mode, policies)
  }
}

export function storeLanguage(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    /* the choice then lasts for this page only */
  }
}
