// What the editor holds for one locale of a page, how it starts from the server's state, and what
// saveContentDraft is sent.

import type { ContentDataInput, ContentPageFieldsFragment } from '../gql/graphql';
import { newBlockId, type EditorBlock } from './blocks';
import { localeOf } from './status';

export interface EditorData {
  title: string;
  seoTitle: string;
  seoDescription: string;
  blocks: readonly EditorBlock[];
  bodyHtml: string;
  excerpt: string;
  cover: string;
}

export const EMPTY_DATA: EditorData = { title: '', seoTitle: '', seoDescription: '', blocks: [], bodyHtml: '', excerpt: '', cover: '' };

type ServerData = NonNullable<ContentPageFieldsFragment['locales'][number]['draft']>;

function settingsOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The server's ContentData as the editor holds it (absent texts as ''). */
export function fromServer(data: ServerData | null | undefined): EditorData {
  if (!data) return EMPTY_DATA;
  return {
    title: data.title ?? '',
    seoTitle: data.seoTitle ?? '',
    seoDescription: data.seoDescription ?? '',
    blocks: data.blocks.map((b) => ({ id: b.id, type: b.type, settings: settingsOf(b.settings) })),
    bodyHtml: data.bodyHtml ?? '',
    excerpt: data.excerpt ?? '',
    cover: data.cover ?? '',
  };
}

/** Where editing a locale starts: its draft, else what is live, else nothing. */
export function startingData(page: ContentPageFieldsFragment, locale: string): EditorData {
  const state = localeOf(page, locale);
  return fromServer(state?.draft ?? state?.published);
}

/** Another locale's text as the start of this one (new block ids: blocks belong to one version). */
export function copiedData(page: ContentPageFieldsFragment, from: string): EditorData {
  const data = startingData(page, from);
  return { ...data, blocks: data.blocks.map((b) => ({ ...b, id: newBlockId(), settings: structuredClone(b.settings) })) };
}

/** The optimistic-concurrency version to send with a save of `locale` (null: no draft yet). */
export function draftVersionOf(page: ContentPageFieldsFragment, locale: string): number | null {
  const state = localeOf(page, locale);
  return state && state.draft ? state.draftVersion : null;
}

/** saveContentDraft's `data`: empty optional texts as null. */
export function toInput(data: EditorData, withArticle: boolean): ContentDataInput {
  const orNull = (text: string) => (text.trim() === '' ? null : text);
  return {
    title: data.title.trim(),
    seoTitle: orNull(data.seoTitle),
    seoDescription: orNull(data.seoDescription),
    blocks: data.blocks.map((b) => ({ id: b.id, type: b.type, settings: b.settings })),
    ...(withArticle ? { bodyHtml: orNull(data.bodyHtml), excerpt: orNull(data.excerpt), cover: orNull(data.cover.trim()) } : {}),
  };
}

/** Whether the editor's data differs from `baseline` (what was loaded or last saved). */
export function isDirty(data: EditorData, baseline: EditorData): boolean {
  return JSON.stringify(data) !== JSON.stringify(baseline);
}
