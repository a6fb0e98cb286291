import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { PageSpinner } from '../components/PageSpinner';
import { currentPath, loginPath } from './redirect';
import { useSession } from './SessionProvider';

/** Renders the child routes for a signed-in user; sends anyone else to the login page. */
export function RequireAuth() {
  const { user, error, reload, signedOut } = useSession();
  const location = useLocation();
  if (user === undefined) {
    if (error) return <ErrorState error={error} onRetry={() => void reload()} />;
    return <PageSpinner />;
  }
  if (user === null) return <Navigate to={signedOut ? '/login' : loginPath(currentPath(location))} replace />;
  return <Outlet />;
}
