import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, secretStatus, secretsPayload } from './secrets';

const FIELDS = ['secret', 'token'];

describe('secretsPayload (what configurePlugin gets as `secrets`)', () => {
  it('is null when nothing was typed or cleared, so every stored secret is kept', () => {
    expect(secretsPayload(FIELDS, EMPTY_DRAFT)).toBeNull();
    expect(secretsPayload(FIELDS, { typed: { secret: '' }, cleared: { token: false } })).toBeNull();
  });

  it('sends only the fields typed, with their new value', () => {
    expect(secretsPayload(FIELDS, { typed: { secret: 's3cret', token: '' }, cleared: {} })).toEqual({ secret: 's3cret' });
  });

  it('sends null for a field cleared', () => {
    expect(secretsPayload(FIELDS, { typed: {}, cleared: { token: true } })).toEqual({ token: null });
  });

  it('mixes both, a typed value winning over a clear of the same field', () => {
    expect(
      secretsPayload(FIELDS, { typed: { secret: 'new', token: 'fresh' }, cleared: { secret: true, token: false } }),
    ).toEqual({ secret: 'new', token: 'fresh' });
    expect(secretsPayload(FIELDS, { typed: { secret: 'new' }, cleared: { token: true } })).toEqual({ secret: 'new', token: null });
  });

  it('keeps values exactly as typed (spaces are part of a secret)', () => {
    expect(secretsPayload(FIELDS, { typed: { secret: ' a b ' }, cleared: {} })).toEqual({ secret: ' a b ' });
  });

  it('never sends fields that are not secret fields of the plugin', () => {
    expect(secretsPayload(FIELDS, { typed: { url: 'https://x', secret: 'v' }, cleared: { other: true } })).toEqual({ secret: 'v' });
  });
});

describe('secretStatus', () => {
  it('tells what saving will do', () => {
    expect(secretStatus('secret', ['secret'], EMPTY_DRAFT)).toBe('set');
    expect(secretStatus('secret', [], EMPTY_DRAFT)).toBe('unset');
    expect(secretStatus('secret', ['secret'], { typed: { secret: 'x' }, cleared: {} })).toBe('replace');
    expect(secretStatus('secret', ['secret'], { typed: {}, cleared: { secret: true } })).toBe('clear');
    expect(secretStatus('secret', [], { typed: {}, cleared: { secret: true } })).toBe('unset');
  });
});
