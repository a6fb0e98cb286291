import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { gqlRequest, useQuery } from '../api';
import { DateTime } from '../components/DateTime';
import { ErrorState } from '../components/ErrorState';
import type { ContentKind, ContentPageFieldsFragment } from '../gql/graphql';
import { useI18n, type MessageKey } from '../i18n';
import { FIRST_PAGE, currentAfter, nextPage, previousPage, type Paging } from '../pages/jobs/paging';
import { hasRole, useShop } from '../shop';
import { CreatePageModal, type CreatePageValues } from './CreatePageModal';
import { ContentPagesQuery, CreateContentPageMutation } from './operations';
import { formatInShopTime } from './schedule';
import {
  CONTENT_KINDS,
  CONTENT_LOCALES,
  STATUS_COLORS,
  contentLocaleFor,
  localeLabelKey,
  localeOf,
  localeStatus,
  pageTitle,
  statusLabelKey,
} from './status';

const PAGE_SIZE = 20;

/** A locale's state as a tag: "Published", "Scheduled for 2026-12-24 10:00" (shop time), ... */
export function LocaleStatusTag({ page, locale, zone, testId }: { page: ContentPageFieldsFragment; locale: string; zone: string; testId?: string }) {
  const { t } = useI18n();
  const status = localeStatus(page, locale);
  const state = localeOf(page, locale);
  const label = t(statusLabelKey(status));
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} data-status={status} style={{ marginInlineEnd: 0 }}>
      {state?.scheduledAt ? `${label} · ${formatInShopTime(state.scheduledAt, zone)}` : label}
    </Tag>
  );
}

/** /shops/:shopId/content: the shop's pages with each language's state; create a page. */
export default function ContentListPage() {
  const { t, lang } = useI18n();
  const shop = useShop();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const canEdit = hasRole(shop.viewerRole, 'EDITOR');
  const [kind, setKind] = useState<ContentKind | null>(null);
  const [search, setSearch] = useState('');
  const [searchText, setSearchText] = useState('');
  const [paging, setPaging] = useState<Paging>(FIRST_PAGE);
  const [creating, setCreating] = useState(false);
  const variables = useMemo(
    () => ({ shopId: shop.id, kind, search: search || null, first: PAGE_SIZE, after: currentAfter(paging) }),
    [shop.id, kind, search, paging],
  );
  const pages = useQuery(ContentPagesQuery, variables);
  const nodes = pages.data?.contentPages.nodes ?? [];
  const pageInfo = pages.data?.contentPages.pageInfo;
  const preferred = contentLocaleFor(lang);
  const hasHome = kind === null && search === '' && paging.index === 0 ? nodes.some((p) => p.kind === 'HOME') : false;

  async function create(values: CreatePageValues) {
    const data = await gqlRequest(CreateContentPageMutation, {
      shopId: shop.id,
      kind: values.kind,
      handle: values.handle || null,
      locale: values.locale,
      data: { title: values.title, blocks: [] },
    });
    void message.success(t('content.create.done', { title: values.title }));
    setCreating(false);
    navigate(`${data.createContentPage.id}?locale=${encodeURIComponent(values.locale)}`);
  }

  const columns: ColumnsType<ContentPageFieldsFragment> = [
    {
      title: t('content.page'),
      key: 'title',
      render: (_, p) => (
        <div style={{ minWidth: 160 }}>
          <Link to={p.id} data-testid={`content-link-${p.id}`}>
            {pageTitle(p, preferred)}
          </Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            /{p.handle}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('content.kind'), key: 'kind', render: (_, p) => t(`content.kind.${p.kind}` as MessageKey) },
    ...CONTENT_LOCALES.map((locale) => ({
      title: t(localeLabelKey(locale)),
      key: `status-${locale}`,
      render: (_: unknown, p: ContentPageFieldsFragment) => (
        <LocaleStatusTag page={p} locale={locale} zone={shop.timezone} testId={`content-status-${p.id}-${locale}`} />
      ),
    })),
    { title: t('content.updated'), key: 'updated', render: (_, p) => <DateTime value={p.updatedAt} /> },
  ];

  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          {t('content.title')}
        </Typography.Title>
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} data-testid="create-content-page" onClick={() => setCreating(true)}>
            {t('content.new')}
          </Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary">{t('content.intro')}</Typography.Paragraph>
      {!canEdit && <Alert type="info" showIcon title={t('content.readOnly')} data-testid="content-read-only" style={{ marginBottom: 16 }} />}
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          data-testid="content-search"
          aria-label={t('content.search')}
          placeholder={t('content.search')}
          value={searchText}
          onChange={(e) => {
            setSearchText(e.target.value);
            if (e.target.value === '') {
              setSearch('');
              setPaging(FIRST_PAGE);
            }
          }}
          onSearch={(value) => {
            setSearch(value.trim());
            setPaging(FIRST_PAGE);
          }}
          style={{ width: 280, maxWidth: '100%' }}
        />
        <Select<ContentKind | 'ALL'>
          data-testid="content-kind-filter"
          aria-label={t('content.kindFilter')}
          value={kind ?? 'ALL'}
          onChange={(value) => {
            setKind(value === 'ALL' ? null : value);
            setPaging(FIRST_PAGE);
          }}
          options={[
            { value: 'ALL', label: t('content.allKinds') },
            ...CONTENT_KINDS.map((k) => ({ value: k, label: t(`content.kind.${k}` as MessageKey) })),
          ]}
          style={{ width: 180, maxWidth: '100%' }}
        />
      </Flex>
      {pages.error && !pages.data ? (
        <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />
      ) : (
        <>
          <Table<ContentPageFieldsFragment>
            data-testid="content-table"
            rowKey="id"
            columns={columns}
            dataSource={nodes}
            loading={pages.loading}
            pagination={false}
            scroll={{ x: 'max-content' }}
            onRow={(p) => ({ 'data-testid': `content-row-${p.id}` }) as React.HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <Empty description={search || kind ? t('content.noneMatching') : t('content.none')} /> }}
          />
          <Flex justify="end" gap={8} style={{ marginTop: 12 }}>
            <Button icon={<LeftOutlined aria-hidden />} disabled={paging.index === 0} onClick={() => setPaging(previousPage)}>
              {t('jobs.previous')}
            </Button>
            <Button disabled={!pageInfo?.hasNextPage} onClick={() => setPaging((p) => nextPage(p, pageInfo?.endCursor))}>
              {t('jobs.next')} <RightOutlined aria-hidden />
            </Button>
          </Flex>
        </>
      )}
      {creating && (
        <CreatePageModal
          initialKind={hasHome || nodes.length > 0 ? 'LANDING' : 'HOME'}
          initialLocale={preferred}
          unavailable={hasHome ? ['HOME'] : []}
          onCreate={create}
          onClose={() => setCreating(false)}
        />
      )}
    </div>
  );
}
