import { describe, expect, it } from 'vitest';
import { currentTheme, previewDocument, previewScale, sitePath, themeChanges } from './theme';

const themes = (on: string[]) => ['default_theme', 'mobile_theme', 'zen_theme'].map((name) => ({ name, enabled: on.includes(name) }));

describe('currentTheme', () => {
  it('is the theme switched on, the first by name when several are, else none', () => {
    expect(currentTheme(themes(['mobile_theme']))?.name).toBe('mobile_theme');
    expect(currentTheme(themes(['zen_theme', 'mobile_theme']))?.name).toBe('mobile_theme');
    expect(currentTheme(themes([]))).toBeNull();
  });
});

describe('themeChanges', () => {
  it('switches the chosen theme on first, then every other one off', () => {
    expect(themeChanges(themes(['default_theme', 'zen_theme']), 'mobile_theme')).toEqual([
      { name: 'mobile_theme', enabled: true },
      { name: 'default_theme', enabled: false },
      { name: 'zen_theme', enabled: false },
    ]);
  });

  it('only switches the others off when the chosen one is already on, and nothing when it is the only one', () => {
    expect(themeChanges(themes(['default_theme', 'mobile_theme']), 'mobile_theme')).toEqual([{ name: 'default_theme', enabled: false }]);
    expect(themeChanges(themes(['mobile_theme']), 'mobile_theme')).toEqual([]);
    expect(themeChanges(themes(['mobile_theme']), 'not_installed')).toEqual([]);
  });
});

describe('previewDocument', () => {
  it('puts a base (links open in a new tab) at the start of the head', () => {
    const html = '<!doctype html><html><head lang="en"><title>Shop</title></head><body><a href="products/x">x</a></body></html>';
    expect(previewDocument(html, 'http://h/s/tea/')).toBe(
      '<!doctype html><html><head lang="en"><base href="http://h/s/tea/" target="_blank"><title>Shop</title></head><body><a href="products/x">x</a></body></html>',
    );
    expect(previewDocument('<p>no head</p>', 'http://h/s/"x/')).toBe('<base href="http://h/s/&quot;x/" target="_blank"><p>no head</p>');
  });
});

describe('previewScale and sitePath', () => {
  it('shrinks a frame to the room there is, never enlarges it', () => {
    expect(previewScale(640, 1280)).toBe(0.5);
    expect(previewScale(2000, 1280)).toBe(1);
    expect(previewScale(0, 390)).toBe(1);
  });

  it("is the shop's site path", () => {
    expect(sitePath('tea-house')).toBe('/s/tea-house/');
  });
});
