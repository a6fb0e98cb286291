import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Tooltip, Typography, theme } from 'antd';
import { useContext, useMemo, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useMatch } from 'react-router';
import { useSession } from '../auth';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useT } from '../i18n';
import { ShopContext } from '../shop';
import { ShopSwitcher } from './ShopSwitcher';
import { visibleSections } from './menu';

const { Header, Sider, Content } = Layout;

/** The page frame: header (brand, shop switcher, language, user, sign out) and, inside a shop, the section menu. */
export function AppShell({ children }: { children: ReactNode }) {
  const t = useT();
  const { user, logOut } = useSession();
  const { token } = theme.useToken();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          paddingInline: 24,
        }}
      >
        <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width={28} height={28} />
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('app.name')}
          </Typography.Text>
        </Link>
        <div id="shell-shop-slot" style={{ flex: 1, minWidth: 0 }}>
          <ShellShopHeader />
        </div>
        <Space size="middle">
          <LanguageSwitch />
          {user && (
            <Tooltip title={user.email}>
              <span aria-label={t('auth.signedInAs', { name: user.name || user.email })}>
                <UserOutlined aria-hidden /> {user.name || user.email}
              </span>
            </Tooltip>
          )}
          <Button data-testid="logout" icon={<LogoutOutlined />} onClick={() => void logOut()}>
            {t('auth.logout')}
          </Button>
        </Space>
      </Header>
      {children}
    </Layout>
  );
}

/** Inside a shop: the switcher and the viewer's role. */
function ShellShopHeader() {
  const t = useT();
  const shop = useContext(ShopContext);
  const match = useMatch('/shops/:shopId/:section/*');
  if (!shop) return null;
  return (
    <Space>
      <ShopSwitcher current={shop} section={match?.params.section ?? 'plugins'} />
      <Tag aria-label={`${t('shops.role')}: ${t(`role.${shop.viewerRole}`)}`}>{t(`role.${shop.viewerRole}`)}</Tag>
    </Space>
  );
}

/** The frame of pages inside one shop: section menu on the side, the page beside it. */
export function ShopFrame() {
  const t = useT();
  const shop = useContext(ShopContext);
  const location = useLocation();
  const match = useMatch('/shops/:shopId/:section/*');
  const items = useMemo(
    () =>
      visibleSections(shop?.viewerRole).map((s) => ({
        key: s.path,
        icon: s.icon,
        label: <Link to={`/shops/${shop?.id}/${s.path}`}>{t(s.label)}</Link>,
      })),
    [shop, t],
  );
  return (
    <Layout>
      <Sider breakpoint="lg" collapsedWidth={0} theme="light" width={208} aria-label={t('nav.menu')}>
        <nav aria-label={t('nav.menu')}>
          <Menu mode="inline" selectedKeys={match ? [match.params.section ?? ''] : []} items={items} key={location.pathname} />
        </nav>
      </Sider>
      <Content id="main" tabIndex={-1} style={{ padding: 24, minWidth: 0 }}>
        <Outlet />
      </Content>
    </Layout>
  );
}

/** The frame of pages outside a shop (picker, create). */
export function PlainFrame() {
  return (
    <AppShell>
      <Content id="main" tabIndex={-1} style={{ padding: 24, maxWidth: 960, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Content>
    </AppShell>
  );
}
