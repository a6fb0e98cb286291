import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import { job } from '../test/jobs';
import { anyActive, canCancel, canRetry, isActive, jobMessage, jobSubject, jobTitle, progressView } from './states';

describe('job states', () => {
  it('knows which states may still change', () => {
    expect(['QUEUED', 'RUNNING', 'RETRYING'].every((state) => isActive(job('j', { state: state as never })))).toBe(true);
    expect(['SUCCEEDED', 'DEAD', 'CANCELLED'].some((state) => isActive(job('j', { state: state as never })))).toBe(false);
    expect(anyActive([job('a'), job('b', { state: 'RUNNING' })])).toBe(true);
    expect(anyActive([job('a'), job('b', { state: 'DEAD' })])).toBe(false);
    expect(anyActive([])).toBe(false);
    expect(anyActive(undefined)).toBe(false);
  });

  it('offers retry and cancel only where the server accepts them', () => {
    expect(canRetry(job('j', { state: 'DEAD' }))).toBe(true);
    expect(canRetry(job('j', { state: 'CANCELLED' }))).toBe(true);
    expect(canRetry(job('j', { state: 'RETRYING' }))).toBe(true);
    expect(canRetry(job('j', { state: 'QUEUED' }))).toBe(false);
    expect(canRetry(job('j', { state: 'RUNNING' }))).toBe(false);
    expect(canRetry(job('j', { state: 'SUCCEEDED' }))).toBe(false);

    expect(canCancel(job('j', { state: 'QUEUED' }))).toBe(true);
    expect(canCancel(job('j', { state: 'RETRYING' }))).toBe(true);
    expect(canCancel(job('j', { state: 'RUNNING' }))).toBe(true);
    expect(canCancel(job('j', { state: 'RUNNING', cancelRequested: true }))).toBe(false);
    expect(canCancel(job('j', { state: 'SUCCEEDED' }))).toBe(false);
    expect(canCancel(job('j', { state: 'DEAD' }))).toBe(false);
  });
});

describe('progressView', () => {
  it('shows the fraction as a percentage, never 100% while still running', () => {
    expect(progressView(job('j', { state: 'RUNNING', progress: { done: 3, total: 12, fraction: 0.25, message: 'reading' } }))).toEqual({
      percent: 25,
      status: 'active',
      done: 3,
      total: 12,
      message: 'reading',
    });
    expect(progressView(job('j', { state: 'RUNNING', progress: { done: 999, total: 1000, fraction: 0.999, message: null } })).percent).toBe(99);
  });

  it('has no percentage when the total is unknown, but says how much is done', () => {
    const view = progressView(job('j', { state: 'RUNNING', progress: { done: 40, total: null, fraction: null, message: null } }));
    expect(view.percent).toBeNull();
    expect(view.done).toBe(40);
  });

  it('shows finished jobs as such', () => {
    expect(progressView(job('j', { state: 'SUCCEEDED', progress: null }))).toMatchObject({ percent: 100, status: 'success' });
    expect(progressView(job('j', { state: 'DEAD', progress: { done: 1, total: 4, fraction: 0.25, message: null } }))).toMatchObject({
      percent: 25,
      status: 'exception',
    });
    expect(progressView(job('j', { state: 'CANCELLED', progress: null }))).toMatchObject({ percent: null, status: 'normal' });
    expect(progressView(job('j', { state: 'QUEUED', progress: null }))).toMatchObject({ percent: 0, status: 'active' });
  });
});

describe('jobTitle', () => {
  const en = translator('en');
  const zh = translator('zh');
  it('names known kinds in words, with what they work on', () => {
    expect(jobTitle(job('j'), en)).toBe('Catalog sync · feed');
    expect(jobTitle(job('j'), zh)).toBe('商品目录同步 · feed');
    expect(jobTitle(job('j', { result: null }), en)).toBe('Catalog sync');
    expect(jobTitle(job('j', { kind: 'acme.export', result: { count: 3 } }), en)).toBe('acme.export');
    expect(jobSubject(job('j', { result: ['x'] }))).toBeNull();
  });
});

describe('jobMessage', () => {
  const zh = translator('zh');
  it('says a catalog sync in the UI language, other kinds as written', () => {
    const running = { kind: 'catalog.sync', result: null, progress: { done: 0, total: null, fraction: null, message: 'reading feed' } };
    expect(jobMessage(running, zh)).toBe('正在读取 feed…');
    const done = { ...running, result: { source: 'feed', kind: 'incremental', counts: { product: { created: 1 } } }, progress: { ...running.progress, message: 'feed (incremental): products 1 created' } };
    expect(jobMessage(done, zh)).toBe('feed（增量）：商品：新增 1');
    expect(jobMessage({ ...running, kind: 'acme.export' }, zh)).toBe('reading feed');
  });
});
