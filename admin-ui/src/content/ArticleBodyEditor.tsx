import { Card, Form, Input, Typography } from 'antd';
import { useDeferredValue, useMemo } from 'react';
import { useT } from '../i18n';
import { sanitizeHtml } from './sanitize';

interface Props {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  readOnly: boolean;
}

/** An article's body: HTML in a text area, with a live preview of it sanitized as it will be kept. */
export function ArticleBodyEditor({ value, onChange, error, readOnly }: Props) {
  const t = useT();
  const deferred = useDeferredValue(value);
  const safe = useMemo(() => sanitizeHtml(deferred), [deferred]);
  return (
    <>
      <Form.Item
        label={t('content.editor.body')}
        htmlFor="content-body"
        extra={t('content.editor.bodyHelp')}
        validateStatus={error ? 'error' : undefined}
        help={error}
      >
        <Input.TextArea
          id="content-body"
          data-testid="content-body"
          value={value}
          readOnly={readOnly}
          autoSize={{ minRows: 8, maxRows: 24 }}
          onChange={(e) => onChange(e.target.value)}
          style={{ fontFamily: 'monospace' }}
        />
      </Form.Item>
      <Card size="small" title={t('content.editor.bodyPreview')} style={{ marginBottom: 24 }}>
        {safe.trim() ? (
          // Sanitized just above (DOMPurify, a short allow-list): no script or handler survives.
          <div className="content-body-preview" data-testid="content-body-preview" dangerouslySetInnerHTML={{ __html: safe }} />
        ) : (
          <Typography.Text type="secondary">{t('content.editor.bodyEmpty')}</Typography.Text>
        )}
      </Card>
    </>
  );
}
