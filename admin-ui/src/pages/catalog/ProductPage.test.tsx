import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SHOP, renderInShop } from '../../test/render';
import { ProductQuery, UpdateProductContentMutation } from './operations';
import ProductPage from './ProductPage';

const client = vi.hoisted(() => ({ gqlRequest: vi.fn(), executeOperation: vi.fn() }));
vi.mock('../../api/client', () => ({
  gqlRequest: client.gqlRequest,
  executeOperation: client.executeOperation,
  onUnauthenticated: () => () => {},
  GRAPHQL_URL: '/graphql',
}));

const money = (amount: string) => ({ amount, currencyCode: 'CNY' });
const CONTENT = { title: '', description: '', seoTitle: '', seoDescription: '', sortOrder: 0, published: true, updatedAt: null };
const PRODUCT = {
  id: 'prod1',
  source: 'feed',
  externalId: 'p1',
  title: 'Teapot 1',
  marketplaceTitle: 'Teapot 1',
  marketplaceDescription: 'A teapot.',
  status: 'ACTIVE',
  published: true,
  url: '',
  imageUrls: [],
  price: money('12.50'),
  compareAtPrice: null,
  stock: 7,
  sku: 'TP-1',
  barcode: '',
  options: [{ name: 'Colour', values: ['Red', 'Blue'] }],
  variants: [
    { id: 'v1', title: 'Red', options: [{ name: 'Colour', value: 'Red' }], price: money('12.50'), compareAtPrice: null, stock: 3, sku: 'TP-1-R' },
    { id: 'v2', title: 'Blue', options: [{ name: 'Colour', value: 'Blue' }], price: money('13.00'), compareAtPrice: money('15.00'), stock: 4, sku: 'TP-1-B' },
  ],
  content: CONTENT,
  sourceModifiedAt: null,
  updatedAt: null,
};
const where = { path: '/shops/s1/catalog/prod1', route: '/shops/:shopId/catalog/:productId' };

beforeEach(() => {
  client.gqlRequest.mockReset();
  client.executeOperation.mockReset();
  client.executeOperation.mockImplementation(async (document: unknown) => {
    if (document === ProductQuery) return { shop: { id: SHOP.id, product: PRODUCT } };
    throw new Error(`unexpected query ${String(document)}`);
  });
});

describe('ProductPage', () => {
  it('shows the variants and saves only the changed owned title', async () => {
    client.gqlRequest.mockImplementation(async (document: unknown) => {
      if (document === UpdateProductContentMutation) {
        return { updateProductContent: { id: 'prod1', title: 'My teapot', published: true, content: { ...CONTENT, title: 'My teapot' } } };
      }
      throw new Error('unexpected');
    });
    renderInShop(<ProductPage />, where);
    const variants = await screen.findByTestId('variants-table');
    expect(variants).toHaveTextContent('Colour: Blue');
    expect(variants).toHaveTextContent('CNY 13.00');
    await userEvent.type(screen.getByTestId('content-title'), 'My teapot');
    await userEvent.click(screen.getByTestId('content-save'));
    await waitFor(() => expect(client.gqlRequest).toHaveBeenCalledTimes(1));
    expect(client.gqlRequest.mock.calls[0][1]).toEqual({ shopId: 's1', productId: 'prod1', input: { title: 'My teapot' } });
    await waitFor(() => expect(screen.getByTestId('product-title')).toHaveTextContent('My teapot'));
  });

  it('is read-only for analysts', async () => {
    renderInShop(<ProductPage />, { ...where, shop: { ...SHOP, viewerRole: 'ANALYST' } });
    expect(await screen.findByTestId('content-title')).toBeDisabled();
    expect(screen.queryByTestId('content-save')).not.toBeInTheDocument();
    expect(screen.getByText('Only editors and owners can change the content.')).toBeInTheDocument();
  });
});
