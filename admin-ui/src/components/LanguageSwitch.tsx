import { Segmented } from 'antd';
import { useI18n, type Lang } from '../i18n';

const OPTIONS: { value: Lang; label: string }[] = [
  { value: 'zh', label: '中文' },
  { value: 'en', label: 'English' },
];

/** Switch between Chinese and English; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      data-testid="lang-switch"
      aria-label={t('lang.label')}
      size="small"
      value={lang}
      options={OPTIONS}
      onChange={(value) => setLang(value)}
    />
  );
}
