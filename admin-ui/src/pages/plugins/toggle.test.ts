import { describe, expect, it, vi } from 'vitest';
import { toggleOptimistically, type Toggleable } from './toggle';

interface Item extends Toggleable {
  health: string;
}

function store(initial: Item[]) {
  let items = initial;
  const history: boolean[] = [];
  return {
    get: (name: string) => items.find((i) => i.name === name)!,
    history,
    update: (name: string, change: (current: Item) => Item) => {
      items = items.map((i) => (i.name === name ? change(i) : i));
      history.push(items.find((i) => i.name === name)!.enabled);
    },
  };
}

describe('toggleOptimistically', () => {
  it('shows the new state before the server answers, then takes the server’s version', async () => {
    const s = store([{ name: 'feed', enabled: false, health: 'UNKNOWN' }]);
    let resolve!: (item: Item) => void;
    const commit = vi.fn(() => new Promise<Item>((r) => (resolve = r)));
    const onError = vi.fn();
    const onSuccess = vi.fn();
    const done = toggleOptimistically({ update: s.update, commit, onError, onSuccess }, 'feed', false, true);
    expect(s.get('feed').enabled).toBe(true); // optimistic
    expect(commit).toHaveBeenCalledWith('feed', true);
    resolve({ name: 'feed', enabled: true, health: 'OK' });
    await expect(done).resolves.toBe(true);
    expect(s.get('feed')).toEqual({ name: 'feed', enabled: true, health: 'OK' });
    expect(onSuccess).toHaveBeenCalledWith({ name: 'feed', enabled: true, health: 'OK' });
    expect(onError).not.toHaveBeenCalled();
  });

  it('rolls back and reports when the server refuses', async () => {
    const s = store([{ name: 'webhook', enabled: true, health: 'OK' }]);
    const refusal = Object.assign(new Error('you may not do this in this shop'), { code: 'FORBIDDEN' });
    const commit = vi.fn(async () => Promise.reject(refusal));
    const onError = vi.fn();
    await expect(toggleOptimistically({ update: s.update, commit, onError }, 'webhook', true, false)).resolves.toBe(false);
    expect(s.history).toEqual([false, true]); // off at once, then back on
    expect(s.get('webhook')).toEqual({ name: 'webhook', enabled: true, health: 'OK' });
    expect(onError).toHaveBeenCalledWith(refusal, 'webhook', false);
  });
});
