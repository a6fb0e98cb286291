// The block list of a page's draft, as the editor changes it: pure functions, each returning a
// new list (React state is never changed in place).

/** One block as the editor holds it: what saveContentDraft sends. */
export interface EditorBlock {
  id: string;
  type: string;
  settings: Record<string, unknown>;
}

/** A new block id: 32 hex digits, the form the server gives its own (a uuid4 without dashes). */
export function newBlockId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

/**
 * The list with the block at `from` moved to `to` (both indexes in the list as it is). Indexes
 * outside the list, or equal, give the list back unchanged (the same array).
 */
export function moveBlock<T>(blocks: readonly T[], from: number, to: number): readonly T[] {
  if (from === to || from < 0 || to < 0 || from >= blocks.length || to >= blocks.length) return blocks;
  const next = [...blocks];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}

/** The list with block `id` moved one place up (delta -1) or down (+1); unchanged at an end. */
export function moveBlockBy(blocks: readonly EditorBlock[], id: string, delta: -1 | 1): readonly EditorBlock[] {
  const from = blocks.findIndex((b) => b.id === id);
  if (from < 0) return blocks;
  return moveBlock(blocks, from, from + delta);
}

/** The list with the block `activeId` put where block `overId` is (what a finished drag asks). */
export function moveBlockOnto(blocks: readonly EditorBlock[], activeId: string, overId: string | null): readonly EditorBlock[] {
  if (overId === null) return blocks;
  return moveBlock(
    blocks,
    blocks.findIndex((b) => b.id === activeId),
    blocks.findIndex((b) => b.id === overId),
  );
}

/** The list with a new block of `type` appended (its settings from the schema's defaults). */
export function addBlock(blocks: readonly EditorBlock[], type: string, schema: unknown, id: string = newBlockId()): readonly EditorBlock[] {
  return [...blocks, { id, type, settings: schemaDefaults(schema) }];
}

/** The list without block `id`. */
export function removeBlock(blocks: readonly EditorBlock[], id: string): readonly EditorBlock[] {
  return blocks.filter((b) => b.id !== id);
}

/** The list with block `id`'s settings replaced. */
export function updateBlockSettings(blocks: readonly EditorBlock[], id: string, settings: Record<string, unknown>): readonly EditorBlock[] {
  return blocks.map((b) => (b.id === id ? { ...b, settings } : b));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The top-level `default`s of an object schema (a new block starts with them; the rest is empty). */
export function schemaDefaults(schema: unknown): Record<string, unknown> {
  if (!isObject(schema) || !isObject(schema.properties)) return {};
  const out: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(schema.properties)) {
    if (isObject(prop) && 'default' in prop && prop.default !== null && prop.default !== undefined) {
      out[name] = structuredClone(prop.default);
    }
  }
  return out;
}

/**
 * A short line saying what a block holds, for its row in the list (its heading, else the first
 * short text of its settings), or '' when it has none yet.
 */
export function blockSummary(block: EditorBlock): string {
  const { settings } = block;
  for (const key of ['heading', 'title', 'code', 'subheading']) {
    const value = settings[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  if (typeof settings.html === 'string') {
    const text = settings.html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    if (text) return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  }
  return '';
}
