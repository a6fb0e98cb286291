import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { usePolling } from './usePolling';

let visibility: DocumentVisibilityState = 'visible';

function setVisibility(next: DocumentVisibilityState) {
  visibility = next;
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeEach(() => {
  vi.useFakeTimers();
  visibility = 'visible';
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
});

afterEach(() => {
  vi.useRealTimers();
});

async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

describe('usePolling', () => {
  it('ticks every interval while active, and stops when it is not', async () => {
    const tick = vi.fn();
    const { rerender, unmount } = renderHook(({ active }) => usePolling(tick, { active, intervalMs: 1000 }), {
      initialProps: { active: true },
    });
    expect(tick).not.toHaveBeenCalled(); // the first tick waits one interval
    await advance(1000);
    expect(tick).toHaveBeenCalledTimes(1);
    await advance(3000);
    expect(tick).toHaveBeenCalledTimes(4);
    rerender({ active: false });
    await advance(5000);
    expect(tick).toHaveBeenCalledTimes(4);
    rerender({ active: true });
    await advance(1000);
    expect(tick).toHaveBeenCalledTimes(5);
    unmount();
    await advance(5000);
    expect(tick).toHaveBeenCalledTimes(5);
  });

  it('never polls while inactive', async () => {
    const tick = vi.fn();
    renderHook(() => usePolling(tick, { active: false, intervalMs: 1000 }));
    await advance(10_000);
    expect(tick).not.toHaveBeenCalled();
  });

  it('waits for a slow tick before scheduling the next', async () => {
    let finish!: () => void;
    const tick = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    renderHook(() => usePolling(tick, { active: true, intervalMs: 1000 }));
    await advance(1000);
    expect(tick).toHaveBeenCalledTimes(1);
    await advance(5000); // still waiting for the server
    expect(tick).toHaveBeenCalledTimes(1);
    await act(async () => finish());
    await advance(1000);
    expect(tick).toHaveBeenCalledTimes(2);
  });

  it('keeps polling after a failed tick', async () => {
    const tick = vi.fn(async () => {
      throw new Error('offline');
    });
    renderHook(() => usePolling(tick, { active: true, intervalMs: 1000 }));
    await advance(3000);
    expect(tick).toHaveBeenCalledTimes(3);
  });

  it('pauses while the page is hidden and ticks at once when it is shown again', async () => {
    const tick = vi.fn();
    renderHook(() => usePolling(tick, { active: true, intervalMs: 1000 }));
    await advance(1000);
    expect(tick).toHaveBeenCalledTimes(1);
    act(() => setVisibility('hidden'));
    await advance(10_000);
    expect(tick).toHaveBeenCalledTimes(1);
    act(() => setVisibility('visible'));
    await advance(0);
    expect(tick).toHaveBeenCalledTimes(2);
    await advance(1000);
    expect(tick).toHaveBeenCalledTimes(3);
  });

  it('does not start while the page is hidden', async () => {
    visibility = 'hidden';
    const tick = vi.fn();
    renderHook(() => usePolling(tick, { active: true, intervalMs: 1000 }));
    await advance(5000);
    expect(tick).not.toHaveBeenCalled();
    act(() => setVisibility('visible'));
    await advance(0);
    expect(tick).toHaveBeenCalledTimes(1);
  });

  it('calls the latest tick function', async () => {
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = renderHook(({ tick }) => usePolling(tick, { active: true, intervalMs: 1000 }), { initialProps: { tick: first } });
    rerender({ tick: second });
    await advance(1000);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
