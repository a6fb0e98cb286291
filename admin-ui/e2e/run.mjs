#!/usr/bin/env node
// `npm run e2e`: start ONE live CloudCat (server + worker on the embedded database, serving
// admin-ui/dist), run every e2e/*.test.mjs file against it with Node's test runner (TAP output,
// whose summary ends with "# pass N" / "# fail N"), then stop CloudCat whatever happened.
//
//   node e2e/run.mjs                 # every test file
//   node e2e/run.mjs keys jobs       # only files whose name contains one of these words
//
// Env: CLOUDCAT_BIN (default ../.venv/bin/cloudcat), CHROMIUM_PATH (default /usr/bin/chromium),
// E2E_CONCURRENCY (test files run at once, default 2), E2E_TIMEOUT_SECONDS (the whole run, default 600).

import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCREENSHOTS, assertChromium } from './support/browser.mjs';
import { startCloudCat } from './support/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.test.mjs'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort()
  .map((name) => path.join(here, name));
if (files.length === 0) {
  console.error(`no e2e test file matches ${filters.join(', ')}`);
  process.exit(2);
}

// Screenshots of this run only (test-artifacts/ is git-ignored).
if (filters.length === 0) rmSync(SCREENSHOTS, { recursive: true, force: true });

const started = Date.now();
let cloudcat = null;
let runner = null;
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  if (runner && runner.exitCode === null) runner.kill('SIGTERM');
  await cloudcat?.stop();
  console.log(`# e2e: ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(130));

try {
  assertChromium();
  cloudcat = await startCloudCat();
} catch (error) {
  console.error(`# e2e: setup failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
console.log(`# e2e: CloudCat at ${cloudcat.url} (data in ${cloudcat.dataDir}), up in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const args = [
  '--test',
  '--test-reporter=tap',
  `--test-concurrency=${process.env.E2E_CONCURRENCY || 2}`,
  '--test-timeout=120000',
  ...files,
];
runner = spawn(process.execPath, args, {
  stdio: 'inherit',
  env: { ...process.env, CLOUDCAT_E2E_URL: cloudcat.url, CLOUDCAT_E2E_OPERATOR: cloudcat.operator ?? '' },
});
// A bound on the whole run, whatever hangs: each test has its own (--test-timeout) too.
const limit = Number(process.env.E2E_TIMEOUT_SECONDS || 600);
const watchdog = setTimeout(() => {
  console.log(`# e2e: the run took longer than ${limit} s: stopping it`);
  runner.kill('SIGTERM');
}, limit * 1000);
const code = await new Promise((resolve) => {
  runner.on('exit', (exitCode, signal) => {
    clearTimeout(watchdog);
    resolve(exitCode ?? (signal ? 1 : 0));
  });
  runner.on('error', (error) => {
    console.error(error);
    resolve(1);
  });
});
const serverLines = [...cloudcat.logs, ...(cloudcat.logs.workerLogs ?? [])].slice(-60);
if (code !== 0 && serverLines.length) {
  console.log('# e2e: the last lines of the server and worker logs:');
  for (const line of serverLines) console.log(`#   ${line}`);
}
await shutdown(code);
