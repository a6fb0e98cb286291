import { CloseOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Typography, Upload } from 'antd';
import { useT, type MessageKey } from '../i18n';
import { MAX_UPLOAD_BYTES, sizeWords } from './upload';
import type { UploadItem } from './useUploads';

interface Props {
  onFiles: (files: File[]) => void;
  items: readonly UploadItem[];
  onDismiss: (key: string) => void;
  disabled?: boolean;
}

/** One upload's line: its progress, or what became of it (why it was refused, in words). */
function UploadLine({ item, onDismiss }: { item: UploadItem; onDismiss: (key: string) => void }) {
  const t = useT();
  const max = sizeWords(MAX_UPLOAD_BYTES, t);
  let text: string;
  if (item.state === 'uploading') text = t('media.uploading', { name: item.name });
  else if (item.state === 'done') text = t(item.existing ? 'media.alreadyThere' : 'media.uploaded', { name: item.name });
  else {
    const problem = item.problem ?? 'OTHER';
    const reason = t(`media.error.${problem}` as MessageKey, { max, message: item.message ?? '' });
    text = t('media.failed', { name: item.name, reason });
  }
  return (
    <li
      data-testid={`upload-${item.name}`}
      data-state={item.state}
      data-problem={item.problem}
      style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0' }}
    >
      <Flex gap={8} align="center">
        <Typography.Text type={item.state === 'failed' ? 'danger' : undefined} style={{ flex: 1, minWidth: 0, wordBreak: 'break-word' }} role={item.state === 'failed' ? 'alert' : undefined}>
          {text}
        </Typography.Text>
        {item.state !== 'uploading' && (
          <Button type="text" size="small" icon={<CloseOutlined aria-hidden />} aria-label={`${t('media.dismiss')}: ${item.name}`} onClick={() => onDismiss(item.key)} />
        )}
      </Flex>
      {item.state === 'uploading' && (
        <Progress percent={Math.round(item.progress * 100)} size="small" aria-label={t('media.uploading', { name: item.name })} />
      )}
    </li>
  );
}

/**
 * Where images are added: a drop zone that is also a button opening the file chooser (several
 * files at once), and the list of uploads under it.
 */
export function UploadZone({ onFiles, items, onDismiss, disabled = false }: Props) {
  const t = useT();
  return (
    <div>
      <Upload.Dragger
        multiple
        // No `accept`: antd would silently drop a dropped file that does not match it, and a
        // seller must be told why a file was refused.
        showUploadList={false}
        disabled={disabled}
        // antd only gathers the files (picked or dropped); useUploads sends them.
        beforeUpload={(file, list) => {
          if (file === list[list.length - 1]) onFiles(list as unknown as File[]);
          return false;
        }}
        data-testid="media-upload"
      >
        <p className="ant-upload-drag-icon" aria-hidden>
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('media.drop')}</p>
        <p className="ant-upload-hint">{t('media.dropHint', { max: sizeWords(MAX_UPLOAD_BYTES, t) })}</p>
      </Upload.Dragger>
      {items.length > 0 && (
        <section aria-label={t('media.uploads')}>
          <ul style={{ listStyle: 'none', padding: 0, margin: '12px 0 0' }} data-testid="upload-list" aria-live="polite">
            {items.map((item) => (
              <UploadLine key={item.key} item={item} onDismiss={onDismiss} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
