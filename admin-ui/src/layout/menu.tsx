import { AppstoreAddOutlined, FileTextOutlined, ShoppingOutlined, SyncOutlined, KeyOutlined, ScheduleOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { BgColorsOutlined, HomeOutlined, PictureOutlined } from '@ant-design/icons';
import type { Role } from '../gql/graphql';
import type { MessageKey } from '../i18n';
import { hasRole } from '../shop/ShopContext';

/**
 * The sections of a shop, in menu order. A new page adds its entry here and its route in
 * routes.tsx; `path` is relative to /shops/:shopId/.
 */
export interface ShopSection {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** The least role that sees the entry (all members when absent). */
  minRole?: Role;
}

export const SHOP_SECTIONS: ShopSection[] = [
  { path: 'home', label: 'nav.home', icon: <HomeOutlined /> },
  { path: 'plugins', label: 'nav.plugins', icon: <AppstoreAddOutlined /> },
  { path: 'catalog', label: 'nav.catalog', icon: <ShoppingOutlined /> },
  { path: 'sync', label: 'nav.sync', icon: <SyncOutlined /> },
  { path: 'content', label: 'nav.content', icon: <FileTextOutlined /> },
  { path: 'jobs', label: 'nav.jobs', icon: <ScheduleOutlined /> },
  { path: 'theme', label: 'nav.theme', icon: <BgColorsOutlined /> },
  { path: 'media', label: 'nav.media', icon: <PictureOutlined /> },
  { path: 'team', label: 'nav.team', icon: <TeamOutlined /> },
  { path: 'keys', label: 'nav.keys', icon: <KeyOutlined />, minRole: 'OWNER' },
  { path: 'settings', label: 'nav.settings', icon: <SettingOutlined /> },
];

/** The sections a member with `role` sees in the menu. */
export function visibleSections(role: Role | undefined): ShopSection[] {
  return SHOP_SECTIONS.filter((s) => !s.minRole || hasRole(role, s.minRole));
}

