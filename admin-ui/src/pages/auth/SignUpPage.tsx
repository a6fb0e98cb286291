import { Button, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fieldErrorsByName, gqlRequest } from '../../api';
import { safeNext, useSession } from '../../auth';
import { SignUpMutation } from '../../auth/operations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { AuthLayout, EmailField, authLink } from './AuthLayout';

/** The server's rule (core/accounts.py MIN_PASSWORD_LENGTH); it checks again anyway. */
const MIN_PASSWORD_LENGTH = 8;

interface Values {
  email: string;
  name: string;
  password: string;
}

export default function SignUpPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { user, setUser } = useSession();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (user) navigate(next, { replace: true });
  }, [user, next, navigate]);

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      const data = await gqlRequest(
        SignUpMutation,
        { email: values.email.trim(), password: values.password, name: (values.name ?? '').trim() },
        { redirectOnUnauthenticated: false },
      );
      setUser(data.signUp);
      navigate(next, { replace: true });
    } catch (caught) {
      setError(caught);
      const fields = fieldErrorsByName(caught, undefined, t);
      form.setFields(
        Object.entries(fields)
          .filter(([name]) => name === 'email' || name === 'password' || name === 'name')
          .map(([name, message]) => ({ name: name as keyof Values, errors: [message] })),
      );
    } finally {
      setBusy(false);
    }
  }

  const loginLink = authLink('/login', next);
  return (
    <AuthLayout
      title={t('auth.signup.title')}
      footer={
        <>
          {t('auth.signup.haveAccount')} <Link to={loginLink}>{t('auth.signup.toLogin')}</Link>
        </>
      }
    >
      <ErrorAlert error={error} overrides={{ CONFLICT: 'auth.signup.emailTaken' }} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} name="signup" layout="vertical" requiredMark={false} onFinish={submit} disabled={busy}>
        <EmailField autoComplete="email" />
        <Form.Item label={t('auth.name')} name="name">
          <Input autoComplete="name" maxLength={200} />
        </Form.Item>
        <Form.Item
          label={t('auth.password')}
          name="password"
          extra={t('auth.passwordTooShort', { min: MIN_PASSWORD_LENGTH })}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            { min: MIN_PASSWORD_LENGTH, message: t('auth.passwordTooShort', { min: MIN_PASSWORD_LENGTH }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('auth.signup.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
