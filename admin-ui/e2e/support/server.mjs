// One live CloudCat for the end-to-end run: `cloudcat serve` on a free port, on the embedded
// database (SecantusDB, started by the server in a fresh data folder), serving the built admin UI,
// with job worker threads in the same process (`--worker 2`) so that jobs (catalog syncs) run.
//
// e2e/run.mjs starts it once for all test files and hands its address to them in
// CLOUDCAT_E2E_URL; a test file run on its own (`node --test e2e/x.test.mjs`) starts its own.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const UI_ROOT = path.resolve(here, '..', '..');
export const REPO_ROOT = path.resolve(UI_ROOT, '..');
export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');

const READY_TIMEOUT_MS = 60_000;

/** The operator account every run seeds (when the server has operators): see operator.test.mjs. */
export const OPERATOR = { email: 'e2e-operator@example.test', password: 'e2e-Operator-123' };

/**
 * Whether this checkout's server has operators (issue 8): the admin schema in the repository
 * defines `operatorShops` and the `cloudcat operator` command exists (the UI's copy of the schema
 * can be ahead of the server). The operator seed and the operator tests run only then.
 */
async function serverHasOperators(bin, env) {
  let sdl = '';
  try {
    sdl = readFileSync(path.join(REPO_ROOT, 'schema', 'sdl', 'admin.graphql'), 'utf8');
  } catch {
    return false;
  }
  if (!sdl.includes('operatorShops')) return false;
  return runCli(bin, ['operator', '--help'], env).then(
    () => true,
    () => false,
  );
}

/** Run `cloudcat <args>` to the end with `env`; rejects with its output when it fails. */
function runCli(bin, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`cloudcat ${args.join(' ')} failed (${code}): ${output}`))));
  });
}

/**
 * Create the operator's account through the API and make it an operator with the CLI
 * (`cloudcat operator grant EMAIL`), on the server's embedded database (its port is in the name
 * of the database's log in the data folder).
 */
async function seedOperator(bin, url, dataDir, env) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({
      query: 'mutation($email: String!, $password: String!) { signUp(email: $email, password: $password, name: "E2E Operator") { id } }',
      variables: OPERATOR,
    }),
  });
  const body = await response.json();
  if (body.errors?.length) throw new Error(`signing up the operator: ${JSON.stringify(body.errors)}`);
  const log = readdirSync(dataDir).map((name) => /^secantusd-(\d+)\.log$/.exec(name)).find(Boolean);
  if (!log) throw new Error(`the embedded database's port is not in ${dataDir}`);
  await runCli(bin, ['operator', 'grant', OPERATOR.email], { ...env, CLOUDCAT_MONGODB_URI: `mongodb://127.0.0.1:${log[1]}` });
}

/** A free TCP port on 127.0.0.1 (the OS picks it; a tiny race with other programs remains). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function cloudcatBin() {
  const bin = process.env.CLOUDCAT_BIN || path.join(REPO_ROOT, '.venv', 'bin', 'cloudcat');
  if (!existsSync(bin)) {
    throw new Error(`the cloudcat command is not at ${bin}: run \`make\` (the Python install) or set CLOUDCAT_BIN`);
  }
  return bin;
}

function uiDist() {
  const dist = process.env.CLOUDCAT_ADMIN_UI_DIST || path.join(UI_ROOT, 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`the admin UI is not built (${dist}/index.html is missing): run \`npm run build\` or \`make admin-ui\``);
  }
  return dist;
}

/** Keep the last lines a child printed, to show when something goes wrong. */
function tail(child, name, limit = 80) {
  const lines = [];
  const take = (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line || line.includes(' cloudcat.access ')) continue; // one line per request: noise
      lines.push(`[${name}] ${line}`);
      if (lines.length > limit) lines.shift();
    }
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return lines;
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export function stopProcess(child, graceMs = 5_000) {
  if (!child || exited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (!exited(child)) child.kill('SIGKILL');
    }, graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function waitFor(what, check, { timeoutMs, child, logs }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (child && exited(child)) {
      throw new Error(`${what}: the process exited (${child.exitCode ?? child.signalCode})\n${logs.join('\n')}`);
    }
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${what}: not ready after ${timeoutMs} ms (${lastError?.message ?? 'no answer'})\n${logs.join('\n')}`);
}

/**
 * Start CloudCat. Returns { url, dataDir, logs, stop(), operator } (`operator`: the seeded
 * operator's email, null when the server has no operators). `stop` is safe to call twice and
 * always removes the data folder.
 */
export async function startCloudCat() {
  const bin = cloudcatBin();
  const dist = uiDist();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cloudcat-e2e-'));
  const env = {
    ...process.env,
    CLOUDCAT_ENVIRONMENT: 'test',
    CLOUDCAT_SECRET_KEY: randomBytes(36).toString('base64url'), // 48 characters
    CLOUDCAT_DATA_DIR: dataDir,
    CLOUDCAT_PUBLIC_URL: url,
    CLOUDCAT_ADMIN_UI_DIST: dist,
    CLOUDCAT_JOB_POLL_SECONDS: '0.25',
    CLOUDCAT_SIGN_UPS_PER_ADDRESS: '500', // every test signs its sellers up from this one address
    CLOUDCAT_HTTP_ALLOW_PRIVATE_NETWORKS: '["127.0.0.0/8", "::1"]', // the loopback feed fake
  };
  delete env.CLOUDCAT_MONGODB_URI; // the embedded database
  delete env.CLOUDCAT_CONFIG_FILE;

  // `--worker 2` runs the job worker inside the server process, on the same embedded database.
  const server = spawn(bin, ['serve', '--host', '127.0.0.1', '--port', String(port), '--worker', '2'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs = tail(server, 'serve');
  let stopped = false;
  let operator = null; // the seeded operator's email

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitFor(
      'cloudcat serve',
      async () => (await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) })).ok,
      { timeoutMs: READY_TIMEOUT_MS, child: server, logs },
    );
    if (await serverHasOperators(bin, env)) {
      await seedOperator(bin, url, dataDir, env);
      operator = OPERATOR.email;
    } else {
      console.log('# e2e: this server has no operators (no operatorShops in schema/sdl/admin.graphql, or no `cloudcat operator` command): no operator seeded, operator tests skip');
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dataDir, logs, stop, operator };
}
