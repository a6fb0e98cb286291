import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { contentPage, localeState } from './fixtures';
import { allowedActions, contentLocaleFor, localeLabelKey, localeStatus, pageTitle, statusLabelKey, type LocaleStatus } from './status';
import { contentEn, contentZh } from './messages';

const STATUSES: LocaleStatus[] = ['NONE', 'DRAFT', 'SCHEDULED', 'PUBLISHED', 'CHANGED'];

describe('state labels', () => {
  it('says every state in English and Chinese, each its own words', () => {
    const english = STATUSES.map((s) => en[statusLabelKey(s)]);
    const chinese = STATUSES.map((s) => zh[statusLabelKey(s)]);
    expect(english).toEqual(['Not written', 'Draft', 'Scheduled', 'Published', 'Changed since published']);
    expect(chinese).toEqual(['未创建', '草稿', '已定时', '已发布', '已发布，有未发布的修改']);
    expect(new Set(english).size).toBe(STATUSES.length);
  });

  it('has the same content keys in both languages, none empty', () => {
    expect(Object.keys(contentZh).sort()).toEqual(Object.keys(contentEn).sort());
    for (const [key, value] of Object.entries(contentZh)) expect(value, key).not.toBe('');
  });

  it('names the locales', () => {
    expect(en[localeLabelKey('zh-CN')]).toBe('中文');
    expect(en[localeLabelKey('en')]).toBe('English');
    expect(contentLocaleFor('zh')).toBe('zh-CN');
    expect(contentLocaleFor('en')).toBe('en');
  });
});

describe('a locale state', () => {
  const page = contentPage({
    locales: [
      localeState({ locale: 'zh-CN', status: 'PUBLISHED', draft: null, published: { title: '春茶', seoTitle: null, seoDescription: null, blocks: [], bodyHtml: null, excerpt: null, cover: null }, publishedAt: '2026-12-01T00:00:00Z' }),
      localeState({ locale: 'en', status: 'SCHEDULED', scheduledAt: '2027-01-01T02:00:00Z' }),
    ],
  });

  it('is read per locale, NONE for a locale the page does not have', () => {
    expect(localeStatus(page, 'zh-CN')).toBe('PUBLISHED');
    expect(localeStatus(page, 'en')).toBe('SCHEDULED');
    expect(localeStatus(contentPage(), 'zh-CN')).toBe('NONE');
  });

  it('gives the title in the preferred locale, then any, then the handle', () => {
    expect(pageTitle(page, 'zh-CN')).toBe('春茶');
    expect(pageTitle(page, 'en')).toBe('Spring tea');
    expect(pageTitle(contentPage({ locales: [] }), 'en')).toBe('spring-tea');
  });

  it('allows what the state allows', () => {
    expect(allowedActions(undefined)).toEqual({ publish: false, schedule: false, cancelSchedule: false, unpublish: false, preview: false });
    expect(allowedActions(page.locales[0])).toMatchObject({ publish: false, unpublish: true, cancelSchedule: false, preview: true });
    expect(allowedActions(page.locales[1])).toMatchObject({ publish: true, schedule: true, cancelSchedule: true, unpublish: false });
    expect(allowedActions(localeState({ locale: 'en', status: 'CHANGED', publishedAt: '2026-12-01T00:00:00Z' }))).toMatchObject({ publish: true, unpublish: true });
  });
});
