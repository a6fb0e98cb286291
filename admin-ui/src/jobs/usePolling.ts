import { useEffect, useRef } from 'react';

export interface PollingOptions {
  /** Poll only while true (e.g. while a job is queued or running). */
  active: boolean;
  /** Milliseconds between the end of one tick and the start of the next. */
  intervalMs?: number;
}

function pageHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

/**
 * Call `tick` every `intervalMs` while `active`, one at a time (the next waits for the previous
 * to settle), and not at all while the page is hidden: a hidden tab stops polling and, when it
 * is shown again, ticks at once and goes on.
 */
export function usePolling(tick: () => unknown, { active, intervalMs = 1000 }: PollingOptions): void {
  const latest = useRef(tick);
  latest.current = tick;

  useEffect(() => {
    if (!active) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;

    const run = async () => {
      if (stopped || running || pageHidden()) return;
      running = true;
      try {
        await latest.current();
      } catch {
        /* the caller shows its own errors; keep polling */
      } finally {
        running = false;
      }
      schedule();
    };
    const schedule = () => {
      clearTimeout(timer);
      if (stopped || pageHidden()) return;
      timer = setTimeout(() => void run(), intervalMs);
    };
    const onVisibility = () => {
      if (pageHidden()) clearTimeout(timer);
      else void run();
    };

    schedule();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [active, intervalMs]);
}
