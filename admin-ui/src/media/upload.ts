import type { MediaAssetFieldsFragment } from '../gql/graphql';
import type { Translate } from '../i18n';
import { requestLanguage } from '../i18n/language';

/**
 * Uploading an image to the media library: `POST /media/{shopId}?filename=&alt=` with the file's
 * bytes as the body (`Content-Type: application/octet-stream`), authenticated by the session
 * cookie like the admin API (docs/media.md). The answer is `{asset, created}` (201 new, 200 the
 * same bytes were already there) or `{errors: [{message, extensions: {code}}]}`. XMLHttpRequest,
 * not fetch, because only it reports the upload's progress.
 */

/** The server's default size cap (CLOUDCAT_MEDIA_MAX_BYTES); the server checks it again. */
export const MAX_UPLOAD_BYTES = 10_000_000;

/** Why a file was not uploaded, in the UI's terms. */
export type UploadProblem = 'NOT_AN_IMAGE' | 'DAMAGED' | 'TOO_BIG' | 'TOO_MANY_PIXELS' | 'FORBIDDEN' | 'NETWORK' | 'OTHER';

/** The endpoint answers with the asset as the admin API shows it. */
export type UploadedAsset = MediaAssetFieldsFragment;

export class UploadError extends Error {
  constructor(
    readonly problem: UploadProblem,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

const PROBLEM_OF_CODE: Record<string, UploadProblem> = {
  UNSUPPORTED_IMAGE_TYPE: 'NOT_AN_IMAGE',
  IMAGE_DAMAGED: 'DAMAGED',
  FILE_TOO_LARGE: 'TOO_BIG',
  PAYLOAD_TOO_LARGE: 'TOO_BIG',
  IMAGE_TOO_LARGE: 'TOO_MANY_PIXELS',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'FORBIDDEN',
  SHOP_SUSPENDED: 'FORBIDDEN',
};

/** The server's refusal code as a problem the UI has words for. */
export function problemOf(code: string | undefined): UploadProblem {
  return (code && PROBLEM_OF_CODE[code]) || 'OTHER';
}

/**
 * A problem that shows before sending anything: a file the browser knows is not an image, or
 * one over the size cap. Null when the file may be sent (the server still checks its bytes).
 */
export function precheck(file: Pick<File, 'type' | 'size'>, maxBytes = MAX_UPLOAD_BYTES): UploadProblem | null {
  if (file.type && !file.type.startsWith('image/')) return 'NOT_AN_IMAGE';
  if (file.size > maxBytes) return 'TOO_BIG';
  return null;
}

/** The upload endpoint of a shop, with the file's name (and alt text) as parameters. */
export function uploadUrl(shopId: string, filename: string, alt = ''): string {
  const params = new URLSearchParams({ filename });
  if (alt) params.set('alt', alt);
  return `/media/${encodeURIComponent(shopId)}?${params.toString()}`;
}

interface UploadAnswer {
  asset?: UploadedAsset;
  created?: boolean;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

/** The answer of the upload endpoint: the asset, or an UploadError. */
export function readAnswer(status: number, text: string): { asset: UploadedAsset; created: boolean } {
  let body: UploadAnswer | null;
  try {
    body = JSON.parse(text) as UploadAnswer | null;
  } catch {
    body = null;
  }
  if (status >= 200 && status < 300 && body?.asset) return { asset: body.asset, created: Boolean(body.created) };
  const error = body?.errors?.[0];
  const code = error?.extensions?.code;
  throw new UploadError(problemOf(code), error?.message ?? `HTTP ${status}`, code);
}

export interface UploadHandle {
  done: Promise<{ asset: UploadedAsset; created: boolean }>;
  abort: () => void;
}

/** Send `file` to shop `shopId`'s media library; `onProgress` gets 0..1 as bytes leave. */
export function uploadImage(shopId: string, file: File, onProgress: (fraction: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<{ asset: UploadedAsset; created: boolean }>((resolve, reject) => {
    xhr.open('POST', uploadUrl(shopId, file.name));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', requestLanguage());
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      try {
        onProgress(1);
        resolve(readAnswer(xhr.status, xhr.responseText));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    xhr.onerror = () => reject(new UploadError('NETWORK', 'the server could not be reached'));
    xhr.onabort = () => reject(new UploadError('OTHER', 'aborted'));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

/** A byte count in words: "820 KB", "3.4 MB". */
export function sizeWords(bytes: number, t: Translate): string {
  if (bytes < 1_000_000) return t('media.size.kb', { n: String(Math.max(1, Math.round(bytes / 1000))) });
  return t('media.size.mb', { n: (Math.round(bytes / 100_000) / 10).toString() });
}
