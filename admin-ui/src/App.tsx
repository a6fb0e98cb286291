import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter } from 'react-router';
import { SessionProvider } from './auth';
import { I18nProvider, useI18n } from './i18n';
import { AppRoutes } from './routes';

/** The router's basename: the server serves this app at /admin/ (vite.config.ts `base`). */
export const BASENAME = '/admin';

function Themed({ children }: { children: React.ReactNode }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      // Zero-runtime: the components' styles come from antd/dist/antd.css (main.tsx) instead of
      // being computed in the browser on first render; the tokens still apply as CSS variables.
      theme={{ zeroRuntime: true, token: { colorPrimary: '#1677ff', borderRadius: 8 } }}
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
