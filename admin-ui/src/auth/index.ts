export { RequireAuth } from './RequireAuth';
export { SessionProvider, useSession } from './SessionProvider';
export type { SessionUser } from './SessionProvider';
export { currentPath, loginPath, safeNext } from './redirect';
