import { describe, expect, it } from 'vitest';
import { en } from './en';
import { detectLanguage, format, translator } from './language';
import { zh } from './zh';

describe('detectLanguage', () => {
  it('prefers the stored choice', () => {
    expect(detectLanguage('en', ['zh-CN'])).toBe('en');
    expect(detectLanguage('zh', ['en-US'])).toBe('zh');
  });

  it('otherwise follows the browser', () => {
    expect(detectLanguage(null, ['zh-TW', 'en'])).toBe('zh');
    expect(detectLanguage(null, ['fr-FR', 'en-GB'])).toBe('en');
    expect(detectLanguage('klingon', ['zh'])).toBe('zh');
    expect(detectLanguage(null, ['fr'])).toBe('en');
  });
});

describe('messages', () => {
  it('has the same keys in both languages, none empty', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const value of [...Object.values(en), ...Object.values(zh)]) expect(value.trim()).not.toBe('');
  });

  it('fills placeholders', () => {
    expect(format('Hello {name}, {n} new', { name: 'Ann', n: 3 })).toBe('Hello Ann, 3 new');
    expect(format('Hello {name}', {})).toBe('Hello {name}');
    expect(translator('zh')('plugins.saved', { title: 'Webhook' })).toBe('Webhook 的设置已保存。');
  });
});
