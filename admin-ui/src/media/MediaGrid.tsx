import { Card, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { sizeWords } from './upload';
import type { MediaAsset } from './useMediaAssets';

interface Props {
  assets: readonly MediaAsset[];
  /** The buttons under one asset (edit, delete; or choose). */
  actions?: (asset: MediaAsset) => ReactNode[];
  /** The asset shown as selected (the picker's choice). */
  selected?: string | null;
  onSelect?: (asset: MediaAsset) => void;
}

/** Images as a grid of thumbnails, each with its name, size and alt text. */
export function MediaGrid({ assets, actions, selected, onSelect }: Props) {
  const t = useT();
  return (
    <Row gutter={[12, 12]} role="list" data-testid="media-grid">
      {assets.map((asset) => {
        const isSelected = selected === asset.id;
        const image = (
          <img
            src={asset.thumbnailUrl}
            alt={asset.alt}
            loading="lazy"
            width={asset.width}
            height={asset.height}
            style={{ width: '100%', height: 140, objectFit: 'contain', background: '#fafafa', display: 'block' }}
          />
        );
        return (
          <Col key={asset.id} xs={12} sm={8} md={6} xl={4} role="listitem">
            <Card
              size="small"
              data-testid={`media-asset-${asset.id}`}
              data-filename={asset.filename}
              data-selected={onSelect ? String(isSelected) : undefined}
              cover={
                onSelect ? (
                  <button
                    type="button"
                    onClick={() => onSelect(asset)}
                    aria-pressed={isSelected}
                    aria-label={t('media.pickThis', { name: asset.filename || asset.id })}
                    data-testid={`media-pick-${asset.id}`}
                    style={{ padding: 0, border: 0, background: 'none', cursor: 'pointer', outline: isSelected ? '3px solid #1677ff' : undefined, outlineOffset: -3 }}
                  >
                    {image}
                  </button>
                ) : (
                  image
                )
              }
              actions={actions?.(asset)}
              styles={{ body: { padding: 8 } }}
            >
              <Typography.Text strong title={asset.filename} style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                {asset.filename || asset.id}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                {t('media.details', { width: asset.width, height: asset.height, size: sizeWords(asset.size, t) })}
              </Typography.Text>
              <Typography.Text type={asset.alt ? undefined : 'secondary'} italic={!asset.alt} style={{ fontSize: 12, display: 'block', wordBreak: 'break-word' }} data-testid={`media-alt-${asset.id}`}>
                {asset.alt || t('media.noAlt')}
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
