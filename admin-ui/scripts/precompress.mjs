// Writes a Brotli (.br) and a gzip (.gz) copy next to every compressible file of the build, once,
// at the highest levels, so the server sends the precompressed copy instead of compressing each
// response on the fly (core/web/admin_ui.py picks the best one the browser accepts).
// Usage: node scripts/precompress.mjs [dist]
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg', '.json', '.txt']);
const MIN_BYTES = 1024;

const dist = process.argv[2] ?? new URL('../dist/', import.meta.url).pathname;

function* files(folder) {
  for (const name of readdirSync(folder)) {
    const file = join(folder, name);
    if (statSync(file).isDirectory()) yield* files(file);
    else yield file;
  }
}

let written = 0;
for (const file of [...files(dist)]) {
  if (!COMPRESSIBLE.has(extname(file))) continue;
  const raw = readFileSync(file);
  if (raw.length < MIN_BYTES) continue;
  const copies = {
    '.br': brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    }),
    '.gz': gzipSync(raw, { level: 9 }),
  };
  for (const [suffix, bytes] of Object.entries(copies)) {
    if (bytes.length >= raw.length) continue;
    writeFileSync(file + suffix, bytes);
    written += 1;
  }
}
console.log(`precompressed: ${written} file(s) in ${dist}`);
