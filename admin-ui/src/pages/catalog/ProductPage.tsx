import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Switch, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { gqlRequest, useQuery } from '../../api';
import { DateTime } from '../../components/DateTime';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ErrorState } from '../../components/ErrorState';
import { PageSpinner } from '../../components/PageSpinner';
import type { ProductQuery as ProductData } from '../../gql/graphql';
import { useT } from '../../i18n';
import { hasRole, useShop } from '../../shop';
import { StatusTag } from './CatalogPage';
import { contentDiff, formatMoney, type ContentValues } from './catalog';
import { ProductQuery, UpdateProductContentMutation } from './operations';

type Variant = NonNullable<ProductData['shop']['product']>['variants'][number];

/** /shops/:shopId/catalog/:productId — marketplace fields (read-only) and the owned content. */
export default function ProductPage() {
  const t = useT();
  const shop = useShop();
  const { productId = '' } = useParams();
  const { message } = App.useApp();
  const canEdit = hasRole(shop.viewerRole, 'EDITOR');
  const query = useQuery(ProductQuery, { shopId: shop.id, id: productId });
  const product = query.data?.shop.product;
  const [form] = Form.useForm<ContentValues>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const content = useMemo<ContentValues | null>(
    () =>
      product
        ? {
            title: product.content.title,
            description: product.content.description,
            seoTitle: product.content.seoTitle,
            seoDescription: product.content.seoDescription,
            sortOrder: product.content.sortOrder,
            published: product.content.published,
          }
        : null,
    [product],
  );
  useEffect(() => {
    if (content) form.setFieldsValue(content);
  }, [content, form]);

  if (query.loading && !query.data) return <PageSpinner />;
  if (query.error && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!product || !content) return <Alert type="warning" showIcon title={t('catalog.notFound')} data-testid="product-not-found" />;

  async function save(values: ContentValues) {
    if (!content || !product) return;
    const input = contentDiff(content, values);
    if (!input) {
      void message.info(t('catalog.noChanges'));
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      const fresh = (await gqlRequest(UpdateProductContentMutation, { shopId: shop.id, productId: product.id, input })).updateProductContent;
      query.setData((d) => d && d.shop.product ? { ...d, shop: { ...d.shop, product: { ...d.shop.product, ...fresh } } } : d);
      void message.success(t('catalog.saved'));
    } catch (error) {
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  }

  const variantColumns = [
    { title: t('catalog.variant'), key: 'title', render: (_: unknown, v: Variant) => v.title || v.id },
    {
      title: t('catalog.options'),
      key: 'options',
      render: (_: unknown, v: Variant) => v.options.map((o) => `${o.name}: ${o.value}`).join(', '),
    },
    { title: t('catalog.price'), key: 'price', render: (_: unknown, v: Variant) => formatMoney(v.price) },
    { title: t('catalog.compareAt'), key: 'compare', render: (_: unknown, v: Variant) => formatMoney(v.compareAtPrice) },
    { title: t('catalog.stock'), key: 'stock', render: (_: unknown, v: Variant) => v.stock ?? '—' },
    { title: t('catalog.sku'), dataIndex: 'sku', key: 'sku' },
  ];

  return (
    <div data-testid="product-detail">
      <Link to=".." relative="path">
        ← {t('catalog.back')}
      </Link>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }} data-testid="product-title">
        {product.title}
      </Typography.Title>
      <Card title={t('catalog.marketplace')} style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small" data-testid="product-marketplace">
          <Descriptions.Item label={t('catalog.marketplaceTitle')}>{product.marketplaceTitle}</Descriptions.Item>
          <Descriptions.Item label={t('catalog.statusLabel')}>
            <StatusTag status={product.status} published={product.published} />
          </Descriptions.Item>
          <Descriptions.Item label={t('catalog.source')}>
            {product.source} · {product.externalId}
          </Descriptions.Item>
          <Descriptions.Item label={t('catalog.price')}>{formatMoney(product.price)}</Descriptions.Item>
          <Descriptions.Item label={t('catalog.stock')}>{product.stock ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('catalog.sku')}>{product.sku || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('catalog.updated')}>
            <DateTime value={product.sourceModifiedAt ?? product.updatedAt} />
          </Descriptions.Item>
          {product.url && (
            <Descriptions.Item label={t('catalog.url')}>
              <a href={product.url} target="_blank" rel="noreferrer">
                {product.url}
              </a>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('catalog.marketplaceDescription')} span={2}>
            <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ marginBottom: 0 }}>
              {product.marketplaceDescription}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
        <Table<Variant>
          data-testid="variants-table"
          rowKey="id"
          size="small"
          columns={variantColumns}
          dataSource={product.variants}
          pagination={false}
          scroll={{ x: 'max-content' }}
          style={{ marginTop: 12 }}
        />
      </Card>
      <Card title={t('catalog.content')}>
        {!canEdit && <Alert type="info" showIcon title={t('catalog.readOnly')} style={{ marginBottom: 12 }} />}
        {saveError !== null && <ErrorAlert error={saveError} />}
        <Form<ContentValues> form={form} layout="vertical" disabled={!canEdit} onFinish={(v) => void save(v)} data-testid="content-form">
          <Form.Item name="title" label={t('catalog.ownTitle')} extra={t('catalog.ownTitleHelp')}>
            <Input data-testid="content-title" placeholder={product.marketplaceTitle} maxLength={300} />
          </Form.Item>
          <Form.Item name="description" label={t('catalog.description')}>
            <Input.TextArea data-testid="content-description" rows={4} />
          </Form.Item>
          <Form.Item name="seoTitle" label={t('catalog.seoTitle')}>
            <Input data-testid="content-seo-title" />
          </Form.Item>
          <Form.Item name="seoDescription" label={t('catalog.seoDescription')}>
            <Input.TextArea data-testid="content-seo-description" rows={2} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('catalog.sortOrder')}>
            <InputNumber data-testid="content-sort-order" precision={0} />
          </Form.Item>
          <Form.Item name="published" label={t('catalog.published')} valuePropName="checked">
            <Switch data-testid="content-published" />
          </Form.Item>
          {canEdit && (
            <Button type="primary" htmlType="submit" loading={saving} data-testid="content-save">
              {t('catalog.save')}
            </Button>
          )}
        </Form>
      </Card>
    </div>
  );
}
