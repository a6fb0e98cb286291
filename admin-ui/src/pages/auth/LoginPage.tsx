import { Button, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { gqlRequest } from '../../api';
import { safeNext, useSession } from '../../auth';
import { LogInMutation } from '../../auth/operations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { AuthLayout, EmailField, authLink } from './AuthLayout';

interface Values {
  email: string;
  password: string;
}

export default function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { user, setUser } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // Already signed in (another tab, or the back button): go on.
  useEffect(() => {
    if (user) navigate(next, { replace: true });
  }, [user, next, navigate]);

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      const data = await gqlRequest(
        LogInMutation,
        { email: values.email.trim(), password: values.password },
        { redirectOnUnauthenticated: false },
      );
      setUser(data.logIn);
      navigate(next, { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const signUpLink = authLink('/signup', next);
  return (
    <AuthLayout
      title={t('auth.login.title')}
      footer={
        <>
          {t('auth.login.noAccount')} <Link to={signUpLink}>{t('auth.login.toSignUp')}</Link>
        </>
      }
    >
      <ErrorAlert error={error} overrides={{ UNAUTHENTICATED: 'auth.login.wrongCredentials' }} style={{ marginBottom: 16 }} />
      <Form<Values> name="login" layout="vertical" requiredMark={false} onFinish={submit} disabled={busy}>
        <EmailField autoComplete="username" />
        <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('auth.login.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
