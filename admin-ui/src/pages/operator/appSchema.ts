/**
 * The app-level fields whose values come from the server settings (TOML / environment): the
 * server lists them in `fromSettings` and marks them `readOnly` in `appConfigSchema`; they win
 * over stored values and cannot be edited in the UI. Their names and titles.
 */
export function settingsProvided(schema: unknown, fromSettings: readonly string[] = []): { names: string[]; titles: string[] } {
  const properties =
    schema && typeof schema === 'object' && 'properties' in schema && schema.properties && typeof schema.properties === 'object'
      ? (schema.properties as Record<string, unknown>)
      : {};
  const names: string[] = [];
  const titles: string[] = [];
  for (const [name, prop] of Object.entries(properties)) {
    const readOnly = Boolean(prop && typeof prop === 'object' && (prop as { readOnly?: unknown }).readOnly === true);
    if (!readOnly && !fromSettings.includes(name)) continue;
    names.push(name);
    const title = prop && typeof prop === 'object' ? (prop as { title?: unknown }).title : undefined;
    titles.push(typeof title === 'string' ? title : name);
  }
  return { names, titles };
}
