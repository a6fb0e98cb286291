import { PictureOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Typography } from 'antd';
import { useContext, useState } from 'react';
import { useT } from '../i18n';
import { MediaPicker } from '../media/MediaPicker';
import { ShopContext, hasRole } from '../shop';
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
 * An image ref: a media library image (chosen or uploaded through the media picker, which
 * stores its id) or an https:// address typed in, with a thumbnail and a hint when the text is
 * neither. Outside a shop's pages (no shop to pick from) only the text input is shown.
 */
export function ImageRefInput({ id, value, onChange, onBlur, onFocus, disabled, readOnly, placeholder }: Props) {
  const t = useT();
  const shop = useContext(ShopContext);
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<{ id: string; thumbnail: string } | null>(null);
  const valid = value === '' || isImageRef(value.trim());
  const thumbnail = value.startsWith('https://') ? value : picked?.id === value ? picked.thumbnail : '';
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
        {shop && !readOnly && !disabled && (
          <Button icon={<PictureOutlined />} onClick={() => setPicking(true)} data-testid={`${id}-library`}>
            {t('content.image.library')}
          </Button>
        )}
        {valid && thumbnail && (
          <img src={thumbnail} alt="" width={40} height={40} style={{ objectFit: 'cover', borderRadius: 4, flex: 'none' }} />
        )}
      </Flex>
      <Typography.Text id={`${id}-image-help`} type={valid ? 'secondary' : 'danger'} style={{ fontSize: 12 }}>
        {valid ? t('content.image.help') : t('content.image.invalid')}
      </Typography.Text>
      {shop && (
        <MediaPicker
          shopId={shop.id}
          open={picking}
          value={isImageRef(value) && !value.startsWith('https://') ? value : null}
          canUpload={hasRole(shop.viewerRole, 'EDITOR')}
          onCancel={() => setPicking(false)}
          onPick={(assetId, asset) => {
            setPicked({ id: assetId, thumbnail: asset.thumbnailUrl });
            setPicking(false);
            onChange(assetId);
          }}
        />
      )}
    </Flex>
  );
}
