import { CheckCircleFilled, CopyOutlined, ExportOutlined, MinusCircleOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Progress, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useQuery } from '../api';
import { DateTime } from '../components/DateTime';
import { ErrorState } from '../components/ErrorState';
import { PageSpinner } from '../components/PageSpinner';
import type { ShopOverviewQuery as OverviewData, SyncRunStatus } from '../gql/graphql';
import { useT, type MessageKey } from '../i18n';
import { formatCounts, syncErrorWords } from '../pages/catalog/catalog';
import { useShop } from '../shop';
import { STEP_PATHS, checklistView, displayUrl, svgDataUrl, type StepState } from './checklist';
import { ShopOverviewQuery } from './operations';

const RUN_COLORS: Record<SyncRunStatus, string> = { RUNNING: 'processing', SUCCEEDED: 'success', FAILED: 'error' };

/** One step of the checklist: done or not, what it is, and a link to where it is done. */
function Step({ shopId, step, next }: { shopId: string; step: StepState; next: boolean }) {
  const t = useT();
  const path = STEP_PATHS[step.key];
  const titleId = `step-title-${step.key}`;
  return (
    <li
      className="home-step"
      data-testid={`step-${step.key}`}
      data-done={String(step.done)}
      data-available={String(step.available)}
      aria-labelledby={titleId}
      style={{ display: 'flex', gap: 12, alignItems: 'flex-start', padding: '12px 0', borderTop: '1px solid #f0f0f0' }}
    >
      <span aria-hidden style={{ fontSize: 20, lineHeight: '22px' }}>
        {step.done ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <MinusCircleOutlined style={{ color: '#8c8c8c' }} />}
      </span>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Flex wrap gap={8} align="center">
          <Typography.Text strong id={titleId}>
            {t(`home.step.${step.key}` as MessageKey)}
          </Typography.Text>
          {step.done ? (
            <Tag color="success">{t('home.stepDone')}</Tag>
          ) : step.available ? (
            <Tag>{t('home.stepTodo')}</Tag>
          ) : (
            <Tag>{t('home.stepLater')}</Tag>
          )}
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t(`home.stepHelp.${step.key}` as MessageKey)}
        </Typography.Paragraph>
      </div>
      {path && step.available && (
        <Link
          to={`/shops/${shopId}/${path}`}
          data-testid={`step-link-${step.key}`}
          aria-label={t('home.stepAction', { action: t(step.done ? 'home.open' : 'home.start'), step: t(`home.step.${step.key}` as MessageKey) })}
          style={{ whiteSpace: 'nowrap', fontWeight: next ? 600 : undefined }}
        >
          {t(step.done ? 'home.open' : 'home.start')} <RightOutlined aria-hidden />
        </Link>
      )}
    </li>
  );
}

type Overview = OverviewData['shopOverview'];

/** The last sync in one line of the UI's words (or "never"). */
function LastSync({ sync }: { sync: Overview['lastSync'] }) {
  const t = useT();
  if (!sync) return <Typography.Text type="secondary">{t('home.neverSynced')}</Typography.Text>;
  const counts = formatCounts(sync.summary, t) || t('sync.nothingToSync');
  const errorWords = sync.status === 'FAILED' ? (syncErrorWords(sync.errorCode, t) ?? sync.error) : null;
  return (
    <div data-testid="home-last-sync" data-status={sync.status}>
      <Flex wrap gap={8} align="center">
        <Tag color={RUN_COLORS[sync.status]}>{t(`sync.status.${sync.status}` as MessageKey)}</Tag>
        <DateTime value={sync.at} />
        <Typography.Text type="secondary">{sync.source}</Typography.Text>
      </Flex>
      <Typography.Paragraph style={{ margin: '8px 0 0' }}>{counts}</Typography.Paragraph>
      {errorWords && <Typography.Paragraph type="danger">{errorWords}</Typography.Paragraph>}
    </div>
  );
}

/** /shops/:shopId/home — the shop's landing page: the onboarding checklist, the site, the numbers. */
export default function HomePage() {
  const t = useT();
  const shop = useShop();
  const { message } = App.useApp();
  const overview = useQuery(ShopOverviewQuery, { shopId: shop.id });

  if (overview.error && !overview.data) return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  if (!overview.data) return <PageSpinner />;
  const data = overview.data.shopOverview;
  const view = checklistView(data.steps);

  async function copy() {
    try {
      await navigator.clipboard.writeText(data.siteUrl);
      void message.success(t('home.copied'));
    } catch {
      void message.error(t('home.copyFailed'));
    }
  }

  return (
    <section aria-labelledby="home-title">
      <Typography.Title id="home-title" level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('home.title', { name: shop.name })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('home.checklist')}</h2>}
            extra={
              <span data-testid="home-progress" data-done={view.done} data-total={view.total}>
                {t('home.progress', { done: view.done, total: view.total })}
              </span>
            }
          >
            <Progress percent={view.total ? Math.round((view.done / view.total) * 100) : 0} showInfo={false} aria-label={t('home.progress', { done: view.done, total: view.total })} />
            <ol style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }} data-testid="home-checklist">
              {data.steps.map((step) => (
                <Step key={step.key} shopId={shop.id} step={step} next={step.key === view.next} />
              ))}
            </ol>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('home.site')}</h2>}>
              <Typography.Paragraph style={{ wordBreak: 'break-all' }}>
                <a href={data.siteUrl} target="_blank" rel="noopener noreferrer" data-testid="home-site-link">
                  {displayUrl(data.siteUrl)} <ExportOutlined aria-label={t('home.opensInNewTab')} />
                </a>
              </Typography.Paragraph>
              <Flex gap={16} align="center" wrap>
                <img src={svgDataUrl(data.siteQrSvg)} alt={t('home.qr')} width={120} height={120} data-testid="home-qr" />
                <Button icon={<CopyOutlined aria-hidden />} onClick={() => void copy()} data-testid="home-copy-link">
                  {t('home.copy')}
                </Button>
              </Flex>
            </Card>
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('home.numbers')}</h2>}>
              <Row gutter={16}>
                <Col span={12}>
                  <Statistic title={t('home.productsPublished')} value={data.productsPublished} data-testid="home-products" />
                </Col>
                <Col span={12}>
                  <Statistic title={t('home.pagesPublished')} value={data.pagesPublished} data-testid="home-pages" />
                </Col>
              </Row>
              <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>
                {t('home.lastSync')}
              </Typography.Title>
              <LastSync sync={data.lastSync} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </section>
  );
}
