import type { MessageKey, Translate } from '../i18n';

/**
 * One bad input field as the server names it: `path` like ["config", "url"]. A server may add a
 * stable `code` (e.g. "missing", "url_parsing") and its `params` ({"min_length": 8}): the UI then
 * says it in the seller's language (fieldMessage) instead of showing the server's words.
 */
export interface FieldError {
  path: (string | number)[];
  message: string;
  code?: string;
  params?: Record<string, unknown>;
}

/** One error object of a GraphQL response (or of a refused HTTP request). */
export interface GraphQLErrorPayload {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; fields?: FieldError[]; [key: string]: unknown };
}

/**
 * Codes this client knows. The server's codes come in `extensions.code`; NETWORK_ERROR and
 * BAD_RESPONSE are the client's own (no answer, or an answer that is not GraphQL JSON).
 */
export const KNOWN_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'QUERY_TOO_COSTLY',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_LARGE',
  'TOO_MANY_ALIASES',
  'PAYLOAD_TOO_LARGE',
  'PLUGIN_ERROR',
  'PLUGIN_NOT_READY',
  'SHOP_SUSPENDED',
  'NETWORK_ERROR',
  'BAD_RESPONSE',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof KNOWN_CODES)[number];

/** An error from the admin API, with its stable code and the server's own message. */
export class ApiError extends Error {
  readonly code: string;
  readonly fields: FieldError[];
  readonly status: number | undefined;
  readonly errors: GraphQLErrorPayload[];

  constructor(
    code: string,
    message: string,
    options: { fields?: FieldError[]; status?: number; errors?: GraphQLErrorPayload[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ApiError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.status = options.status;
    this.errors = options.errors ?? [];
  }

  static fromPayload(error: GraphQLErrorPayload, status?: number, all?: GraphQLErrorPayload[]): ApiError {
    const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR';
    const fields = Array.isArray(error.extensions?.fields) ? error.extensions.fields : [];
    return new ApiError(code, error.message || code, { fields, status, errors: all ?? [error] });
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Anything thrown, as an ApiError (unknown throwables become code UNKNOWN). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof Error) return new ApiError('UNKNOWN', error.message, { cause: error });
  return new ApiError('UNKNOWN', String(error));
}

export function isKnownCode(code: string): code is ErrorCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

/** The message key of a code: its own for known codes, the generic one otherwise. */
export function errorMessageKey(code: string): MessageKey {
  return isKnownCode(code) ? (`errors.${code}` as MessageKey) : 'errors.UNKNOWN';
}

export interface ErrorDescription {
  /** A friendly, translated sentence for the code. */
  title: string;
  /** The server's (or browser's) own message, when it adds something: shown as the detail. */
  detail?: string;
  code: string;
}

/**
 * Describe an error for people: a translated sentence chosen by the code, and the server's
 * message as the detail. `overrides` lets a page say it better for a code in its context (the
 * login form says "wrong email or password" for UNAUTHENTICATED).
 */
export function describeError(
  error: unknown,
  t: Translate,
  overrides: Partial<Record<string, MessageKey>> = {},
): ErrorDescription {
  const apiError = toApiError(error);
  const key = overrides[apiError.code] ?? errorMessageKey(apiError.code);
  const title = t(key);
  const raw = apiError.message.trim();
  const detail = raw && raw !== apiError.code && raw !== title ? raw : undefined;
  return { title, detail, code: apiError.code };
}

/** Field error codes the UI says in words (pydantic's error types and CloudCat's own). */
export const FIELD_CODES = [
  'missing',
  'required',
  'string_too_short',
  'string_too_long',
  'string_type',
  'string_pattern_mismatch',
  'url_parsing',
  'url_scheme',
  'url_type',
  'int_parsing',
  'int_type',
  'float_parsing',
  'bool_parsing',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'enum',
  'literal_error',
  'extra_forbidden',
  'value_error',
  'invalid_email',
  'taken',
] as const;

type FieldCode = (typeof FIELD_CODES)[number];

function isFieldCode(code: string): code is FieldCode {
  return (FIELD_CODES as readonly string[]).includes(code);
}

/**
 * One field error in the seller's language: the words for its `code` when the server gave a
 * known one (its `params`, e.g. min_length, filled in), else the server's message (which the
 * server localises by Accept-Language).
 */
export function fieldMessage(field: Pick<FieldError, 'message' | 'code' | 'params'>, t: Translate): string {
  if (!field.code || !isFieldCode(field.code)) return field.message;
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(field.params ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') vars[name] = value;
    else if (Array.isArray(value)) vars[name] = value.map(String).join(', ');
  }
  return t(`fieldErrors.${field.code}` as MessageKey, vars);
}

/** The error's field errors with their messages said in the seller's language (fieldMessage). */
export function localizedFields(fields: readonly FieldError[], t: Translate): FieldError[] {
  return fields.map((field) => ({ ...field, message: fieldMessage(field, t) }));
}

/**
 * Field errors keyed by field name, for plain (non-rjsf) forms. The server names fields by path
 * (["slug"], or ["input", "name"] for fields of an input object); `prefixes` are the leading path
 * parts to skip. The first message wins per field; with `t`, coded messages are translated.
 */
export function fieldErrorsByName(error: unknown, prefixes: string[] = ['input'], t?: Translate): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isApiError(error)) return result;
  for (const field of t ? localizedFields(error.fields, t) : error.fields) {
    const path = [...field.path];
    while (path.length > 1 && typeof path[0] === 'string' && prefixes.includes(path[0])) path.shift();
    const name = path.map(String).join('.');
    if (name && !(name in result)) result[name] = field.message;
  }
  return result;
}
