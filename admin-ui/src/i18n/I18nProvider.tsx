import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  LANG_TAGS,
  initialLanguage,
  setActiveLanguage,
  storeLanguage,
  translator,
  type Lang,
  type Translate,
} from './language';

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children, lang: forced }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const first = forced ?? initialLanguage();
    setActiveLanguage(first);
    return first;
  });

  const setLang = useCallback((next: Lang) => {
    storeLanguage(next);
    // Requests made from now on (the refetches the change triggers) ask for the new language.
    setActiveLanguage(next);
    setLangState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = LANG_TAGS[lang];
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  }, [lang]);

  const value = useMemo(() => ({ lang, setLang, t: translator(lang) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, or undefined outside an <I18nProvider> (for hooks usable anywhere). */
export function useLangIfAny(): Lang | undefined {
  return useContext(I18nContext)?.lang;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() outside <I18nProvider>');
  return value;
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useI18n().t;
}
