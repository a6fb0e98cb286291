import type { ErrorSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { pruneChangedErrors, splitFieldErrors } from './fieldErrors';

const FORM = { secretFields: ['authorization', 'secret'], formFields: ['url', 'format', 'columns', 'tags'] };

describe('splitFieldErrors (server field errors → rjsf extraErrors)', () => {
  it('puts config field errors at the same path in extraErrors', () => {
    const { extraErrors, secretErrors, formErrors } = splitFieldErrors(
      [
        { path: ['config', 'url'], message: 'Input should be a valid URL' },
        { path: ['config', 'url'], message: 'too long' },
        { path: ['config', 'columns', 'id'], message: 'String should have at least 1 character' },
        { path: ['config', 'tags', 2], message: 'not a tag' },
      ],
      FORM,
    );
    expect(extraErrors).toEqual({
      url: { __errors: ['Input should be a valid URL', 'too long'] },
      columns: { id: { __errors: ['String should have at least 1 character'] } },
      tags: { 2: { __errors: ['not a tag'] } },
    });
    expect(secretErrors).toEqual({});
    expect(formErrors).toEqual([]);
  });

  it('sends secret field errors to the secret inputs, whether named under config or secrets', () => {
    const { extraErrors, secretErrors } = splitFieldErrors(
      [
        { path: ['config', 'secret'], message: 'Field required' },
        { path: ['secrets', 'authorization'], message: 'too short' },
      ],
      FORM,
    );
    expect(extraErrors).toEqual({});
    expect(secretErrors).toEqual({ secret: ['Field required'], authorization: ['too short'] });
  });

  it('keeps errors the form cannot show as form-level lines', () => {
    const { extraErrors, formErrors } = splitFieldErrors(
      [
        { path: ['config'], message: 'must be an object' },
        { path: ['config', 'bogus'], message: 'Extra inputs are not permitted' },
        { path: ['secrets', 'nope'], message: 'this plugin has no such secret' },
        { path: [], message: 'bad' },
      ],
      FORM,
    );
    expect(extraErrors).toEqual({});
    expect(formErrors).toEqual([
      'must be an object',
      'bogus: Extra inputs are not permitted',
      'secrets.nope: this plugin has no such secret',
      'bad',
    ]);
  });
});

describe('pruneChangedErrors', () => {
  const errors = { url: { __errors: ['bad'] }, format: { __errors: ['bad too'] } } as unknown as ErrorSchema;

  it('drops the errors of fields changed since submitting', () => {
    expect(pruneChangedErrors(errors, { url: 'x', format: 'csv' }, { url: 'y', format: 'csv' })).toEqual({
      format: { __errors: ['bad too'] },
    });
  });

  it('keeps the same object when nothing relevant changed', () => {
    expect(pruneChangedErrors(errors, { url: 'x', format: 'csv' }, { url: 'x', format: 'csv', other: 1 })).toBe(errors);
  });
});
