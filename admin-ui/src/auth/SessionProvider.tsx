import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { gqlRequest, onUnauthenticated, toApiError, type ApiError } from '../api';
import { prefetchedOr } from '../api/prefetch';
import { MeQuery, LogOutMutation } from './operations';
import { currentPath, loginPath } from './redirect';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

interface SessionValue {
  /** The signed-in user; null when signed out; undefined while the first `me` is loading. */
  user: SessionUser | null | undefined;
  /** Set when the first `me` failed for another reason than being signed out. */
  error: ApiError | undefined;
  /** True once the user signed out on purpose (then the login page gets no `next`). */
  signedOut: boolean;
  setUser: (user: SessionUser | null) => void;
  reload: () => Promise<void>;
  logOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/**
 * Holds who is signed in (the `me` query) and sends the browser to /login?next=<here> whenever
 * any request answers UNAUTHENTICATED, so the user comes back to the same page after signing in.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [signedOut, setSignedOut] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const here = useRef(currentPath(location));
  here.current = currentPath(location);

  const reload = useCallback(async () => {
    try {
      const data = await prefetchedOr(MeQuery, {}, () => gqlRequest(MeQuery, {}, { redirectOnUnauthenticated: false }));
      setUser(data.me);
      setError(undefined);
    } catch (caught) {
      const apiError = toApiError(caught);
      if (apiError.code === 'UNAUTHENTICATED') setUser(null);
      else setError(apiError);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(
    () =>
      onUnauthenticated(() => {
        setSignedOut(false);
        setUser(null);
        navigate(loginPath(here.current), { replace: true });
      }),
    [navigate],
  );

  const logOut = useCallback(async () => {
    try {
      await gqlRequest(LogOutMutation, {}, { redirectOnUnauthenticated: false });
    } finally {
      // `signedOut` tells the page guard to go to plain /login: `next` is for expired sessions,
      // not for someone who chose to leave (the next person to sign in may not share the shop).
      setSignedOut(true);
      setUser(null);
      navigate('/login', { replace: true });
    }
  }, [navigate]);

  const signIn = useCallback((next: SessionUser | null) => {
    setSignedOut(false);
    setUser(next);
  }, []);

  const value = useMemo(
    () => ({ user, error, signedOut, setUser: signIn, reload, logOut }),
    [user, error, signedOut, signIn, reload, logOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() outside <SessionProvider>');
  return value;
}
