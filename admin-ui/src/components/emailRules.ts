import type { Rule } from 'antd/es/form';
import type { Translate } from '../i18n';

/** The form rules of an email field: required, and shaped like an address. */
export function emailRules(t: Translate): Rule[] {
  return [
    { required: true, message: t('auth.emailRequired') },
    { type: 'email', message: t('auth.emailInvalid') },
  ];
}
