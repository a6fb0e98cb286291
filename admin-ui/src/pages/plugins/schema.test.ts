import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { pluginInfo } from '../../test/fixtures';
import { initialFormData, prepareConfigSchema } from './schema';

describe('prepareConfigSchema', () => {
  it('takes the secret fields out of the form, with their title and whether required', () => {
    const webhook = pluginInfo('webhook');
    const { schema, formFields, secrets } = prepareConfigSchema(webhook.configSchema, webhook.secretFields);
    expect(formFields).toEqual(['url']);
    expect(Object.keys(schema.properties ?? {})).toEqual(['url']);
    expect(schema.required).toEqual(['url']);
    expect(secrets).toEqual([
      { name: 'secret', title: 'Secret', description: 'Shared secret for the X-CloudCat-Signature HMAC', required: true },
    ]);
    expect(schema.title).toBeUndefined();
    expect(schema.description).toBeUndefined();
  });

  it('folds Optional[...] fields into nullable ones and keeps $defs references working', () => {
    const feed = pluginInfo('feed');
    const { schema, formFields, secrets } = prepareConfigSchema(feed.configSchema, feed.secretFields);
    expect(formFields).toEqual(['url', 'format', 'columns', 'default_currency']);
    expect(secrets.map((s) => s.name)).toEqual(['authorization']);
    const props = schema.properties as Record<string, RJSFSchema>;
    expect(props.default_currency).toEqual({
      type: ['string', 'null'],
      title: 'Default Currency',
      description: "Currency for rows without one (default: the shop's currency)",
    });
    expect(props.columns).toEqual({ $ref: '#/$defs/ColumnMapping', title: 'Columns' });
    expect((schema.$defs as Record<string, RJSFSchema>).ColumnMapping.properties).toHaveProperty('id');
  });

  it('treats writeOnly properties as secrets even if secretFields forgot them', () => {
    const { formFields, secrets } = prepareConfigSchema(
      { type: 'object', properties: { a: { type: 'string' }, key: { type: 'string', writeOnly: true } } },
      [],
    );
    expect(formFields).toEqual(['a']);
    expect(secrets.map((s) => s.name)).toEqual(['key']);
  });

  it('copes with a schema without properties', () => {
    const info = pluginInfo('event_store');
    expect(prepareConfigSchema(info.configSchema, info.secretFields)).toMatchObject({ formFields: [], secrets: [] });
    expect(prepareConfigSchema(null, [])).toMatchObject({ formFields: [], secrets: [] });
  });
});

describe('initialFormData', () => {
  it('keeps only the fields the form shows', () => {
    expect(initialFormData({ url: 'u', authorization: 'x', gone: 1 }, ['url'])).toEqual({ url: 'u' });
    expect(initialFormData(null, ['url'])).toEqual({});
  });
});
