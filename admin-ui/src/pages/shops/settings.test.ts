import { describe, expect, it } from 'vitest';
import { currencyOptions, localeOptions } from './options';
import { changedShopInput, settingsOf } from './settings';

const SHOP = { id: 's1', name: 'Demo', currency: 'CNY', locale: 'zh-CN', timezone: 'Asia/Shanghai' };

describe('changedShopInput', () => {
  it('sends only what changed, the name trimmed', () => {
    const saved = settingsOf(SHOP);
    expect(saved).toEqual({ name: 'Demo', currency: 'CNY', locale: 'zh-CN', timezone: 'Asia/Shanghai' });
    expect(changedShopInput(saved, saved)).toEqual({});
    expect(changedShopInput(saved, { ...saved, name: '  Demo  ' })).toEqual({});
    expect(changedShopInput(saved, { ...saved, name: ' New name ', currency: 'USD' })).toEqual({ name: 'New name', currency: 'USD' });
    expect(changedShopInput(saved, { ...saved, locale: 'en', timezone: 'UTC' })).toEqual({ locale: 'en', timezone: 'UTC' });
  });
});

describe('shop form options', () => {
  it('labels the server’s locales and keeps the current value choosable', () => {
    expect(localeOptions(['zh-CN', 'en'])).toEqual([
      { value: 'zh-CN', label: '简体中文 (zh-CN)' },
      { value: 'en', label: 'English (en)' },
    ]);
    expect(localeOptions(['en'], 'fr-FR').map((o) => o.value)).toEqual(['fr-FR', 'en']);
    expect(localeOptions(['xx-YY'])).toEqual([{ value: 'xx-YY', label: 'xx-YY' }]);
  });

  it('names currencies in the page’s language', () => {
    const en = currencyOptions(['CNY', 'USD'], 'en');
    expect(en.map((o) => o.value)).toEqual(['CNY', 'USD']);
    expect(en[0].label).toMatch(/^CNY · .*Yuan/);
    expect(currencyOptions(['CNY'], 'zh-CN')[0].label).toMatch(/^CNY · 人民币/);
    expect(currencyOptions(['USD'], 'en', 'EUR').map((o) => o.value)).toEqual(['EUR', 'USD']);
  });
});
