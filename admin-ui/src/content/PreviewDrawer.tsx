import { ExportOutlined } from '@ant-design/icons';
import { Drawer, Flex, Segmented, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useT } from '../i18n';

/** The widths the preview shows the page at (CSS pixels). */
export const PREVIEW_WIDTHS = { phone: 390, desktop: 1280 } as const;
export type PreviewWidth = keyof typeof PREVIEW_WIDTHS;

interface Props {
  url: string;
  expiresAt: string;
  title: string;
  localeName: string;
  onClose: () => void;
}

/**
 * The draft as the site will show it, through its signed, expiring preview link: in a frame at
 * phone or desktop width (the frame scrolls inside the drawer when the window is narrower), and
 * a link to open it in a tab.
 */
export function PreviewDrawer({ url, expiresAt, title, localeName, onClose }: Props) {
  const t = useT();
  const [width, setWidth] = useState<PreviewWidth>('phone');
  return (
    <Drawer open onClose={onClose} size="100%" title={t('content.preview.title', { title })} data-testid="preview-drawer" styles={{ body: { padding: 12 } }}>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <Segmented<PreviewWidth>
          aria-label={t('content.preview.width')}
          data-testid="preview-width"
          value={width}
          onChange={setWidth}
          options={[
            { value: 'phone', label: t('content.preview.phone') },
            { value: 'desktop', label: t('content.preview.desktop') },
          ]}
        />
        <Typography.Link href={url} target="_blank" rel="noopener noreferrer" data-testid="preview-open">
          <ExportOutlined aria-hidden /> {t('content.preview.open')}
        </Typography.Link>
      </Flex>
      <Typography.Paragraph type="secondary">
        {t('content.preview.expires', { at: dayjs(expiresAt).format('YYYY-MM-DD HH:mm') })}
      </Typography.Paragraph>
      <div data-scrolls style={{ overflow: 'auto', maxWidth: '100%', border: '1px solid #d9d9d9', borderRadius: 6, background: '#f5f5f5' }}>
        <iframe
          src={url}
          title={t('content.preview.frame', { locale: localeName })}
          data-testid="preview-frame"
          data-width={PREVIEW_WIDTHS[width]}
          width={PREVIEW_WIDTHS[width]}
          height={720}
          // The site runs no script; the frame may not either, nor reach the admin.
          sandbox=""
          style={{ display: 'block', border: 0, background: '#fff', margin: width === 'phone' ? '0 auto' : undefined }}
        />
      </div>
    </Drawer>
  );
}
