import { CheckCircleFilled, ExportOutlined } from '@ant-design/icons';
import { Alert, App, Card, Col, Empty, Flex, Radio, Row, Spin, Tag, Typography } from 'antd';
import { Suspense, lazy, useMemo, useState } from 'react';
import { describeError, gqlRequest, useQuery } from '../api';
import { ErrorState } from '../components/ErrorState';
import { PageSpinner } from '../components/PageSpinner';
import type { ShopThemesQuery as ThemesData } from '../gql/graphql';
import { useT } from '../i18n';
import { ConfigurePluginMutation, SetPluginEnabledMutation } from '../pages/plugins/operations';
import { withoutFields } from '../pages/plugins/schema';
import type { SecretsPayload } from '../pages/plugins/secrets';
import { hasRole, useShop } from '../shop';
import { ShopThemesQuery } from './operations';
import { SitePreview } from './SitePreview';
import { currentTheme, sitePath, themeChanges } from './theme';

// The settings form (rjsf and ajv) is big: loaded with the first theme that has settings.
const ConfigForm = lazy(() => import('../pages/plugins/ConfigForm').then((m) => ({ default: m.ConfigForm })));

type Theme = ThemesData['shop']['plugins'][number];

/** /shops/:shopId/theme — the shop's theme among the installed ones, its settings, and a live preview. */
export default function ThemePage() {
  const t = useT();
  const shop = useShop();
  const { message } = App.useApp();
  const canEdit = hasRole(shop.viewerRole, 'EDITOR');
  const themes = useQuery(ShopThemesQuery, { shopId: shop.id, canEdit });
  const [choosing, setChoosing] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const list = useMemo(() => themes.data?.shop.plugins ?? [], [themes.data]);
  const current = currentTheme(list);
  const path = sitePath(shop.slug);

  function replace(fresh: Theme | Omit<Theme, 'configSchema' | 'operatorManaged'>) {
    themes.setData((data) => data && { ...data, shop: { ...data.shop, plugins: data.shop.plugins.map((p) => (p.name === fresh.name ? { ...p, ...fresh } : p)) } });
  }

  async function choose(name: string) {
    const theme = list.find((p) => p.name === name);
    if (!theme || choosing) return;
    setChoosing(name);
    try {
      for (const change of themeChanges(list, name)) {
        replace((await gqlRequest(SetPluginEnabledMutation, { shopId: shop.id, ...change })).setPluginEnabled);
      }
      void message.success(t('theme.chosen', { title: theme.plugin.title }));
    } catch (error) {
      const { title, detail } = describeError(error, t);
      void message.error([t('theme.chooseFailed', { title: theme.plugin.title }), title, detail && t('errors.detail', { detail })].filter(Boolean).join(' '), 8);
      void themes.refetch();
    } finally {
      setChoosing(null);
      setVersion((v) => v + 1);
    }
  }

  async function save(theme: Theme, config: Record<string, unknown>, secrets: SecretsPayload | null) {
    const fresh = (await gqlRequest(ConfigurePluginMutation, { shopId: shop.id, name: theme.name, config, secrets })).configurePlugin;
    replace(fresh);
    setVersion((v) => v + 1);
    void message.success(t('theme.saved', { title: theme.plugin.title }));
  }

  if (themes.error && !themes.data) return <ErrorState error={themes.error} onRetry={() => void themes.refetch()} />;
  if (!themes.data) return <PageSpinner />;

  const form = current ? withoutFields(current.configSchema, current.operatorManaged) : null;

  return (
    <section aria-labelledby="theme-title">
      <Typography.Title id="theme-title" level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('theme.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('theme.intro')}</Typography.Paragraph>
      {!canEdit && <Alert type="info" showIcon title={t('theme.readOnly')} style={{ marginBottom: 16 }} data-testid="theme-read-only" />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Flex vertical gap={16}>
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('theme.choose')}</h2>}>
              {list.length === 0 ? (
                <Empty description={t('theme.none')} />
              ) : (
                <Radio.Group
                  value={current?.name ?? null}
                  onChange={(e) => void choose(e.target.value as string)}
                  disabled={!canEdit || choosing !== null}
                  aria-label={t('theme.choose')}
                  style={{ display: 'flex', flexDirection: 'column', gap: 12, width: '100%' }}
                >
                  {list.map((theme) => (
                    <Radio key={theme.name} value={theme.name} data-testid={`theme-option-${theme.name}`} data-enabled={String(theme.enabled)}>
                      <Flex wrap gap={8} align="center">
                        <Typography.Text strong>{theme.plugin.title}</Typography.Text>
                        {current?.name === theme.name && (
                          <Tag color="success" icon={<CheckCircleFilled aria-hidden />}>
                            {t('theme.current')}
                          </Tag>
                        )}
                        {choosing === theme.name && <Spin size="small" />}
                      </Flex>
                      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                        {theme.plugin.description}
                      </Typography.Paragraph>
                    </Radio>
                  ))}
                </Radio.Group>
              )}
              {list.length > 0 && !current && <Alert type="warning" showIcon title={t('theme.noneChosen')} style={{ marginTop: 16 }} data-testid="theme-none-chosen" />}
            </Card>
            {current && form && (
              <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('theme.settingsOf', { title: current.plugin.title })}</h2>} data-testid="theme-settings">
                {canEdit ? (
                  <Suspense fallback={<Spin />}>
                    <ConfigForm
                      key={current.name}
                      configSchema={form.schema}
                      secretFields={current.plugin.secretFields.filter((n) => !current.operatorManaged.includes(n))}
                      secretsSet={current.secretsSet}
                      config={current.config}
                      idPrefix={`theme-${current.name}`}
                      onSave={(config, secrets) => save(current, config, secrets)}
                      saveLabel={t('theme.save')}
                      saveTestId="theme-settings-save"
                      emptyText={t('theme.noSettings')}
                    />
                  </Suspense>
                ) : (
                  <Typography.Paragraph type="secondary">{t('theme.settingsReadOnly')}</Typography.Paragraph>
                )}
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('theme.preview')}</h2>}
            extra={
              <a href={path} target="_blank" rel="noopener noreferrer" data-testid="theme-site-link">
                {t('theme.viewSite')} <ExportOutlined aria-label={t('home.opensInNewTab')} />
              </a>
            }
          >
            {current ? <SitePreview path={path} version={version} /> : <Empty description={t('theme.noSite')} />}
          </Card>
        </Col>
      </Row>
    </section>
  );
}
