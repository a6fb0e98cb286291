import { DatePicker, Form, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { fieldErrorsByName, toApiError } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n';
import { instantToShopTime, isFuture, shopTimeToInstant, zoneOffset } from './schedule';

interface Props {
  /** The shop's time zone (IANA name): the picked time is that zone's wall-clock time. */
  zone: string;
  localeName: string;
  /** The time already scheduled, if any (ISO). */
  current: string | null;
  /** Schedule at `iso`; throw to keep the dialog open with the error. */
  onSchedule: (iso: string) => Promise<void>;
  onClose: () => void;
}

/** Choose when a locale's draft goes live: a date and time in the shop's time zone. */
export function ScheduleModal({ zone, localeName, current, onSchedule, onClose }: Props) {
  const t = useT();
  const [value, setValue] = useState<Dayjs | null>(() => (current ? instantToShopTime(current, zone) : null));
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  async function submit() {
    setError(null);
    if (!value) return setProblem(t('content.schedule.required'));
    if (!isFuture(value, zone)) return setProblem(t('content.schedule.past'));
    setProblem(null);
    setSaving(true);
    try {
      await onSchedule(shopTimeToInstant(value, zone));
    } catch (caught) {
      const byField = fieldErrorsByName(caught, ['input'], t);
      if (byField.at) setProblem(byField.at);
      else setError(toApiError(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t('content.schedule.title')}
      okText={t('content.schedule.submit')}
      cancelText={t('content.create.cancel')}
      okButtonProps={{ loading: saving, 'data-testid': 'schedule-submit' }}
      onOk={() => void submit()}
      onCancel={onClose}
      data-testid="schedule-modal"
    >
      {error != null && <ErrorAlert error={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{t('content.schedule.help', { locale: localeName })}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          label={t('content.schedule.at', { zone, offset: zoneOffset(zone) })}
          htmlFor="schedule-at"
          validateStatus={problem ? 'error' : undefined}
          help={problem}
        >
          <DatePicker
            id="schedule-at"
            data-testid="schedule-at"
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            needConfirm={false}
            value={value}
            onChange={(next) => {
              setValue(next);
              setProblem(null);
            }}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
