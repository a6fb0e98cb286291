import { Card, Flex, Form, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import { emailRules } from '../../components/emailRules';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useT } from '../../i18n';

/** The centred card the login and sign-up pages sit in. */
export function AuthLayout({ title, children, footer }: { title: string; children: ReactNode; footer: ReactNode }) {
  const t = useT();
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f7fa' }}>
      <main id="main" style={{ width: '100%', maxWidth: 420 }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          <Flex align="center" gap={8}>
            <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width={32} height={32} />
            <Typography.Text strong style={{ fontSize: 18 }}>
              {t('app.name')} · {t('app.tagline')}
            </Typography.Text>
          </Flex>
          <LanguageSwitch />
        </Flex>
        <Card>
          <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
            {title}
          </Typography.Title>
          {children}
        </Card>
        <Typography.Paragraph style={{ textAlign: 'center', marginTop: 16 }}>{footer}</Typography.Paragraph>
      </main>
    </Flex>
  );
}

/** `path` (the other auth page), carrying on where the seller was going when that is not home. */
export function authLink(path: string, next: string): string {
  return next === '/' ? path : `${path}?next=${encodeURIComponent(next)}`;
}

/** The required email field both auth forms start with. */
export function EmailField({ autoComplete }: { autoComplete: 'username' | 'email' }) {
  const t = useT();
  return (
    <Form.Item
      label={t('auth.email')}
      name="email"
      rules={emailRules(t)}
    >
      <Input type="email" autoComplete={autoComplete} autoFocus inputMode="email" />
    </Form.Item>
  );
}
