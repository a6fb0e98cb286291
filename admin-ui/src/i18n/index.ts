export { I18nProvider, useI18n, useLangIfAny, useT } from './I18nProvider';
export { LANGS, LANG_TAGS, detectLanguage, format, requestLanguage, translator } from './language';
export type { Lang, Translate, TranslateVars } from './language';
export type { MessageKey } from './en';
