import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/language';
import { MAX_UPLOAD_BYTES, UploadError, precheck, problemOf, readAnswer, sizeWords, uploadUrl } from './upload';

const ASSET = { id: 'a1', url: 'http://x/media/s/a.png', thumbnailUrl: 'http://x/media/s/t.webp', width: 10, height: 10, contentType: 'image/png', size: 100, filename: 'a.png', alt: '', createdAt: '2026-01-01T00:00:00+00:00' };

describe('precheck', () => {
  it('refuses what the browser knows is not an image, and files over the cap', () => {
    expect(precheck({ type: 'text/plain', size: 10 })).toBe('NOT_AN_IMAGE');
    expect(precheck({ type: 'application/pdf', size: 10 })).toBe('NOT_AN_IMAGE');
    expect(precheck({ type: 'image/png', size: MAX_UPLOAD_BYTES + 1 })).toBe('TOO_BIG');
  });

  it('lets images and files of unknown type through (the server checks the bytes)', () => {
    expect(precheck({ type: 'image/png', size: MAX_UPLOAD_BYTES })).toBeNull();
    expect(precheck({ type: '', size: 10 })).toBeNull();
  });
});

describe('readAnswer', () => {
  it('gives the asset of a 201 or 200, with whether it is new', () => {
    expect(readAnswer(201, JSON.stringify({ asset: ASSET, created: true }))).toEqual({ asset: ASSET, created: true });
    expect(readAnswer(200, JSON.stringify({ asset: ASSET, created: false }))).toEqual({ asset: ASSET, created: false });
  });

  it("turns the server's refusals into problems the UI says in words", () => {
    const refusal = (status: number, code: string) => {
      try {
        readAnswer(status, JSON.stringify({ errors: [{ message: `no: ${code}`, extensions: { code } }] }));
      } catch (error) {
        return error as UploadError;
      }
      throw new Error('not refused');
    };
    expect(refusal(415, 'UNSUPPORTED_IMAGE_TYPE')).toMatchObject({ problem: 'NOT_AN_IMAGE', code: 'UNSUPPORTED_IMAGE_TYPE', message: 'no: UNSUPPORTED_IMAGE_TYPE' });
    expect(refusal(413, 'FILE_TOO_LARGE').problem).toBe('TOO_BIG');
    expect(refusal(413, 'PAYLOAD_TOO_LARGE').problem).toBe('TOO_BIG');
    expect(refusal(422, 'IMAGE_TOO_LARGE').problem).toBe('TOO_MANY_PIXELS');
    expect(refusal(422, 'IMAGE_DAMAGED').problem).toBe('DAMAGED');
    expect(refusal(403, 'FORBIDDEN').problem).toBe('FORBIDDEN');
    expect(refusal(500, 'SOMETHING_NEW').problem).toBe('OTHER');
    expect(() => readAnswer(502, '<html>bad gateway</html>')).toThrow('HTTP 502');
    expect(problemOf(undefined)).toBe('OTHER');
  });
});

describe('uploadUrl and sizeWords', () => {
  it("names the shop's endpoint with the file name", () => {
    expect(uploadUrl('s1', '茶 tea.png')).toBe('/media/s1?filename=%E8%8C%B6+tea.png');
    expect(uploadUrl('s1', 'a.png', 'A cup')).toBe('/media/s1?filename=a.png&alt=A+cup');
  });

  it('says sizes in KB and MB', () => {
    const t = translator('en');
    expect(sizeWords(820_400, t)).toBe('820 KB');
    expect(sizeWords(12, t)).toBe('1 KB');
    expect(sizeWords(3_449_000, t)).toBe('3.4 MB');
    expect(sizeWords(MAX_UPLOAD_BYTES, translator('zh'))).toBe('10 MB');
  });
});
