import { afterEach, describe, expect, it, vi } from 'vitest';
import { MeQuery } from '../auth/operations';
import { gqlRequest, onUnauthenticated } from './client';
import { ApiError } from './errors';
import { setActiveLanguage } from '../i18n/language';

function answer(body: unknown, status = 200) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('gqlRequest', () => {
  it('POSTs JSON to /graphql on the same origin and returns data', async () => {
    const fetchMock = answer({ data: { me: { id: '1', email: 'a@b.c', name: 'A' } } });
    vi.stubGlobal('fetch', fetchMock);
    const data = await gqlRequest(MeQuery, {});
    expect(data.me?.email).toBe('a@b.c');
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(JSON.parse(init.body as string).query).toContain('query Me');
  });

  it('says the UI language in Accept-Language on every request', async () => {
    const fetchMock = answer({ data: { me: null } });
    vi.stubGlobal('fetch', fetchMock);
    setActiveLanguage('zh');
    await gqlRequest(MeQuery, {});
    setActiveLanguage('en');
    await gqlRequest(MeQuery, {});
    const languages = fetchMock.mock.calls.map((call) => ((call as unknown as [string, RequestInit])[1].headers as Record<string, string>)['Accept-Language']);
    expect(languages).toEqual(['zh-CN', 'en']);
  });

  it('throws an ApiError with the code and field errors', async () => {
    vi.stubGlobal(
      'fetch',
      answer({
        data: null,
        errors: [
          { message: 'bad', extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['config', 'url'], message: 'no' }] } },
        ],
      }),
    );
    const error = await gqlRequest(MeQuery, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('BAD_USER_INPUT');
    expect((error as ApiError).fields).toEqual([{ path: ['config', 'url'], message: 'no' }]);
  });

  it('reads errors of refused requests (HTTP 4xx with a GraphQL error body)', async () => {
    vi.stubGlobal('fetch', answer({ errors: [{ message: 'send JSON', extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] }, 415));
    await expect(gqlRequest(MeQuery, {})).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 });
  });

  it('tells listeners about UNAUTHENTICATED unless asked not to', async () => {
    vi.stubGlobal('fetch', answer({ data: null, errors: [{ message: 'sign in first', extensions: { code: 'UNAUTHENTICATED' } }] }));
    const listener = vi.fn();
    const stop = onUnauthenticated(listener);
    await expect(gqlRequest(MeQuery, {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(listener).toHaveBeenCalledTimes(1);
    await expect(gqlRequest(MeQuery, {}, { redirectOnUnauthenticated: false })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    await expect(gqlRequest(MeQuery, {})).rejects.toBeInstanceOf(ApiError);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('turns a failed connection into NETWORK_ERROR and a non-JSON answer into BAD_RESPONSE', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(gqlRequest(MeQuery, {})).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>502</html>', { status: 502, statusText: 'Bad Gateway' })));
    await expect(gqlRequest(MeQuery, {})).rejects.toMatchObject({ code: 'BAD_RESPONSE', status: 502 });
  });
});
