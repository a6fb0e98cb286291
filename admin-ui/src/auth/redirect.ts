// Where to send people around the login page. Paths here are router paths, without the
// /admin basename: "/shops/abc/plugins?settings=feed".

const AUTH_PATHS = ['/login', '/signup'];

function isAuthPath(path: string): boolean {
  const pathname = path.split(/[?#]/, 1)[0];
  return AUTH_PATHS.some((p) => pathname === p || pathname === `${p}/`);
}

/**
 * A `next` parameter made safe to navigate to: only a local path (one leading slash, not "//"
 * or "/\" which browsers read as another host, no scheme, no control characters), never the
 * login or sign-up page itself. Anything else gives "/".
 */
export function safeNext(raw: string | null | undefined): string {
  if (!raw) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\u007f]/.test(raw) || raw.includes('\\')) return '/';
  if (isAuthPath(raw)) return '/';
  return raw;
}

/** The login page's address that comes back to `current` after signing in. */
export function loginPath(current: string, page: '/login' | '/signup' = '/login'): string {
  const next = safeNext(current);
  return next === '/' ? page : `${page}?next=${encodeURIComponent(next)}`;
}

/** The current router location as one string (what `next` carries). */
export function currentPath(location: { pathname: string; search?: string; hash?: string }): string {
  return `${location.pathname}${location.search ?? ''}${location.hash ?? ''}`;
}
