// Block settings forms: which fields hold an image ref (they get the image input), checking an
// image ref, and where the server's field errors of saveContentDraft belong.

import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import type { FieldError } from '../api';
import { prepareConfigSchema } from '../pages/plugins/schema';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The rjsf widget name of the image ref input. */
export const IMAGE_WIDGET = 'imageRef';

const IMAGE_NAMES = new Set(['image', 'cover', 'logo', 'image_ref']);

/** Whether a property of a block's schema holds an image ref: marked so, or named like one. */
export function isImageField(name: string, prop: Json): boolean {
  const type = prop.type;
  const isString = type === 'string' || (Array.isArray(type) && type.includes('string'));
  if (!isString) return false;
  return prop.format === 'image-ref' || prop['x-image'] === true || prop['x-widget'] === 'image' || IMAGE_NAMES.has(name);
}

function resolve(node: Json, root: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
  const defs = match ? root[match[1]] : undefined;
  const target = match && isObject(defs) ? defs[match[2]] : undefined;
  return isObject(target) ? { ...target, ...node } : node;
}

function uiFor(node: Json, root: Json, depth: number): UiSchema | undefined {
  if (depth > 6) return undefined;
  const resolved = resolve(node, root);
  if (resolved.type === 'array' && isObject(resolved.items)) {
    const items = uiFor(resolved.items, root, depth + 1);
    return items ? { items } : undefined;
  }
  if (!isObject(resolved.properties)) return undefined;
  const out: UiSchema = {};
  for (const [name, value] of Object.entries(resolved.properties)) {
    if (!isObject(value)) continue;
    const prop = resolve(value, root);
    const names = prop['x-enumNames'];
    if (isImageField(name, prop)) out[name] = { 'ui:widget': IMAGE_WIDGET };
    else if (Array.isArray(names)) out[name] = { 'ui:enumNames': names.map(String) };
    else {
      const inner = uiFor(prop, root, depth + 1);
      if (inner) out[name] = inner;
    }
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * The uiSchema of a block type's form: the image input for every image field, at any depth, and
 * the server's option names (`x-enumNames`) for its choices.
 */
export function blockUiSchema(schema: RJSFSchema): UiSchema {
  return {
    'ui:submitButtonOptions': { norender: true },
    ...(isObject(schema) ? uiFor(schema as Json, schema as Json, 0) : undefined),
  };
}

/**
 * pydantic writes an optional nested model (`rule: GridRule | None`) as `anyOf: [{$ref}, {type:
 * null}]`, which rjsf shows as an option picker: show the model's fields instead (filled in, it
 * is what the server keeps anyway).
 */
function foldNullableRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(foldNullableRefs);
  if (!isObject(node)) return node;
  const out: Json = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'default' || k === 'enum' ? v : foldNullableRefs(v)]));
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const refs = anyOf.filter((b) => isObject(b) && typeof b.$ref === 'string');
    const nulls = anyOf.filter((b) => isObject(b) && b.type === 'null');
    if (refs.length === 1 && nulls.length === 1) {
      const { anyOf: _dropped, default: fallback, ...rest } = out;
      void _dropped;
      return { ...(refs[0] as Json), ...rest, ...(fallback === null || fallback === undefined ? {} : { default: fallback }) };
    }
  }
  return out;
}

/** A block type's schema as the form renders it (nullable fields folded, no model title). */
export function blockFormSchema(schema: unknown): RJSFSchema {
  return prepareConfigSchema(foldNullableRefs(schema), []).schema;
}

/** Whether `value` is an image ref the server takes: a media id (24 hex) or an https:// URL. */
export function isImageRef(value: string): boolean {
  if (/^[0-9a-f]{24}$/i.test(value)) return true;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

interface ErrorNode {
  __errors?: string[];
  [key: string]: ErrorNode | string[] | undefined;
}

/** saveContentDraft's field errors, sorted by where the editor shows them. */
export interface DraftFieldErrors {
  /** By block id, for that block form's rjsf `extraErrors`. */
  blocks: Record<string, ErrorSchema>;
  /** By page field (title, seoTitle, seoDescription, bodyHtml, excerpt, cover). */
  fields: Record<string, string>;
  /** Whatever belongs to no field shown, with its path spelled out. */
  other: string[];
}

const PAGE_FIELDS: Record<string, string> = {
  title: 'title',
  seoTitle: 'seoTitle',
  seo_title: 'seoTitle',
  seoDescription: 'seoDescription',
  seo_description: 'seoDescription',
  bodyHtml: 'bodyHtml',
  body_html: 'bodyHtml',
  excerpt: 'excerpt',
  cover: 'cover',
};

/**
 * Put the server's field errors where they belong. Paths may start with "data" (the input
 * argument); a block's are ["blocks", <index>, "settings", <field>, ...] (the index in the list
 * that was sent, `sent`).
 */
export function splitDraftErrors(fields: readonly FieldError[], sent: readonly { id: string }[]): DraftFieldErrors {
  const result: DraftFieldErrors = { blocks: {}, fields: {}, other: [] };
  for (const { path, message } of fields) {
    const parts = [...path];
    if (parts[0] === 'data') parts.shift();
    const [root, index, ...rest] = parts;
    if (root === 'blocks' && typeof index === 'number' && sent[index]) {
      const inner = rest[0] === 'settings' ? rest.slice(1) : rest;
      const errors = (result.blocks[sent[index].id] ??= {}) as ErrorNode;
      let node = errors;
      for (const part of inner) {
        const key = String(part);
        const child = node[key];
        node = (child && !Array.isArray(child) ? child : (node[key] = {})) as ErrorNode;
      }
      (node.__errors ??= []).push(message);
      continue;
    }
    const field = typeof root === 'string' && parts.length === 1 ? PAGE_FIELDS[root] : undefined;
    if (field) {
      result.fields[field] ??= message;
      continue;
    }
    const where = parts.join('.');
    result.other.push(where ? `${where}: ${message}` : message);
  }
  return result;
}
