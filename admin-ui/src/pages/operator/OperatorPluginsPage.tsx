import { Alert, App, Card, Col, Empty, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { gqlRequest, useQuery } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { PageSpinner } from '../../components/PageSpinner';
import type { OperatorPluginFieldsFragment } from '../../gql/graphql';
import { useT } from '../../i18n';
import { ConfigureAppPluginMutation, OperatorPluginsQuery } from '../../operator/operations';
import { ConfigForm, type Config } from '../plugins/ConfigForm';
import type { SecretsPayload } from '../plugins/secrets';
import { settingsProvided } from './appSchema';

type OperatorPlugin = OperatorPluginFieldsFragment;

/** /operator/plugins — each plugin's app-level settings for the whole deployment (operators). */
export default function OperatorPluginsPage() {
  const t = useT();
  const query = useQuery(OperatorPluginsQuery, {});
  const { setData } = query;

  if (query.error && !query.data) {
    return query.error.code === 'FORBIDDEN' ? (
      <Alert type="warning" showIcon title={t('operator.forbidden')} data-testid="operator-forbidden" />
    ) : (
      <ErrorState error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  if (!query.data) return <PageSpinner />;
  const plugins = query.data.operatorPlugins.filter((p) => p.appFields.length > 0);

  const replace = (fresh: OperatorPlugin) =>
    setData((data) => data && { operatorPlugins: data.operatorPlugins.map((p) => (p.plugin.name === fresh.plugin.name ? fresh : p)) });

  return (
    <section aria-labelledby="operator-plugins-title">
      <Typography.Title id="operator-plugins-title" level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('operator.plugins.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('operator.plugins.intro')}</Typography.Paragraph>
      {plugins.length === 0 ? (
        <Empty description={t('operator.plugins.none')} />
      ) : (
        <Row gutter={[16, 16]}>
          {plugins.map((entry) => (
            <Col key={entry.plugin.name} xs={24} xl={12}>
              <AppSettingsCard entry={entry} onSaved={replace} />
            </Col>
          ))}
        </Row>
      )}
    </section>
  );
}

/** One plugin's app-level form: secrets write-only ("set / not set"), values from the server settings read-only. */
function AppSettingsCard({ entry, onSaved }: { entry: OperatorPlugin; onSaved: (fresh: OperatorPlugin) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const { plugin } = entry;
  const titleId = `app-plugin-${plugin.name}`;
  const fixed = useMemo(() => settingsProvided(entry.appConfigSchema, entry.fromSettings), [entry.appConfigSchema, entry.fromSettings]);

  async function save(config: Config, secrets: SecretsPayload | null) {
    // Values the server settings provide are not the operator's to store here.
    const own = Object.fromEntries(Object.entries(config).filter(([name]) => !fixed.names.includes(name)));
    const fresh = (await gqlRequest(ConfigureAppPluginMutation, { name: plugin.name, config: own, secrets })).configureAppPlugin;
    onSaved(fresh);
    void message.success(t('operator.plugins.saved', { title: plugin.title }));
  }

  return (
    <Card role="article" aria-labelledby={titleId} data-testid={`app-plugin-${plugin.name}`} title={<span id={titleId}>{plugin.title}</span>}>
      <Typography.Paragraph type="secondary">{plugin.description}</Typography.Paragraph>
      {fixed.titles.length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid={`app-plugin-fixed-${plugin.name}`}
          title={t('operator.plugins.fromSettings', { fields: fixed.titles.join(t('list.sep')) })}
          style={{ marginBottom: 16 }}
        />
      )}
      <ConfigForm
        // A saved answer brings new values: start the form again from them.
        key={JSON.stringify([entry.appConfig, entry.appSecretsSet])}
        configSchema={entry.appConfigSchema}
        secretFields={[]}
        secretsSet={entry.appSecretsSet}
        config={entry.appConfig}
        idPrefix={`app-${plugin.name}`}
        onSave={save}
        saveLabel={t('operator.plugins.save')}
        saveTestId={`app-plugin-save-${plugin.name}`}
        emptyText={t('operator.plugins.noFields')}
        readOnlyFields={fixed.names}
      />
    </Card>
  );
}
