import { TranslatableString, englishStringTranslator } from '@rjsf/utils';
import type { Lang } from '../../i18n';

// Chinese for the few words rjsf's own widgets show (buttons of arrays, yes/no, ...).
const ZH: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: '条目',
  [TranslatableString.EmptyArray]: '还没有条目，用下面的按钮添加。',
  [TranslatableString.YesLabel]: '是',
  [TranslatableString.NoLabel]: '否',
  [TranslatableString.CloseLabel]: '关闭',
  [TranslatableString.ErrorsLabel]: '错误',
  [TranslatableString.AddButton]: '添加',
  [TranslatableString.AddItemButton]: '添加条目',
  [TranslatableString.CopyButton]: '复制',
  [TranslatableString.MoveDownButton]: '下移',
  [TranslatableString.MoveUpButton]: '上移',
  [TranslatableString.RemoveButton]: '删除',
  [TranslatableString.ClearButton]: '清空',
  [TranslatableString.OptionalObjectAdd]: '为此可选字段添加数据',
  [TranslatableString.OptionalObjectRemove]: '删除此可选字段的数据',
  [TranslatableString.OptionalObjectEmptyMsg]: '此可选字段没有数据',
};

export function rjsfTranslator(lang: Lang) {
  return (key: TranslatableString, params?: string[]): string => {
    const zh = lang === 'zh' ? ZH[key] : undefined;
    return zh ?? englishStringTranslator(key, params);
  };
}
