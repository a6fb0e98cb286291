import { describe, expect, it } from 'vitest';
import { currentPath, loginPath, safeNext } from './redirect';

describe('safeNext', () => {
  it.each([
    ['/shops/abc/plugins', '/shops/abc/plugins'],
    ['/shops/abc/plugins?settings=feed#x', '/shops/abc/plugins?settings=feed#x'],
    ['/', '/'],
  ])('keeps the local path %s', (raw, expected) => {
    expect(safeNext(raw)).toBe(expected);
  });

  it.each([
    [null],
    [''],
    ['https://evil.example/'],
    ['//evil.example/path'],
    ['/\\evil.example'],
    ['javascript:alert(1)'],
    ['shops/abc'],
    ['/shops\u0000/x'],
    ['/login'],
    ['/login?next=/x'],
    ['/signup/'],
  ])('refuses %j and goes home instead', (raw) => {
    expect(safeNext(raw)).toBe('/');
  });
});

describe('loginPath', () => {
  it('carries where the user was', () => {
    expect(loginPath('/shops/abc/plugins?settings=feed')).toBe('/login?next=%2Fshops%2Fabc%2Fplugins%3Fsettings%3Dfeed');
  });

  it('does not carry the home page, the login page or a foreign address', () => {
    expect(loginPath('/')).toBe('/login');
    expect(loginPath('/login?next=%2Fx')).toBe('/login');
    expect(loginPath('//evil.example')).toBe('/login');
  });

  it('round-trips through safeNext', () => {
    const here = currentPath({ pathname: '/shops/a b/plugins', search: '?q=1&r=2', hash: '#top' });
    const next = new URLSearchParams(loginPath(here).split('?')[1]).get('next');
    expect(safeNext(next)).toBe(here);
  });
});
