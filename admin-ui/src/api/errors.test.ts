import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { translator } from '../i18n/language';
import { zh } from '../i18n/zh';
import { ApiError, KNOWN_CODES, describeError, errorMessageKey, fieldErrorsByName, fieldMessage, toApiError } from './errors';

const tEn = translator('en');
const tZh = translator('zh');

describe('error code → message', () => {
  it('has an English and a Chinese sentence for every known code', () => {
    for (const code of KNOWN_CODES) {
      const key = errorMessageKey(code);
      expect(key).toBe(`errors.${code}`);
      expect(en[key]).toBeTruthy();
      expect(zh[key]).toBeTruthy();
      expect(zh[key]).not.toBe(en[key]);
    }
  });

  it('maps each code to its own words and keeps the server message as the detail', () => {
    const error = new ApiError('FORBIDDEN', 'you may not do this in this shop');
    expect(describeError(error, tEn)).toEqual({
      title: 'Your role in this shop does not allow this.',
      detail: 'you may not do this in this shop',
      code: 'FORBIDDEN',
    });
    expect(describeError(error, tZh).title).toBe('你在此店铺的角色无权执行此操作。');
    expect(describeError(error, tZh).detail).toBe('you may not do this in this shop');
  });

  it.each([
    ['UNAUTHENTICATED', 'Please sign in to continue.'],
    ['NOT_FOUND', en['errors.NOT_FOUND']],
    ['BAD_USER_INPUT', en['errors.BAD_USER_INPUT']],
    ['CONFLICT', 'That conflicts with something that already exists.'],
    ['RATE_LIMITED', en['errors.RATE_LIMITED']],
    ['NETWORK_ERROR', en['errors.NETWORK_ERROR']],
  ])('%s has its sentence', (code, sentence) => {
    expect(describeError(new ApiError(code, 'x'), tEn).title).toBe(sentence);
  });

  it('falls back to a generic sentence for codes it does not know', () => {
    const { title, detail, code } = describeError(new ApiError('SOMETHING_NEW', 'the new thing happened'), tEn);
    expect(title).toBe('Something went wrong.');
    expect(detail).toBe('the new thing happened');
    expect(code).toBe('SOMETHING_NEW');
  });

  it('describes plain errors and non-errors too', () => {
    expect(describeError(new TypeError('boom'), tEn)).toMatchObject({ title: 'Something went wrong.', detail: 'boom', code: 'UNKNOWN' });
    expect(describeError('weird', tEn)).toMatchObject({ code: 'UNKNOWN', detail: 'weird' });
  });

  it('lets a page choose better words for a code', () => {
    const error = new ApiError('UNAUTHENTICATED', 'wrong email or password');
    const described = describeError(error, tEn, { UNAUTHENTICATED: 'auth.login.wrongCredentials' });
    expect(described.title).toBe('The email or password is not right.');
    expect(described.detail).toBe('wrong email or password');
  });

  it('does not repeat a message that says nothing more than the code', () => {
    expect(describeError(new ApiError('FORBIDDEN', 'FORBIDDEN'), tEn).detail).toBeUndefined();
    expect(describeError(new ApiError('FORBIDDEN', '  '), tEn).detail).toBeUndefined();
  });
});

describe('ApiError', () => {
  it('reads code and fields from a GraphQL error', () => {
    const error = ApiError.fromPayload(
      {
        message: 'the configuration of webhook is not valid',
        path: ['configurePlugin'],
        extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['config', 'url'], message: 'bad url' }] },
      },
      200,
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('the configuration of webhook is not valid');
    expect(error.fields).toEqual([{ path: ['config', 'url'], message: 'bad url' }]);
    expect(error.status).toBe(200);
  });

  it('takes an error without a code for an internal one', () => {
    expect(ApiError.fromPayload({ message: 'oops' }).code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('toApiError keeps ApiErrors as they are', () => {
    const error = new ApiError('CONFLICT', 'taken');
    expect(toApiError(error)).toBe(error);
  });
});

describe('fieldErrorsByName', () => {
  it('names fields by path, skipping the input-object prefix', () => {
    const error = new ApiError('BAD_USER_INPUT', 'the shop cannot be created as given', {
      fields: [
        { path: ['slug'], message: 'use 1-50 lowercase letters' },
        { path: ['input', 'name'], message: 'a shop needs a name' },
        { path: ['name'], message: 'second message for name' },
      ],
    });
    expect(fieldErrorsByName(error)).toEqual({ slug: 'use 1-50 lowercase letters', name: 'a shop needs a name' });
  });

  it('gives nothing for other errors', () => {
    expect(fieldErrorsByName(new Error('x'))).toEqual({});
  });
});

describe('field error codes', () => {
  it('says a coded field error in the UI language, with its params', () => {
    expect(fieldMessage({ message: 'String should have at least 8 characters', code: 'string_too_short', params: { min_length: 8 } }, tZh)).toBe('至少 8 个字符。');
    expect(fieldMessage({ message: 'Field required', code: 'missing' }, tZh)).toBe('必填。');
    expect(fieldMessage({ message: 'Input should be a valid URL', code: 'url_parsing' }, tEn)).toBe('Enter a web address (https://…).');
  });

  it('keeps the server message for unknown or missing codes', () => {
    expect(fieldMessage({ message: '已被占用', code: 'something_new' }, tZh)).toBe('已被占用');
    expect(fieldMessage({ message: 'use 1-50 lowercase letters' }, tZh)).toBe('use 1-50 lowercase letters');
  });

  it('translates by code in plain forms too', () => {
    const error = new ApiError('BAD_USER_INPUT', 'bad', { fields: [{ path: ['input', 'name'], message: 'Field required', code: 'missing' }] });
    expect(fieldErrorsByName(error, undefined, tZh)).toEqual({ name: '必填。' });
    expect(fieldErrorsByName(error)).toEqual({ name: 'Field required' });
  });

  it('has words for the issue 8 codes', () => {
    expect(describeError(new ApiError('PLUGIN_NOT_READY', 'Connect your Taobao shop first.'), tZh)).toEqual({
      title: '该插件尚未就绪，暂时无法执行此操作。',
      detail: 'Connect your Taobao shop first.',
      code: 'PLUGIN_NOT_READY',
    });
    expect(describeError(new ApiError('SHOP_SUSPENDED', 'x'), tEn).title).toBe('This shop is suspended: nothing in it can be changed.');
  });
});
