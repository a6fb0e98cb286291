/** A theme as the page needs it: its name and whether this shop has it switched on. */
export interface ThemeState {
  name: string;
  enabled: boolean;
}

/**
 * The shop's theme: the one switched on (the first, by name, if several are), else null (the
 * shop has no site yet).
 */
export function currentTheme<T extends ThemeState>(themes: readonly T[]): T | null {
  return [...themes].sort((a, b) => a.name.localeCompare(b.name)).find((t) => t.enabled) ?? null;
}

export interface ThemeChange {
  name: string;
  enabled: boolean;
}

/**
 * What choosing theme `chosen` takes, in order: switch it on first (so the site always has a
 * theme), then switch off every other theme that is on. Nothing when it is already the only one.
 */
export function themeChanges(themes: readonly ThemeState[], chosen: string): ThemeChange[] {
  const target = themes.find((t) => t.name === chosen);
  if (!target) return [];
  const changes: ThemeChange[] = target.enabled ? [] : [{ name: chosen, enabled: true }];
  for (const theme of themes) {
    if (theme.name !== chosen && theme.enabled) changes.push({ name: theme.name, enabled: false });
  }
  return changes;
}

/** The shop's site path on this server (the admin and the site share an origin). */
export function sitePath(slug: string): string {
  return `/s/${encodeURIComponent(slug)}/`;
}

/**
 * A site page's HTML made ready to show in a sandboxed `srcdoc` frame: relative links and
 * assets resolve against `baseUrl`, and links open in a new tab instead of inside the frame.
 */
export function previewDocument(html: string, baseUrl: string): string {
  const base = `<base href="${baseUrl.replace(/"/g, '&quot;')}" target="_blank">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + base + html.slice(head.index + head[0].length);
  return base + html;
}

/** The preview's widths: a phone's (what WeChat links open on) and a desktop's. */
export const PREVIEW_WIDTHS = { phone: 390, desktop: 1280 } as const;
export type PreviewDevice = keyof typeof PREVIEW_WIDTHS;

/** How much a frame `frameWidth` wide is shrunk to fit `available` px (never enlarged). */
export function previewScale(available: number, frameWidth: number): number {
  if (!(available > 0)) return 1;
  return Math.min(1, available / frameWidth);
}
