// Prints the gzip size of the JavaScript a first visit loads (the entry chunk of dist/index.html
// and every chunk it imports statically), and of its stylesheets.
// Usage: node scripts/bundle-size.mjs [--max-initial-kb N]   (exit 1 when the initial JS is over N KB)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<script[^>]+src="\/admin\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/admin\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);

const seen = new Set();
const queue = [...entries, ...preloads];
while (queue.length) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  // Static imports only: `from"./x.js"` and `import"./x.js"`, never `import("./x.js")`.
  for (const m of code.matchAll(/(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g)) queue.push(join('assets', m[1].slice(2)));
}

const gz = (file) => gzipSync(readFileSync(join(dist, file))).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
let initial = 0;
for (const file of seen) initial += gz(file);
console.log(`initial JS (gzip): ${kb(initial)} in ${seen.size} file(s): ${[...seen].join(', ')}`);
const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/admin\/(assets\/[^"]+\.css)"/g)].map((m) => m[1]);
const css = styles.reduce((sum, file) => sum + gz(file), 0);
console.log(`initial CSS (gzip): ${kb(css)} in ${styles.length} file(s) (Ant Design's whole stylesheet: zero-runtime styles)`);

const argIndex = process.argv.indexOf('--max-initial-kb');
if (argIndex > 0) {
  const max = Number(process.argv[argIndex + 1]);
  if (initial / 1024 > max) {
    console.error(`initial JS is over the ${max} KB budget`);
    process.exit(1);
  }
}
