import { customizeValidator } from '@rjsf/validator-ajv8';
import localizeZh from 'ajv-i18n/localize/zh';
import type { Lang } from '../../i18n';

// One validator per language (ajv compiles and caches each schema once per validator). The
// Chinese one translates ajv's messages; the server checks everything again anyway.
type ConfigValidator = ReturnType<typeof customizeValidator<Record<string, unknown>>>;
const validators: Partial<Record<Lang, ConfigValidator>> = {};

export function validatorFor(lang: Lang): ConfigValidator {
  validators[lang] ??=
    lang === 'zh' ? customizeValidator<Record<string, unknown>>({}, localizeZh) : customizeValidator<Record<string, unknown>>();
  return validators[lang];
}
