// Test data for the content pages' tests: block types shaped like the server's (pydantic JSON
// Schemas with $defs and nullable fields) and pages in several states.

import type { ContentPageFieldsFragment } from '../gql/graphql';

export const BLOCK_TYPES = [
  {
    type: 'hero',
    title: 'Hero banner',
    description: 'A big picture with a heading and a button.',
    schema: {
      title: 'HeroSettings',
      type: 'object',
      properties: {
        heading: { title: 'Heading', type: 'string', maxLength: 120 },
        subheading: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null, title: 'Subheading' },
        image: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null, title: 'Image' },
        link: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null, title: 'Link' },
        button_label: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null, title: 'Button label' },
      },
      required: ['heading'],
    },
  },
  {
    type: 'rich_text',
    title: 'Rich text',
    description: 'Formatted text.',
    schema: { type: 'object', properties: { html: { title: 'Text', type: 'string', default: '' } } },
  },
  {
    type: 'gallery',
    title: 'Gallery',
    description: 'Pictures in a row.',
    schema: {
      $defs: {
        GalleryImage: {
          type: 'object',
          properties: { image: { type: 'string', title: 'Image' }, alt: { type: 'string', title: 'Alt text', default: '' } },
          required: ['image'],
        },
      },
      type: 'object',
      properties: { images: { type: 'array', items: { $ref: '#/$defs/GalleryImage' }, default: [], title: 'Images' } },
    },
  },
];

type Locale = ContentPageFieldsFragment['locales'][number];

export function localeState(patch: Partial<Locale> & { locale: string }): Locale {
  return {
    status: 'DRAFT',
    draftSavedAt: '2026-12-01T02:00:00+00:00',
    draftVersion: 1,
    publishedAt: null,
    publishedRevision: null,
    scheduledAt: null,
    scheduledRevision: null,
    draft: { title: 'Spring tea', seoTitle: null, seoDescription: null, blocks: [], bodyHtml: null, excerpt: null, cover: null },
    published: null,
    ...patch,
  };
}

export function contentPage(patch: Partial<ContentPageFieldsFragment> = {}): ContentPageFieldsFragment {
  return {
    id: 'p1',
    kind: 'LANDING',
    handle: 'spring-tea',
    url: 'http://shop.test/s/demo/pages/spring-tea',
    startsAt: null,
    endsAt: null,
    promotionIds: [],
    tags: [],
    createdAt: '2026-12-01T01:00:00+00:00',
    updatedAt: '2026-12-01T02:00:00+00:00',
    locales: [localeState({ locale: 'en' })],
    ...patch,
  };
}
