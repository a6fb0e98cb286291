import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter } from 'react-router';
import { SessionProvider } from './auth';
import { I18nProvider, useI18n } from './i18n';
import { AppRoutes } from './routes';

/** The router's basename: the server serves this app at /admin/ (vite.config.ts `base`). */
export const BASENAME = '/admin';

/**
 * Ant Design's defaults, adjusted for WCAG AA contrast (4.5:1 for text, checked by axe-core in
 * the e2e tests): status colours dark enough to be read as text on white and on their own light
 * backgrounds (antd's blue is 4.1:1, its red 3.3:1, green 2.3:1, gold 1.9:1), with antd's own
 * light backgrounds and borders kept (derived from the darker colours they turn grey), and darker
 * secondary text and placeholders (antd's are 3.4:1 and 1.8:1).
 */
const THEME_TOKENS = {
  colorPrimary: '#1668dc',
  colorLink: '#1668dc',
  colorInfo: '#1668dc',
  colorInfoBg: '#e6f4ff',
  colorInfoBorder: '#91caff',
  colorSuccess: '#2f7f12',
  colorSuccessBg: '#f6ffed',
  colorSuccessBorder: '#b7eb8f',
  colorWarning: '#a15c00',
  colorWarningBg: '#fffbe6',
  colorWarningBorder: '#ffe58f',
  colorError: '#d32029',
  colorErrorBg: '#fff2f0',
  colorErrorBorder: '#ffccc7',
  colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
  colorTextDescription: 'rgba(0, 0, 0, 0.6)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  borderRadius: 8,
};

function Themed({ children }: { children: React.ReactNode }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      // Zero-runtime: the components' styles come from antd/dist/antd.css (main.tsx) instead of
      // being computed in the browser on first render; the tokens still apply as CSS variables.
      theme={{ zeroRuntime: true, token: THEME_TOKENS }}
      // antd puts a space between two CJK characters of a button ("登 录"); keep the words whole.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed>
        <BrowserRouter basename={BASENAME}>
          <SessionProvider>
            <AppRoutes />
          </SessionProvider>
        </BrowserRouter>
      </Themed>
    </I18nProvider>
  );
}
