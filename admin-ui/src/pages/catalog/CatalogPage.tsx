import { LeftOutlined, RightOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import type { ListingStatus, ProductsQuery as ProductsData } from '../../gql/graphql';
import { useT, type MessageKey } from '../../i18n';
import { useShop } from '../../shop';
import { FIRST_PAGE, currentAfter, nextPage, previousPage, type Paging } from '../jobs/paging';
import { DEFAULT_FILTERS, PAGE_SIZE, SORTS, STATUSES, formatMoney, productVariables, type CatalogFilters } from './catalog';
import { ProductsQuery } from './operations';

type ProductRow = ProductsData['shop']['products']['nodes'][number];

const STATUS_COLORS: Record<ListingStatus, string> = { ACTIVE: 'success', DELISTED: 'warning', DELETED: 'error' };

export function StatusTag({ status, published }: { status: ListingStatus; published?: boolean }) {
  const t = useT();
  return (
    <Flex gap={4} wrap>
      <Tag color={STATUS_COLORS[status]}>{t(`catalog.status.${status}` as MessageKey)}</Tag>
      {published === false && status === 'ACTIVE' && <Tag>{t('catalog.hidden')}</Tag>}
    </Flex>
  );
}

/** /shops/:shopId/catalog — the synced products: search, filter, sort, page. */
export default function CatalogPage() {
  const t = useT();
  const shop = useShop();
  const [filters, setFilters] = useState<CatalogFilters>(DEFAULT_FILTERS);
  const [searchText, setSearchText] = useState('');
  const [paging, setPaging] = useState<Paging>(FIRST_PAGE);
  const variables = useMemo(
    () => ({ shopId: shop.id, first: PAGE_SIZE, after: currentAfter(paging), ...productVariables(filters) }),
    [shop.id, paging, filters],
  );
  const products = useQuery(ProductsQuery, variables);
  const nodes = products.data?.shop.products.nodes ?? [];
  const pageInfo = products.data?.shop.products.pageInfo;
  const filtered = filters.search.trim() !== '' || filters.statuses.length > 0 || filters.source !== null;

  function change(patch: Partial<CatalogFilters>) {
    setFilters((f) => ({ ...f, ...patch }));
    setPaging(FIRST_PAGE);
  }

  const columns: ColumnsType<ProductRow> = [
    {
      title: t('catalog.product'),
      key: 'title',
      render: (_, p) => (
        <Flex gap={8} align="center">
          {p.imageUrls[0] && <img src={p.imageUrls[0]} alt="" width={36} height={36} style={{ objectFit: 'cover', borderRadius: 4 }} />}
          <div>
            <Link to={p.id} data-testid={`product-link-${p.id}`}>
              {p.title}
            </Link>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {p.sku || p.externalId}
            </Typography.Text>
          </div>
        </Flex>
      ),
    },
    { title: t('catalog.price'), key: 'price', render: (_, p) => formatMoney(p.price) },
    { title: t('catalog.stock'), key: 'stock', render: (_, p) => (p.stock ?? '—') },
    { title: t('catalog.statusLabel'), key: 'status', render: (_, p) => <StatusTag status={p.status} published={p.published} /> },
    { title: t('catalog.source'), dataIndex: 'source', key: 'source' },
  ];

  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          {t('catalog.title')}
        </Typography.Title>
        <Link to="../sync" relative="path">
          <Button icon={<SyncOutlined />}>{t('nav.sync')}</Button>
        </Link>
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          data-testid="catalog-search"
          aria-label={t('catalog.search')}
          placeholder={t('catalog.search')}
          value={searchText}
          onChange={(e) => {
            setSearchText(e.target.value);
            if (e.target.value === '') change({ search: '' });
          }}
          onSearch={(value) => change({ search: value })}
          style={{ width: 280, maxWidth: '100%' }}
        />
        <Select<ListingStatus[]>
          mode="multiple"
          allowClear
          data-testid="catalog-status"
          aria-label={t('catalog.statusLabel')}
          placeholder={t('catalog.allStatuses')}
          value={filters.statuses}
          onChange={(statuses) => change({ statuses })}
          options={STATUSES.map((s) => ({ value: s, label: t(`catalog.status.${s}` as MessageKey) }))}
          style={{ minWidth: 200, maxWidth: '100%' }}
        />
        <Input
          allowClear
          data-testid="catalog-source"
          aria-label={t('catalog.source')}
          placeholder={t('catalog.allSources')}
          defaultValue=""
          onPressEnter={(e) => change({ source: e.currentTarget.value.trim() || null })}
          onChange={(e) => {
            if (e.target.value === '') change({ source: null });
          }}
          style={{ width: 160, maxWidth: '100%' }}
        />
        <Select<CatalogFilters['sort']>
          data-testid="catalog-sort"
          aria-label={t('catalog.sort')}
          value={filters.sort}
          onChange={(sort) => change({ sort })}
          options={SORTS.map((s) => ({ value: s, label: t(`catalog.sort.${s}` as MessageKey) }))}
          style={{ width: 200, maxWidth: '100%' }}
        />
      </Flex>
      {products.error && !products.data ? (
        <ErrorState error={products.error} onRetry={() => void products.refetch()} />
      ) : (
        <>
          <Table<ProductRow>
            data-testid="products-table"
            rowKey="id"
            columns={columns}
            dataSource={nodes}
            loading={products.loading}
            pagination={false}
            // On phones the table scrolls inside its frame instead of the page scrolling sideways.
            scroll={{ x: 'max-content' }}
            onRow={(p) => ({ 'data-testid': `product-row-${p.id}` }) as React.HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <Empty description={filtered ? t('catalog.noneMatching') : t('catalog.none')} /> }}
          />
          <Flex justify="end" gap={8} style={{ marginTop: 12 }}>
            <Button
              icon={<LeftOutlined />}
              data-testid="catalog-previous"
              disabled={paging.index === 0}
              onClick={() => setPaging(previousPage)}
            >
              {t('jobs.previous')}
            </Button>
            <Button
              data-testid="catalog-next"
              disabled={!pageInfo?.hasNextPage}
              onClick={() => setPaging((p) => nextPage(p, pageInfo?.endCursor))}
            >
              {t('jobs.next')} <RightOutlined />
            </Button>
          </Flex>
        </>
      )}
    </div>
  );
}
