import { Navigate } from 'react-router';
import { useQuery } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { PageSpinner } from '../../components/PageSpinner';
import { MyShopsQuery, lastShop } from '../../shop';

/** "/": the shop used last (or the only one) opens directly; otherwise the picker. */
export default function HomeRedirect() {
  const { data, error, refetch } = useQuery(MyShopsQuery, {});
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <PageSpinner />;
  const shops = data.shops.nodes;
  const remembered = lastShop();
  const target = shops.find((s) => s.id === remembered) ?? (shops.length === 1 ? shops[0] : undefined);
  return <Navigate to={target ? `/shops/${target.id}/home` : '/shops'} replace />;
}
