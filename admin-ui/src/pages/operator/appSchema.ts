/**
 * The app-level fields whose values come from the server settings (TOML / environment): the
 * server marks them `readOnly` in `appConfigSchema`; they win over stored values and cannot be
 * edited in the UI. Their names and titles.
 */
export function settingsProvided(schema: unknown): { names: string[]; titles: string[] } {
  const properties =
    schema && typeof schema === 'object' && 'properties' in schema && schema.properties && typeof schema.properties === 'object'
      ? (schema.properties as Record<string, unknown>)
      : {};
  const names: string[] = [];
  const titles: string[] = [];
  for (const [name, prop] of Object.entries(properties)) {
    if (!prop || typeof prop !== 'object' || (prop as { readOnly?: unknown }).readOnly !== true) continue;
    names.push(name);
    const title = (prop as { title?: unknown }).title;
    titles.push(typeof title === 'string' ? title : name);
  }
  return { names, titles };
}
