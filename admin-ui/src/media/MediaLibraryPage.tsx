import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Input, Modal, Spin, Typography } from 'antd';
import { useState } from 'react';
import { describeError, gqlRequest } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { ErrorState } from '../components/ErrorState';
import { PageSpinner } from '../components/PageSpinner';
import { useT } from '../i18n';
import { hasRole, useShop } from '../shop';
import { MediaGrid } from './MediaGrid';
import { DeleteMediaAssetMutation, UpdateMediaAssetMutation } from './operations';
import { UploadZone } from './UploadZone';
import { useMediaAssets, type MediaAsset } from './useMediaAssets';
import { useUploads } from './useUploads';

/** The alt text editor of one image (a dialog). */
function AltEditor({ shopId, asset, onClose, onSaved }: { shopId: string; asset: MediaAsset; onClose: () => void; onSaved: (fresh: MediaAsset) => void }) {
  const t = useT();
  const [alt, setAlt] = useState(asset.alt);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const name = asset.filename || asset.id;

  async function save() {
    setSaving(true);
    setError(null);
    try {
      onSaved((await gqlRequest(UpdateMediaAssetMutation, { shopId, id: asset.id, alt: alt.trim() })).updateMediaAsset);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t('media.editOf', { name })}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('media.save')}
      cancelText={t('media.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'media-alt-save' }}
      data-testid="media-alt-dialog"
    >
      <img src={asset.url} alt="" style={{ maxWidth: '100%', maxHeight: 240, display: 'block', margin: '0 auto 12px' }} />
      {error != null && (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={error} />
        </div>
      )}
      <label htmlFor="media-alt-input" style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>
        {t('media.alt')}
      </label>
      <Input.TextArea
        id="media-alt-input"
        data-testid="media-alt-input"
        value={alt}
        maxLength={500}
        autoSize={{ minRows: 2, maxRows: 5 }}
        aria-describedby="media-alt-help"
        onChange={(e) => setAlt(e.target.value)}
        onPressEnter={(e) => {
          if (!e.shiftKey) {
            e.preventDefault();
            void save();
          }
        }}
      />
      <Typography.Paragraph id="media-alt-help" type="secondary" style={{ marginTop: 4, marginBottom: 0 }}>
        {t('media.altHelp')}
      </Typography.Paragraph>
    </Modal>
  );
}

/** /shops/:shopId/media — the shop's images: upload (button or drop), search, alt text, delete. */
export default function MediaLibraryPage() {
  const t = useT();
  const shop = useShop();
  const { message, modal } = App.useApp();
  const canEdit = hasRole(shop.viewerRole, 'EDITOR');
  const [search, setSearch] = useState('');
  const library = useMediaAssets(shop.id, search);
  const uploads = useUploads(shop.id, library.put);
  const [editing, setEditing] = useState<MediaAsset | null>(null);

  function confirmDelete(asset: MediaAsset) {
    const name = asset.filename || asset.id;
    modal.confirm({
      title: t('media.deleteTitle', { name }),
      content: t('media.deleteBody'),
      okText: t('media.delete'),
      cancelText: t('media.cancel'),
      focusable: { autoFocusButton: 'cancel' },
      okButtonProps: { danger: true, 'data-testid': 'media-delete-confirm' },
      onOk: async () => {
        try {
          await gqlRequest(DeleteMediaAssetMutation, { shopId: shop.id, id: asset.id });
          library.remove(asset.id);
          void message.success(t('media.deleted', { name }));
        } catch (error) {
          const { title, detail } = describeError(error, t);
          void message.error([title, detail && t('errors.detail', { detail })].filter(Boolean).join(' '), 8);
        }
      },
    });
  }

  if (library.error && !library.assets) return <ErrorState error={library.error} onRetry={library.reload} />;
  if (!library.assets) return <PageSpinner />;

  return (
    <section aria-labelledby="media-title">
      <Typography.Title id="media-title" level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('media.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('media.intro')}</Typography.Paragraph>
      {canEdit ? (
        <div style={{ marginBottom: 24 }}>
          <UploadZone onFiles={uploads.add} items={uploads.items} onDismiss={uploads.dismiss} />
        </div>
      ) : (
        <Alert type="info" showIcon title={t('media.readOnly')} style={{ marginBottom: 16 }} data-testid="media-read-only" />
      )}
      <div role="search" style={{ maxWidth: 420, marginBottom: 16 }}>
        <Input.Search
          data-testid="media-search"
          placeholder={t('media.searchPlaceholder')}
          aria-label={t('media.search')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {library.error && <ErrorAlert error={library.error} />}
      {library.assets.length === 0 ? (
        library.loading ? (
          <Spin />
        ) : (
          <Empty description={library.searching ? t('media.noMatch', { query: library.searching }) : t('media.none')} />
        )
      ) : (
        <MediaGrid
          assets={library.assets}
          actions={
            canEdit
              ? (asset) => [
                  <Button key="edit" type="text" size="small" icon={<EditOutlined aria-hidden />} aria-label={t('media.editOf', { name: asset.filename || asset.id })} data-testid={`media-edit-${asset.id}`} onClick={() => setEditing(asset)}>
                    {t('media.edit')}
                  </Button>,
                  <Button key="delete" type="text" size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('media.deleteOf', { name: asset.filename || asset.id })} data-testid={`media-delete-${asset.id}`} onClick={() => confirmDelete(asset)}>
                    {t('media.delete')}
                  </Button>,
                ]
              : undefined
          }
        />
      )}
      {library.hasMore && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => void library.more()} loading={library.loading} data-testid="media-more">
            {t('media.more')}
          </Button>
        </Flex>
      )}
      {editing && (
        <AltEditor
          shopId={shop.id}
          asset={editing}
          onClose={() => setEditing(null)}
          onSaved={(fresh) => {
            library.put(fresh);
            setEditing(null);
            void message.success(t('media.altSaved'));
          }}
        />
      )}
    </section>
  );
}
