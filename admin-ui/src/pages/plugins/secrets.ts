// What the settings form sends as `secrets` to configurePlugin. Secret values are write-only:
// the server says which are set (`secretsSet`) and never returns them. The server reads
// `secrets` as: a string sets that field, null clears it, a field left out keeps its value.

export interface SecretDraft {
  /** What the user typed per secret field (an empty string means nothing typed). */
  typed: Record<string, string>;
  /** Fields the user asked to clear. */
  cleared: Record<string, boolean>;
}

export const EMPTY_DRAFT: SecretDraft = { typed: {}, cleared: {} };

export type SecretsPayload = Record<string, string | null>;

/**
 * The `secrets` argument for configurePlugin: only the fields the user typed (their new value)
 * or cleared (null); a typed value wins over a clear. Fields that are not secret fields of the
 * plugin are never sent. Null when nothing changed, so every stored secret is kept.
 */
export function secretsPayload(secretFields: readonly string[], draft: SecretDraft): SecretsPayload | null {
  const payload: SecretsPayload = {};
  for (const field of secretFields) {
    const typed = draft.typed[field];
    if (typeof typed === 'string' && typed !== '') payload[field] = typed;
    else if (draft.cleared[field]) payload[field] = null;
  }
  return Object.keys(payload).length > 0 ? payload : null;
}

/** What saving will do to a secret field: keep it set, replace it, clear it, or leave it unset. */
export function secretStatus(field: string, secretsSet: readonly string[], draft: SecretDraft): 'set' | 'replace' | 'clear' | 'unset' {
  if (draft.typed[field]) return 'replace';
  if (draft.cleared[field] && secretsSet.includes(field)) return 'clear';
  return secretsSet.includes(field) ? 'set' : 'unset';
}
