import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findDialog } from '../test/dialogs';
import { SHOP, renderInShop } from '../test/render';
import MediaLibraryPage from './MediaLibraryPage';
import { MediaPicker } from './MediaPicker';
import { DeleteMediaAssetMutation, MediaAssetsQuery, UpdateMediaAssetMutation } from './operations';

const client = vi.hoisted(() => ({ gqlRequest: vi.fn(), executeOperation: vi.fn() }));
vi.mock('../api/client', () => ({
  gqlRequest: client.gqlRequest,
  executeOperation: client.executeOperation,
  onUnauthenticated: () => () => {},
  GRAPHQL_URL: '/graphql',
}));

const asset = (id: string, filename: string, alt = '') => ({
  id,
  url: `http://x/media/s1/${id}.png`,
  thumbnailUrl: `http://x/media/s1/${id}.webp`,
  width: 800,
  height: 600,
  contentType: 'image/png',
  size: 120_000,
  filename,
  alt,
  createdAt: '2026-01-01T00:00:00+00:00',
});
const CUP = asset('a1', 'cup.png', 'A tea cup');
const POT = asset('a2', 'pot.png');

/** XMLHttpRequest as the upload endpoint answers it: `answer` decides per request. */
class FakeXhr {
  static sent: { url: string; body: unknown; headers: Record<string, string> }[] = [];
  static answer: (url: string) => { status: number; body: unknown } = () => ({ status: 500, body: {} });
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = '';
  withCredentials = false;
  private url = '';
  private headers: Record<string, string> = {};
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  abort() {}
  send(body: unknown) {
    FakeXhr.sent.push({ url: this.url, body, headers: this.headers });
    const { status, body: answer } = FakeXhr.answer(this.url);
    setTimeout(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
      this.status = status;
      this.responseText = JSON.stringify(answer);
      this.onload?.();
    }, 0);
  }
}

const path = { path: '/shops/s1/media', route: '/shops/:shopId/media' };

