import { Flex, Input, Typography } from 'antd';
import { useT } from '../i18n';
import { isImageRef } from './forms';

interface Props {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  onFocus?: () => void;
  disabled?: boolean;
  readOnly?: boolean;
  placeholder?: string;
}

/**
 * An image ref: a text input for a media library id or an https:// address, with a thumbnail of
 * an address and a hint when the text is neither. (The media library's picker can replace it.)
 */
export function ImageRefInput({ id, value, onChange, onBlur, onFocus, disabled, readOnly, placeholder }: Props) {
  const t = useT();
  const valid = value === '' || isImageRef(value.trim());
  return (
    <Flex vertical gap={4}>
      <Flex gap={8} align="center">
        <Input
          id={id}
          value={value}
          disabled={disabled}
          readOnly={readOnly}
          placeholder={placeholder || 'https://…'}
          status={valid ? undefined : 'error'}
          aria-describedby={`${id}-image-help`}
          aria-invalid={!valid}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
          onFocus={onFocus}
        />
        {valid && value.startsWith('https://') && (
          <img src={value} alt="" width={40} height={40} style={{ objectFit: 'cover', borderRadius: 4, flex: 'none' }} />
        )}
      </Flex>
      <Typography.Text id={`${id}-image-help`} type={valid ? 'secondary' : 'danger'} style={{ fontSize: 12 }}>
        {valid ? t('content.image.help') : t('content.image.invalid')}
      </Typography.Text>
    </Flex>
  );
}
