// What each locale of a content page stands at, in words and colours for its tag.

import type { ContentKind, ContentStatus } from '../gql/graphql';
import type { MessageKey } from '../i18n';

/** The locales a page is written in, in the order the editor offers them. */
export const CONTENT_LOCALES = ['zh-CN', 'en'] as const;
export type ContentLocaleTag = (typeof CONTENT_LOCALES)[number];

export const CONTENT_KINDS: readonly ContentKind[] = ['HOME', 'LANDING', 'CAMPAIGN', 'ARTICLE'];

/** A locale's state, or NONE when the page has nothing in that locale yet. */
export type LocaleStatus = ContentStatus | 'NONE';

interface LocaleLike {
  locale: string;
  status: ContentStatus;
  scheduledAt?: string | null;
  publishedAt?: string | null;
  draft?: { title: string } | null;
  published?: { title: string } | null;
}

interface PageLike {
  handle: string;
  locales: readonly LocaleLike[];
}

/** The page's state in `locale` (NONE when the page has no such locale). */
export function localeOf<L extends LocaleLike>(page: { locales: readonly L[] }, locale: string): L | undefined {
  return page.locales.find((l) => l.locale === locale);
}

export function localeStatus(page: PageLike, locale: string): LocaleStatus {
  return localeOf(page, locale)?.status ?? 'NONE';
}

export const STATUS_COLORS: Record<LocaleStatus, string> = {
  NONE: 'default',
  DRAFT: 'default',
  SCHEDULED: 'processing',
  PUBLISHED: 'success',
  CHANGED: 'warning',
};

/** The message key of a state's label. */
export function statusLabelKey(status: LocaleStatus): MessageKey {
  return `content.status.${status}` as MessageKey;
}

/** The message key of a locale's name ("中文" / "English"). */
export function localeLabelKey(locale: string): MessageKey {
  return locale === 'en' ? 'content.locale.en' : 'content.locale.zh-CN';
}

/**
 * The page's title to show in `preferred` (the UI's language as a content locale): that
 * locale's draft title, else its published one, else any locale's; the handle when none has one.
 */
export function pageTitle(page: PageLike, preferred: string): string {
  const ordered = [...page.locales].sort((a, b) => Number(b.locale === preferred) - Number(a.locale === preferred));
  for (const l of ordered) {
    const title = l.draft?.title?.trim() || l.published?.title?.trim();
    if (title) return title;
  }
  return page.handle;
}

/** The content locale matching the UI's language. */
export function contentLocaleFor(lang: 'zh' | 'en'): ContentLocaleTag {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/** Whether `value` is a content locale the editor offers. */
export function isContentLocale(value: string | null | undefined): value is ContentLocaleTag {
  return (CONTENT_LOCALES as readonly string[]).includes(value ?? '');
}

/**
 * The actions a locale's state allows (the server refuses the others anyway): publish or schedule
 * once there is a draft, cancel a schedule that is set, unpublish what is live.
 */
export function allowedActions(state: LocaleLike | undefined) {
  const status: LocaleStatus = state?.status ?? 'NONE';
  const hasDraft = status === 'DRAFT' || status === 'CHANGED' || status === 'SCHEDULED';
  return {
    publish: hasDraft,
    schedule: hasDraft,
    cancelSchedule: Boolean(state?.scheduledAt),
    unpublish: Boolean(state?.published) || Boolean(state?.publishedAt),
    preview: status !== 'NONE',
  };
}
