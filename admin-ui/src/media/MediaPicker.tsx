import { Button, Empty, Flex, Input, Modal, Spin } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n';
import { MediaGrid } from './MediaGrid';
import { UploadZone } from './UploadZone';
import { useMediaAssets, type MediaAsset } from './useMediaAssets';
import { useUploads } from './useUploads';

export interface MediaPickerProps {
  shopId: string;
  open: boolean;
  /** The asset chosen so far (shown selected), if any. */
  value?: string | null;
  /** Told the chosen asset's id (what an image setting stores), and the asset. */
  onPick: (id: string, asset: MediaAsset) => void;
  onCancel: () => void;
  /** Whether the viewer may upload (editors and owners). */
  canUpload?: boolean;
}

/**
 * Choose an image of the shop's media library, or upload one and choose it (a dialog). Used by
 * the content editor's image settings; `onPick` gets the asset id.
 */
export function MediaPicker({ shopId, open, value = null, onPick, onCancel, canUpload = true }: MediaPickerProps) {
  const t = useT();
  return (
    <Modal
      open={open}
      title={t('media.pickTitle')}
      onCancel={onCancel}
      footer={null}
      width={880}
      destroyOnHidden
      data-testid="media-picker"
    >
      {open && <PickerBody shopId={shopId} value={value} onPick={onPick} onCancel={onCancel} canUpload={canUpload} />}
    </Modal>
  );
}

function PickerBody({ shopId, value, onPick, onCancel, canUpload }: Omit<MediaPickerProps, 'open'>) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<MediaAsset | null>(null);
  const library = useMediaAssets(shopId, search);
  const uploads = useUploads(shopId, (asset) => {
    library.put(asset);
    setSelected(asset);
  });
  const chosen = selected?.id ?? value;

  return (
    <Flex vertical gap={16}>
      {canUpload && <UploadZone onFiles={uploads.add} items={uploads.items} onDismiss={uploads.dismiss} />}
      <div role="search" style={{ maxWidth: 420 }}>
        <Input.Search
          data-testid="media-picker-search"
          placeholder={t('media.searchPlaceholder')}
          aria-label={t('media.search')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {library.error && <ErrorAlert error={library.error} />}
      <div style={{ maxHeight: '50vh', overflowY: 'auto', overflowX: 'hidden' }}>
        {library.assets === null ? (
          <Spin />
        ) : library.assets.length === 0 ? (
          <Empty description={library.searching ? t('media.noMatch', { query: library.searching }) : t('media.none')} />
        ) : (
          <MediaGrid assets={library.assets} selected={chosen} onSelect={setSelected} />
        )}
        {library.hasMore && (
          <Flex justify="center" style={{ marginTop: 12 }}>
            <Button onClick={() => void library.more()} loading={library.loading}>
              {t('media.more')}
            </Button>
          </Flex>
        )}
      </div>
      <Flex gap={8} justify="flex-end" wrap>
        <Button onClick={onCancel}>{t('media.cancel')}</Button>
        <Button type="primary" disabled={!selected} data-testid="media-picker-confirm" onClick={() => selected && onPick(selected.id, selected)}>
          {t('media.pickConfirm')}
        </Button>
      </Flex>
    </Flex>
  );
}
