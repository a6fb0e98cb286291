import { CheckCircleOutlined, CloseCircleOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { PluginHealth } from '../../gql/graphql';
import { useT } from '../../i18n';

const LOOK: Record<PluginHealth, { color: string; icon: React.ReactNode }> = {
  OK: { color: 'success', icon: <CheckCircleOutlined aria-hidden /> },
  ERROR: { color: 'error', icon: <CloseCircleOutlined aria-hidden /> },
  UNKNOWN: { color: 'default', icon: <QuestionCircleOutlined aria-hidden /> },
};

export function HealthTag({ health, testId }: { health: PluginHealth; testId?: string }) {
  const t = useT();
  const look = LOOK[health] ?? LOOK.UNKNOWN;
  return (
    <Tag color={look.color} icon={look.icon} data-testid={testId} data-health={health}>
      {t('plugins.health')}: {t(`plugins.health.${health}`)}
    </Tag>
  );
}