beforeEach(() => {
  FakeXhr.sent = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  client.gqlRequest.mockReset();
  client.executeOperation.mockReset();
  client.gqlRequest.mockImplementation(async (document: unknown, variables: { search?: string | null; alt?: string; id?: string }) => {
    if (document === MediaAssetsQuery) {
      const nodes = [CUP, POT].filter((a) => !variables.search || a.filename.includes(variables.search));
      return { mediaAssets: { nodes, pageInfo: { hasNextPage: false, endCursor: null } } };
    }
    if (document === UpdateMediaAssetMutation) return { updateMediaAsset: { ...CUP, alt: variables.alt } };
    if (document === DeleteMediaAssetMutation) return { deleteMediaAsset: true };
    throw new Error(`unexpected ${String(document)}`);
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function drop(files: File[]) {
  const zone = screen.getByTestId('media-upload').closest('.ant-upload') ?? screen.getByTestId('media-upload');
  fireEvent.drop(zone, { dataTransfer: { files, items: files.map((f) => ({ kind: 'file', getAsFile: () => f, webkitGetAsEntry: () => null })), types: ['Files'] } });
}

describe('MediaLibraryPage', () => {
  it('shows the images with their thumbnails and alt text, and searches', async () => {
    renderInShop(<MediaLibraryPage />, path);
    const cup = await screen.findByTestId('media-asset-a1');
    expect(within(cup).getByRole('img')).toHaveAttribute('src', CUP.thumbnailUrl);
    expect(within(cup).getByRole('img')).toHaveAttribute('alt', 'A tea cup');
    expect(within(cup).getByText('800 × 600 px · 120 KB')).toBeInTheDocument();
    expect(screen.getByTestId('media-alt-a2')).toHaveTextContent('No alt text');

    await userEvent.type(screen.getByRole('searchbox'), 'pot');
    await waitFor(() => expect(screen.queryByTestId('media-asset-a1')).toBeNull());
    expect(screen.getByTestId('media-asset-a2')).toBeInTheDocument();
    expect(client.gqlRequest.mock.calls.at(-1)?.[1]).toMatchObject({ shopId: 's1', search: 'pot' });
  });

  it('uploads picked files with their progress, says why one was refused, and adds the new image', async () => {
    const NEW = asset('a3', 'leaf.png');
    FakeXhr.answer = (url) =>
      url.includes('leaf')
        ? { status: 201, body: { asset: NEW, created: true } }
        : { status: 415, body: { errors: [{ message: 'not an image', extensions: { code: 'UNSUPPORTED_IMAGE_TYPE' } }] } };
    renderInShop(<MediaLibraryPage />, path);
    await screen.findByTestId('media-asset-a1');
    const input = screen.getByTestId('media-upload').querySelector('input[type=file]') ?? document.querySelector('input[type=file]');
    const files = [
      new File([new Uint8Array([137, 80, 78, 71])], 'leaf.png', { type: 'image/png' }),
      new File(['hello'], 'notes.txt', { type: 'text/plain' }),
      new File(['<svg/>'], 'fake.png', { type: 'image/png' }),
    ];
    await userEvent.upload(input as HTMLInputElement, files, { applyAccept: false });

    expect(await screen.findByTestId('media-asset-a3')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('upload-fake.png')).toHaveAttribute('data-state', 'failed'));
    expect(screen.getByTestId('upload-leaf.png')).toHaveAttribute('data-state', 'done');
    expect(screen.getByTestId('upload-notes.txt')).toHaveAttribute('data-problem', 'NOT_AN_IMAGE');
    expect(screen.getByTestId('upload-fake.png')).toHaveTextContent('fake.png was not uploaded: it is not an image');
    // The text file never left the browser; the images went as bytes with their names.
    expect(FakeXhr.sent.map((s) => s.url)).toEqual(['/media/s1?filename=leaf.png', '/media/s1?filename=fake.png']);
    expect(FakeXhr.sent[0].headers['Content-Type']).toBe('application/octet-stream');
  });

  it('takes dropped files too, and says a too big one is too big', async () => {
    renderInShop(<MediaLibraryPage />, path);
    await screen.findByTestId('media-asset-a1');
    const big = new File(['x'], 'huge.jpg', { type: 'image/jpeg' });
    Object.defineProperty(big, 'size', { value: 20_000_000 });
    drop([big]);
    const line = await screen.findByTestId('upload-huge.jpg');
    expect(line).toHaveAttribute('data-problem', 'TOO_BIG');
    expect(line).toHaveTextContent('it is too big (at most 10 MB)');
    expect(FakeXhr.sent).toHaveLength(0);
  });

  it('edits the alt text and deletes after a confirmation', async () => {
    renderInShop(<MediaLibraryPage />, path);
    await userEvent.click(await screen.findByTestId('media-edit-a1'));
    const dialog = await findDialog('Edit cup.png');
    const input = within(dialog).getByTestId('media-alt-input');
    await userEvent.clear(input);
    await userEvent.type(input, 'A white cup');
    await userEvent.click(within(dialog).getByTestId('media-alt-save'));
    await waitFor(() => expect(screen.getByTestId('media-alt-a1')).toHaveTextContent('A white cup'));
    expect(client.gqlRequest).toHaveBeenCalledWith(UpdateMediaAssetMutation, { shopId: 's1', id: 'a1', alt: 'A white cup' });

    await userEvent.click(screen.getByTestId('media-delete-a2'));
    const confirm = await findDialog('Delete pot.png?');
    await userEvent.click(within(confirm).getByTestId('media-delete-confirm'));
    await waitFor(() => expect(screen.queryByTestId('media-asset-a2')).toBeNull());
    expect(client.gqlRequest).toHaveBeenCalledWith(DeleteMediaAssetMutation, { shopId: 's1', id: 'a2' });
  });

  it('shows an analyst the library without upload, edit or delete', async () => {
    renderInShop(<MediaLibraryPage />, { ...path, shop: { ...SHOP, viewerRole: 'ANALYST' } });
    expect(await screen.findByTestId('media-read-only')).toBeInTheDocument();
    expect(screen.queryByTestId('media-upload')).toBeNull();
    expect(screen.queryByTestId('media-edit-a1')).toBeNull();
  });
});

describe('MediaPicker', () => {
  it('returns the id of the image chosen', async () => {
    const onPick = vi.fn();
    renderInShop(<MediaPicker shopId="s1" open onPick={onPick} onCancel={() => {}} />, path);
    const confirm = await screen.findByTestId('media-picker-confirm');
    expect(confirm).toBeDisabled();
    await userEvent.click(await screen.findByTestId('media-pick-a2'));
    expect(screen.getByTestId('media-pick-a2')).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(confirm);
    expect(onPick).toHaveBeenCalledWith('a2', POT);
  });

  it('chooses a new upload at once', async () => {
    const NEW = asset('a9', 'new.png');
    FakeXhr.answer = () => ({ status: 201, body: { asset: NEW, created: true } });
    const onPick = vi.fn();
    renderInShop(<MediaPicker shopId="s1" open onPick={onPick} onCancel={() => {}} />, path);
    await screen.findByTestId('media-pick-a1');
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    await userEvent.upload(input, new File([new Uint8Array([1])], 'new.png', { type: 'image/png' }));
    await waitFor(() => expect(screen.getByTestId('media-pick-a9')).toHaveAttribute('aria-pressed', 'true'));
    await userEvent.click(screen.getByTestId('media-picker-confirm'));
    expect(onPick).toHaveBeenCalledWith('a9', NEW);
  });
});
