import type { RJSFSchema } from '@rjsf/utils';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Information about one secret field, for its write-only input. */
export interface SecretFieldInfo {
  name: string;
  title: string;
  description?: string;
  required: boolean;
}

export interface PreparedSchema {
  /** The schema rjsf renders: the config without its secret fields. */
  schema: RJSFSchema;
  /** The top-level fields the form shows. */
  formFields: string[];
  /** The secret fields, in schema order, for the separate write-only inputs. */
  secrets: SecretFieldInfo[];
}

function titleCase(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * pydantic writes `Optional[str]` as `anyOf: [{type: string, ...}, {type: null}]`, which rjsf
 * shows as a "pick an option" selector. Fold it into one field of `type: [string, null]` (rjsf
 * renders the non-null type) and drop `default: null`, which is what the server does anyway.
 * Other anyOf/oneOf shapes are left alone.
 */
function foldNullable(node: Json): Json {
  const anyOf = node.anyOf;
  if (!Array.isArray(anyOf) || anyOf.length !== 2) return node;
  const nonNull = anyOf.filter((branch) => !(isObject(branch) && branch.type === 'null'));
  if (nonNull.length !== 1 || !isObject(nonNull[0])) return node;
  const branch = nonNull[0];
  if (typeof branch.type !== 'string' || branch.type === 'object' || branch.type === 'array') return node;
  const { anyOf: _dropped, ...outer } = node;
  void _dropped;
  const folded: Json = { ...branch, ...outer, type: [branch.type, 'null'] };
  if (folded.default === null) delete folded.default;
  return folded;
}

function normalize(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalize);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    // Map-valued keywords hold schemas under arbitrary names; the rest are schemas or values.
    if ((key === 'properties' || key === '$defs' || key === 'definitions' || key === 'patternProperties') && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
    } else if (key === 'enum' || key === 'const' || key === 'default' || key === 'examples' || key === 'required') {
      out[key] = value;
    } else {
      out[key] = normalize(value);
    }
  }
  return foldNullable(out);
}

/**
 * Turn a plugin's `configSchema` into what the settings form renders: nullable fields folded,
 * the secret fields (listed in `secretFields`, marked `writeOnly`) taken out to be edited on
 * their own, and the model's class name (e.g. "FeedConfig") dropped as a title.
 */
export function prepareConfigSchema(configSchema: unknown, secretFields: readonly string[]): PreparedSchema {
  const source: Json = isObject(configSchema) ? configSchema : { type: 'object', properties: {} };
  const schema = normalize(source) as Json;
  const properties: Json = isObject(schema.properties) ? { ...schema.properties } : {};
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];

  const secretNames = new Set(secretFields);
  for (const [name, value] of Object.entries(properties)) {
    if (isObject(value) && value.writeOnly === true) secretNames.add(name);
  }

  const secrets: SecretFieldInfo[] = [];
  for (const name of secretNames) {
    const prop = properties[name];
    const info = isObject(prop) ? prop : {};
    secrets.push({
      name,
      title: typeof info.title === 'string' ? info.title : titleCase(name),
      description: typeof info.description === 'string' ? info.description : undefined,
      required: required.includes(name),
    });
    delete properties[name];
  }

  // A property that only points into $defs gets its own name as title, not the class name of
  // the model it points to ("ColumnMapping").
  for (const [name, value] of Object.entries(properties)) {
    if (isObject(value) && typeof value.$ref === 'string' && value.title === undefined) {
      properties[name] = { ...value, title: titleCase(name) };
    }
  }

  // The drawer shows the plugin's own title and description; the model's would repeat them.
  const { title: _title, description: _description, ...rest } = schema;
  void _title;
  void _description;
  const prepared: Json = {
    ...rest,
    type: 'object',
    properties,
    required: required.filter((name) => !secretNames.has(name)),
  };
  if ((prepared.required as string[]).length === 0) delete prepared.required;
  return { schema: prepared as RJSFSchema, formFields: Object.keys(properties), secrets };
}

/** The stored config as form data: only the fields the form shows. */
export function initialFormData(config: unknown, formFields: readonly string[]): Record<string, unknown> {
  if (!isObject(config)) return {};
  return Object.fromEntries(Object.entries(config).filter(([key]) => formFields.includes(key)));
}

/**
 * `configSchema` without the fields in `names` (the operator-managed ones: a seller never sees
 * them, even from a server that still lists them), and the titles of the fields taken out.
 */
export function withoutFields(configSchema: unknown, names: readonly string[]): { schema: unknown; removed: string[] } {
  if (!isObject(configSchema) || names.length === 0) return { schema: configSchema, removed: [] };
  const properties = isObject(configSchema.properties) ? { ...configSchema.properties } : {};
  const removed: string[] = [];
  for (const name of names) {
    const prop = properties[name];
    removed.push(isObject(prop) && typeof prop.title === 'string' ? prop.title : titleCase(name));
    delete properties[name];
  }
  const required = Array.isArray(configSchema.required) ? (configSchema.required as string[]).filter((n) => !names.includes(n)) : undefined;
  return { schema: { ...configSchema, properties, ...(required ? { required } : {}) }, removed };
}
