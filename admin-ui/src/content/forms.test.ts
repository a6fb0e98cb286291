import { describe, expect, it } from 'vitest';
import { BLOCK_TYPES } from './fixtures';
import { IMAGE_WIDGET, blockFormSchema, blockUiSchema, isImageRef, splitDraftErrors } from './forms';

describe('block forms', () => {
  it('gives image fields the image input, also inside arrays of $defs objects', () => {
    const hero = blockUiSchema(blockFormSchema(BLOCK_TYPES[0].schema));
    expect(hero.image).toEqual({ 'ui:widget': IMAGE_WIDGET });
    expect(hero.heading).toBeUndefined();
    const gallery = blockUiSchema(blockFormSchema(BLOCK_TYPES[2].schema));
    expect(gallery.images).toEqual({ items: { image: { 'ui:widget': IMAGE_WIDGET } } });
    expect(blockUiSchema(blockFormSchema({ type: 'object', properties: { cover: { type: 'integer' } } })).cover).toBeUndefined();
    expect(blockUiSchema(blockFormSchema({ type: 'object', properties: { pic: { type: 'string', format: 'image-ref' } } })).pic).toEqual({ 'ui:widget': IMAGE_WIDGET });
  });

  it("names the choices with the server's x-enumNames, and shows an optional nested model's fields", () => {
    const schema = {
      $defs: { GridRule: { type: 'object', properties: { sort: { enum: ['manual', 'newest'], type: 'string', 'x-enumNames': ['Seller order', 'Newest'] } } } },
      type: 'object',
      properties: {
        source: { enum: ['collection', 'rule'], type: 'string', 'x-enumNames': ['A collection', 'A rule'] },
        rule: { anyOf: [{ $ref: '#/$defs/GridRule' }, { type: 'null' }], default: null, title: 'Rule' },
      },
    };
    const form = blockFormSchema(schema) as { properties: Record<string, Record<string, unknown>> };
    expect(form.properties.rule).toEqual({ $ref: '#/$defs/GridRule', title: 'Rule' });
    const ui = blockUiSchema(form);
    expect(ui.source).toEqual({ 'ui:enumNames': ['A collection', 'A rule'] });
    expect(ui.rule).toEqual({ sort: { 'ui:enumNames': ['Seller order', 'Newest'] } });
  });

  it('folds nullable fields and drops the model title', () => {
    const schema = blockFormSchema(BLOCK_TYPES[0].schema) as { title?: string; properties: Record<string, { type: unknown }> };
    expect(schema.title).toBeUndefined();
    expect(schema.properties.link.type).toEqual(['string', 'null']);
  });

  it('takes media ids and https addresses as image refs, nothing else', () => {
    expect(isImageRef('65a1b2c3d4e5f60718293a4b')).toBe(true);
    expect(isImageRef('https://img.example.com/a.jpg')).toBe(true);
    expect(isImageRef('http://img.example.com/a.jpg')).toBe(false);
    expect(isImageRef('javascript:alert(1)')).toBe(false);
    expect(isImageRef('a.jpg')).toBe(false);
  });
});

describe("saveContentDraft's field errors", () => {
  const sent = [{ id: 'b1' }, { id: 'b2' }];

  it('go on the block they name by index, at the field path', () => {
    const split = splitDraftErrors(
      [
        { path: ['data', 'blocks', 1, 'settings', 'heading'], message: 'too long' },
        { path: ['blocks', 0, 'settings', 'images', 0, 'image'], message: 'not an image' },
        { path: ['data', 'title'], message: 'required' },
        { path: ['data', 'seo_description'], message: 'too long' },
        { path: ['data', 'blocks', 5, 'settings', 'x'], message: 'lost' },
        { path: ['at'], message: 'in the past' },
      ],
      sent,
    );
    expect(split.blocks).toEqual({ b2: { heading: { __errors: ['too long'] } }, b1: { images: { 0: { image: { __errors: ['not an image'] } } } } });
    expect(split.fields).toEqual({ title: 'required', seoDescription: 'too long' });
    expect(split.other).toEqual(['blocks.5.settings.x: lost', 'at: in the past']);
  });
});
