import type { ErrorSchema } from '@rjsf/utils';
import type { FieldError } from '../../api';

/** Server field errors sorted by where the settings form shows them. */
export interface SplitFieldErrors {
  /** For rjsf's `extraErrors`: {url: {__errors: [...]}, columns: {id: {__errors: [...]}}}. */
  extraErrors: ErrorSchema;
  /** For the write-only secret inputs, by field name. */
  secretErrors: Record<string, string[]>;
  /** Errors that belong to no field shown (the whole config, unknown fields): shown above the form. */
  formErrors: string[];
}

interface ErrorNode {
  __errors?: string[];
  [key: string]: ErrorNode | string[] | undefined;
}

/**
 * Map configurePlugin's `extensions.fields` (paths like ["config", "url"],
 * ["config", "columns", "id"], ["secrets", "token"]) onto the form: config fields become rjsf
 * extraErrors at the same path, secret fields (wherever the server names them) go to the secret
 * inputs, and anything the form does not show goes to `formErrors` with its path spelled out.
 */
export function splitFieldErrors(
  fields: readonly FieldError[],
  { secretFields, formFields }: { secretFields: readonly string[]; formFields: readonly string[] },
): SplitFieldErrors {
  const extra: ErrorNode = {};
  const secretErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];

  for (const { path, message } of fields) {
    const [root, ...rest] = path;
    const first = rest[0];
    if ((root === 'config' || root === 'secrets') && typeof first === 'string' && secretFields.includes(first)) {
      (secretErrors[first] ??= []).push(message);
      continue;
    }
    if (root !== 'config' || rest.length === 0 || !formFields.includes(String(first))) {
      const where = path.slice(root === 'config' ? 1 : 0).join('.');
      formErrors.push(where ? `${where}: ${message}` : message);
      continue;
    }
    let node = extra;
    for (const part of rest) {
      const key = String(part);
      const child = node[key];
      node = (child && !Array.isArray(child) ? child : (node[key] = {})) as ErrorNode;
    }
    (node.__errors ??= []).push(message);
  }
  return { extraErrors: extra as ErrorSchema, secretErrors, formErrors };
}

/**
 * The server's errors for fields the user has changed since submitting are out of date: drop
 * them (per top-level field), keep the others.
 */
export function pruneChangedErrors(
  errors: ErrorSchema,
  submitted: Record<string, unknown> | undefined,
  current: Record<string, unknown> | undefined,
): ErrorSchema {
  const kept: Record<string, unknown> = {};
  let changed = false;
  for (const [key, value] of Object.entries(errors as Record<string, unknown>)) {
    if (key !== '__errors' && JSON.stringify(submitted?.[key]) !== JSON.stringify(current?.[key])) {
      changed = true;
      continue;
    }
    kept[key] = value;
  }
  return changed ? (kept as ErrorSchema) : errors;
}

export function hasErrors(errors: ErrorSchema): boolean {
  return Object.keys(errors).length > 0;
}
