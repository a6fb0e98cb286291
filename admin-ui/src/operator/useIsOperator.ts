import { useQuery } from '../api';
import { ViewerRoleQuery } from './operations';

/** Whether the signed-in user is a CloudCat operator (false while unknown or when the server cannot say). */
export function useIsOperator(): boolean {
  const { data } = useQuery(ViewerRoleQuery, {});
  return Boolean(data?.me?.isOperator);
}
