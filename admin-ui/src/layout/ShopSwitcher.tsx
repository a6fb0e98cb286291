import { Select } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '../api';
import { useT } from '../i18n';
import { MyShopsQuery, type ShopSummary } from '../shop';

const ALL_SHOPS = '__all__';

/** Pick another shop, staying in the same section (plugins → plugins); `block`: as wide as its row (phones). */
export function ShopSwitcher({ current, section, block = false }: { current: ShopSummary; section: string; block?: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const { data, loading } = useQuery(MyShopsQuery, {});
  const options = useMemo(() => {
    const shops = data?.shops.nodes ?? [current];
    // The current shop as the frame has it (fresher than this list after a rename).
    const list = shops.some((s) => s.id === current.id) ? shops.map((s) => (s.id === current.id ? current : s)) : [current, ...shops];
    return [
      ...list.map((shop) => ({ value: shop.id, label: `${shop.name} · ${shop.slug}` })),
      { value: ALL_SHOPS, label: `${t('shops.all')} / ${t('shops.create')}` },
    ];
  }, [data, current, t]);

  return (
    <Select
      data-testid="shop-switcher"
      aria-label={t('shops.switcher')}
      value={current.id}
      loading={loading}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      style={block ? { flex: 1, minWidth: 0 } : { minWidth: 200, maxWidth: 320 }}
      onChange={(id: string) => navigate(id === ALL_SHOPS ? '/shops' : `/shops/${id}/${section}`)}
    />
  );
}
