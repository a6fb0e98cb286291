import type { JobFieldsFragment, JobState } from '../gql/graphql';
import type { MessageKey, Translate } from '../i18n';
import { syncResultSummary } from '../pages/catalog/catalog';

export type JobInfo = JobFieldsFragment;

/** States in which a job may still change (and the page polls). */
export const ACTIVE_STATES: readonly JobState[] = ['QUEUED', 'RUNNING', 'RETRYING'];
export const ALL_STATES: readonly JobState[] = ['QUEUED', 'RUNNING', 'RETRYING', 'SUCCEEDED', 'DEAD', 'CANCELLED'];

export function isActive(job: Pick<JobInfo, 'state'>): boolean {
  return ACTIVE_STATES.includes(job.state);
}

/** Whether any of `jobs` may still change. */
export function anyActive(jobs: readonly Pick<JobInfo, 'state'>[] | undefined | null): boolean {
  return Boolean(jobs?.some(isActive));
}

/** The server re-queues dead, cancelled and retrying (waiting for its backoff) jobs. */
export function canRetry(job: Pick<JobInfo, 'state'>): boolean {
  return job.state === 'DEAD' || job.state === 'CANCELLED' || job.state === 'RETRYING';
}

/** Queued, retrying and running jobs can be cancelled (a running one stops at its next check). */
export function canCancel(job: Pick<JobInfo, 'state' | 'cancelRequested'>): boolean {
  return isActive(job) && !(job.state === 'RUNNING' && job.cancelRequested);
}

export const STATE_COLOR: Record<JobState, string> = {
  QUEUED: 'default',
  RUNNING: 'processing',
  RETRYING: 'warning',
  SUCCEEDED: 'success',
  DEAD: 'error',
  CANCELLED: 'default',
};

export interface ProgressView {
  /** 0–100, or null when the total is unknown (then `done` says how far it got). */
  percent: number | null;
  status: 'active' | 'success' | 'exception' | 'normal';
  done: number | null;
  total: number | null;
  message: string | null;
}

/** How to draw a job's progress bar. */
export function progressView(job: Pick<JobInfo, 'state' | 'progress'>): ProgressView {
  const p = job.progress;
  const status: ProgressView['status'] =
    job.state === 'SUCCEEDED' ? 'success' : job.state === 'DEAD' ? 'exception' : isActive(job) ? 'active' : 'normal';
  let percent: number | null = null;
  if (p?.fraction != null) percent = Math.round(Math.max(0, Math.min(1, p.fraction)) * 100);
  else if (job.state === 'SUCCEEDED') percent = 100;
  else if (job.state === 'QUEUED' && !p) percent = 0;
  // A job still running is never shown as finished by rounding.
  if (percent === 100 && status === 'active') percent = 99;
  return { percent, status, done: p?.done ?? null, total: p?.total ?? null, message: p?.message ?? null };
}

/** Message key of a job kind; unknown kinds are shown as the server names them. */
const KIND_LABELS: Record<string, MessageKey> = { 'catalog.sync': 'jobs.kind.catalogSync' };

export function kindLabelKey(kind: string): MessageKey | undefined {
  return KIND_LABELS[kind];
}

/** What a job works on, when its result says (a catalog sync's source). */
export function jobSubject(job: Pick<JobInfo, 'result'>): string | null {
  const result = job.result;
  if (result && typeof result === 'object' && 'source' in result) {
    const source = (result as { source?: unknown }).source;
    if (typeof source === 'string' && source) return source;
  }
  return null;
}

/** A job's name for people: "Catalog sync · feed", or the kind as the server names it. */
export function jobTitle(job: Pick<JobInfo, 'kind' | 'result'>, t: Translate): string {
  const key = kindLabelKey(job.kind);
  const subject = jobSubject(job);
  const kind = key ? t(key) : job.kind;
  return subject ? `${kind} · ${subject}` : kind;
}

/**
 * A job's progress message in the UI's language: a finished catalog sync's summary from its
 * result, "Reading <source>…" for the sync's start; other messages as the handler wrote them.
 */
export function jobMessage(job: Pick<JobInfo, 'kind' | 'result' | 'progress'>, t: Translate): string | null {
  const message = job.progress?.message ?? null;
  if (job.kind !== 'catalog.sync') return message;
  const summary = syncResultSummary(job.result, t);
  if (summary) return summary;
  const reading = message ? /^reading (\S+)$/.exec(message) : null;
  return reading ? t('jobs.msg.reading', { source: reading[1] }) : message;
}
