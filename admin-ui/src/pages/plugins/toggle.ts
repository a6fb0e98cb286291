/** Anything with a name and an on/off state (a shop's plugin). */
export interface Toggleable {
  name: string;
  enabled: boolean;
}

export interface ToggleDeps<S extends Toggleable> {
  /** Change one item of the local state (by name) with `change`. */
  update: (name: string, change: (current: S) => S) => void;
  /** Ask the server; resolves with the item as the server now has it. */
  commit: (name: string, enabled: boolean) => Promise<S>;
  /** Told after a refusal, once the switch is back where it was. */
  onError: (error: unknown, name: string, enabled: boolean) => void;
  onSuccess?: (fresh: S) => void;
}

/**
 * Flip a switch optimistically: show the new state at once, ask the server, then take the
 * server's answer as the truth; if it refuses, put the switch back to `from` and report why.
 * Resolves to whether the server accepted.
 */
export async function toggleOptimistically<S extends Toggleable>(
  deps: ToggleDeps<S>,
  name: string,
  from: boolean,
  to: boolean,
): Promise<boolean> {
  deps.update(name, (current) => ({ ...current, enabled: to }));
  let fresh: S;
  try {
    fresh = await deps.commit(name, to);
  } catch (error) {
    deps.update(name, (current) => ({ ...current, enabled: from }));
    deps.onError(error, name, to);
    return false;
  }
  deps.update(name, () => fresh);
  deps.onSuccess?.(fresh);
  return true;
}
