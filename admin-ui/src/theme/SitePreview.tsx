import { DesktopOutlined, MobileOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Segmented, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import { PREVIEW_WIDTHS, previewDocument, previewScale, type PreviewDevice } from './theme';

const FRAME_HEIGHT = { phone: 760, desktop: 820 } as const;

interface Props {
  /** The site page to show (same origin as the admin). */
  path: string;
  /** Changing it loads the page again (after a theme change or a settings save). */
  version: number;
}

/**
 * The live site at a phone's or a desktop's width, shrunk to fit the page. The page's HTML is
 * fetched and shown in a sandboxed frame (`srcdoc`, no scripts): the site itself refuses to be
 * framed, and nothing in a preview should run or count as a visit.
 */
export function SitePreview({ path, version }: Props) {
  const t = useT();
  const [device, setDevice] = useState<PreviewDevice>('phone');
  const [html, setHtml] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const [available, setAvailable] = useState(0);

  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    setAvailable(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => setAvailable(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const abort = new AbortController();
    setFailed(null);
    fetch(path, { credentials: 'omit', signal: abort.signal, headers: { Accept: 'text/html' } })
      .then(async (response) => {
        const text = await response.text();
        setHtml(previewDocument(text, new URL(path, window.location.href).href));
        if (!response.ok) setFailed(t('theme.previewStatus', { status: response.status }));
      })
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        setFailed(error instanceof Error ? error.message : String(error));
      });
    return () => abort.abort();
  }, [path, version, reloads, t]);

  const width = PREVIEW_WIDTHS[device];
  const height = FRAME_HEIGHT[device];
  const scale = previewScale(available, width);

  return (
    <div>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Segmented<PreviewDevice>
          aria-label={t('theme.previewWidth')}
          value={device}
          onChange={setDevice}
          options={[
            { value: 'phone', label: t('theme.phone'), icon: <MobileOutlined aria-hidden /> },
            { value: 'desktop', label: t('theme.desktop'), icon: <DesktopOutlined aria-hidden /> },
          ]}
          data-testid="preview-device"
        />
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => setReloads((n) => n + 1)} data-testid="preview-reload">
          {t('theme.reload')}
        </Button>
      </Flex>
      {failed && <Alert type="warning" showIcon title={t('theme.previewFailed')} description={failed} style={{ marginBottom: 12 }} />}
      <div ref={box} style={{ width: '100%', overflow: 'hidden' }}>
        <div style={{ width: width * scale, height: height * scale, margin: '0 auto', border: '1px solid #d9d9d9', borderRadius: 8, overflow: 'hidden' }}>
          {html === null ? (
            <Flex align="center" justify="center" style={{ height: '100%' }}>
              <Spin />
            </Flex>
          ) : (
            <iframe
              title={t('theme.previewOf', { device: t(device === 'phone' ? 'theme.phone' : 'theme.desktop') })}
              data-testid="site-preview"
              data-device={device}
              data-width={width}
              sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
              srcDoc={html}
              style={{ width, height, border: 0, transform: `scale(${scale})`, transformOrigin: '0 0', display: 'block' }}
            />
          )}
        </div>
      </div>
    </div>
  );
}
