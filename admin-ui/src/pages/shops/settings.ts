import type { ShopInput } from '../../gql/graphql';

export interface ShopSettingsValues {
  name: string;
  currency: string;
  locale: string;
  timezone: string;
}

export const SETTINGS_FIELDS: (keyof ShopSettingsValues)[] = ['name', 'currency', 'locale', 'timezone'];

/** The settings form's values of a shop. */
export function settingsOf(shop: ShopSettingsValues): ShopSettingsValues {
  return { name: shop.name, currency: shop.currency, locale: shop.locale, timezone: shop.timezone };
}

/**
 * What updateShop needs to change `shop` into `values`: only the fields that differ (the
 * server leaves a field it is not sent as it is); the name trimmed. Empty when nothing changed.
 */
export function changedShopInput(shop: ShopSettingsValues, values: ShopSettingsValues): ShopInput {
  const input: ShopInput = {};
  const name = values.name.trim();
  if (name !== shop.name) input.name = name;
  if (values.currency !== shop.currency) input.currency = values.currency;
  if (values.locale !== shop.locale) input.locale = values.locale;
  if (values.timezone !== shop.timezone) input.timezone = values.timezone;
  return input;
}
