import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import type { KeyKind } from './keys';

interface Props {
  kind: KeyKind;
  name: string;
  /** The key or token: shown this once, never again. */
  secret: string;
  onClose: () => void;
}

async function copyText(text: string, fallbackTarget: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (insecure origin, old browser): select the value so Ctrl+C copies it.
    if (fallbackTarget) {
      const range = document.createRange();
      range.selectNodeContents(fallbackTarget);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
    return false;
  }
}

/** The value of a new key or token, shown once: copy it now, it cannot be shown again. */
export function SecretModal({ kind, name, secret, onClose }: Props) {
  const t = useT();
  const valueRef = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => setCopied(null), [secret]);
  const what = t(kind === 'storefront' ? 'keys.kind.storefront' : 'keys.kind.admin');

  return (
    <Modal
      open
      title={t('keys.secretTitle', { what, name })}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-done">
          {t('keys.secretDone')}
        </Button>
      }
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('keys.secretOnce')} description={t('keys.secretOnceDetail')} style={{ marginBottom: 16 }} />
      <Flex gap={8} align="center">
        <Typography.Text
          ref={valueRef}
          code
          data-testid="created-secret"
          aria-label={t('keys.secretValue', { what })}
          style={{ flex: 1, wordBreak: 'break-all', userSelect: 'all', fontSize: 14 }}
        >
          {secret}
        </Typography.Text>
        <Button
          icon={copied ? <CheckOutlined aria-hidden /> : <CopyOutlined aria-hidden />}
          data-testid="copy-secret"
          autoFocus
          onClick={async () => setCopied(await copyText(secret, valueRef.current))}
        >
          {copied ? t('keys.copied') : t('keys.copy')}
        </Button>
      </Flex>
      <div role="status" aria-live="polite" style={{ minHeight: 22, marginTop: 8 }}>
        {copied === true && <Typography.Text type="success">{t('keys.copiedNote')}</Typography.Text>}
        {copied === false && <Typography.Text type="warning">{t('keys.copyManually')}</Typography.Text>}
      </div>
    </Modal>
  );
}
