import { CloudServerOutlined, LogoutOutlined, MenuOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Menu, Tag, Tooltip, Typography, theme, type MenuProps } from 'antd';
import { useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useMatch } from 'react-router';
import { useSession } from '../auth';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useT } from '../i18n';
import { useIsOperator } from '../operator/useIsOperator';
import { ShopContext } from '../shop';
import { ShopSwitcher } from './ShopSwitcher';
import { SuspendedBanner } from './SuspendedBanner';
import { visibleSections } from './menu';
import { useWide } from './useWide';

const { Header, Sider, Content } = Layout;

type MenuItems = NonNullable<MenuProps['items']>;

/**
 * The menu's entries: the shop's sections inside a shop, and for operators the operator pages.
 * The selected key is the path the entry links to.
 */
function useNavItems(): { items: MenuItems; selected: string | undefined } {
  const t = useT();
  const shop = useContext(ShopContext);
  const isOperator = useIsOperator();
  const location = useLocation();
  return useMemo(() => {
    const items: MenuItems = [];
    if (shop) {
      for (const s of visibleSections(shop.viewerRole)) {
        const to = `/shops/${shop.id}/${s.path}`;
        items.push({ key: to, icon: s.icon, label: <Link to={to}>{t(s.label)}</Link> });
      }
    }
    if (isOperator) {
      items.push({
        type: 'group',
        key: 'operator',
        label: t('nav.operator'),
        children: [
          { key: '/operator/shops', icon: <ShopOutlined />, label: <Link to="/operator/shops" data-testid="nav-operator-shops">{t('nav.operatorShops')}</Link> },
          { key: '/operator/plugins', icon: <CloudServerOutlined />, label: <Link to="/operator/plugins" data-testid="nav-operator-plugins">{t('nav.operatorPlugins')}</Link> },
        ],
      });
    }
    const keys = items.flatMap((item) => (item && 'children' in item && item.children ? item.children : [item])).map((item) => String(item?.key));
    const selected = keys.find((key) => location.pathname === key || location.pathname.startsWith(`${key}/`));
    return { items, selected };
  }, [shop, isOperator, location.pathname, t]);
}

/**
 * The page frame: header (brand, shop switcher, language, user, sign out) and the menu — beside
 * the page on wide screens, in a drawer opened from the header on phones and tablets (there the
 * header condenses: icon-only sign out, the shop switcher on its own row).
 */
export function AppShell({ children }: { children: ReactNode }) {
  const t = useT();
  const { user, logOut } = useSession();
  const { token } = theme.useToken();
  const wide = useWide();
  const { items, selected } = useNavItems();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const shop = useContext(ShopContext);
  const hasMenu = items.length > 0;

  // Following a link in the drawer closes it.
  useEffect(() => setMenuOpen(false), [location.pathname]);

  const menu = (
    <nav aria-label={t('nav.menu')}>
      <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} style={{ borderInlineEnd: 0 }} />
    </nav>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header
        className={wide ? 'app-header' : 'app-header app-header-narrow'}
        data-testid="app-header"
        style={{
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        {!wide && hasMenu && (
          <Button
            type="text"
            icon={<MenuOutlined aria-hidden />}
            aria-label={t('shell.openMenu')}
            aria-expanded={menuOpen}
            data-testid="menu-button"
            onClick={() => setMenuOpen(true)}
          />
        )}
        <Link to="/" className="app-brand" data-testid="app-brand">
          <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width={28} height={28} />
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('app.name')}
          </Typography.Text>
        </Link>
        {wide && (
          <div id="shell-shop-slot" style={{ flex: 1, minWidth: 0 }}>
            <ShellShopHeader />
          </div>
        )}
        <div className="app-header-tools" data-testid="header-tools">
          <LanguageSwitch />
          {user && wide && (
            <Tooltip title={user.email}>
              <span aria-label={t('auth.signedInAs', { name: user.name || user.email })} className="app-user">
                <UserOutlined aria-hidden /> {user.name || user.email}
              </span>
            </Tooltip>
          )}
          <Button
            data-testid="logout"
            icon={<LogoutOutlined aria-hidden />}
            aria-label={wide ? undefined : t('auth.logout')}
            title={wide ? undefined : t('auth.logout')}
            onClick={() => void logOut()}
          >
            {wide ? t('auth.logout') : null}
          </Button>
        </div>
        {!wide && shop && (
          <div id="shell-shop-slot" className="app-header-shop">
            <ShellShopHeader block />
          </div>
        )}
      </Header>
      {!wide && hasMenu && (
        <Drawer
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          placement="left"
          size={280}
          title={t('shell.menu')}
          data-testid="menu-drawer"
          closable={{ 'aria-label': t('plugins.close') }}
          styles={{ body: { padding: 0 } }}
        >
          {user && (
            <Typography.Paragraph type="secondary" style={{ padding: '12px 24px 0', marginBottom: 4, wordBreak: 'break-all' }}>
              <UserOutlined aria-hidden /> {t('auth.signedInAs', { name: user.name || user.email })}
            </Typography.Paragraph>
          )}
          {menu}
        </Drawer>
      )}
      <Layout hasSider={wide && hasMenu}>
        {wide && hasMenu && (
          <Sider theme="light" width={208} aria-label={t('nav.menu')}>
            {menu}
          </Sider>
        )}
        {children}
      </Layout>
    </Layout>
  );
}

/** Inside a shop: the switcher and the viewer's role. */
function ShellShopHeader({ block = false }: { block?: boolean }) {
  const t = useT();
  const shop = useContext(ShopContext);
  const match = useMatch('/shops/:shopId/:section/*');
  if (!shop) return null;
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }}>
      <ShopSwitcher current={shop} section={match?.params.section ?? 'plugins'} block={block} />
      <Tag style={{ marginInlineEnd: 0 }} aria-label={`${t('shops.role')}: ${t(`role.${shop.viewerRole}`)}`}>
        {t(`role.${shop.viewerRole}`)}
      </Tag>
    </div>
  );
}

/** The frame of pages inside one shop: the page (the menu is the shell's), under the suspension banner if any. */
export function ShopFrame() {
  const shop = useContext(ShopContext);
  return (
    <Content id="main" tabIndex={-1} className="app-content">
      {shop && <SuspendedBanner shopId={shop.id} />}
      <Outlet />
    </Content>
  );
}

/** The frame of pages outside a shop (picker, create). */
export function PlainFrame() {
  return (
    <AppShell>
      <Content id="main" tabIndex={-1} className="app-content" style={{ maxWidth: 960, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Content>
    </AppShell>
  );
}

/** The frame of the operator pages (wide tables: no width cap). */
export function OperatorFrame() {
  return (
    <AppShell>
      <Content id="main" tabIndex={-1} className="app-content">
        <Outlet />
      </Content>
    </AppShell>
  );
}
