// A tiny product feed on loopback for the `feed` plugin to sync from (plugins/feed: a JSON
// object with a "products" list; id, title, price and currency per product).
//
// `hold()` makes the next feed requests wait until `release()`, so a test can see a sync job
// while it runs and then let it finish, without sleeping.

import { createServer } from 'node:http';

export function feedProducts(count) {
  const titles = ['Teapot', 'Tea cup', 'Tea tray', 'Kettle', 'Tea caddy', 'Strainer'];
  return Array.from({ length: count }, (_, i) => ({
    id: `p${i + 1}`,
    title: `${titles[i % titles.length]} ${i + 1}`,
    price: (12.5 + i).toFixed(2),
    currency: 'CNY',
    description: `Product number ${i + 1} of the e2e feed.`,
    status: 'active',
  }));
}

export async function startFeedServer({ products = feedProducts(3) } = {}) {
  const body = JSON.stringify({ products });
  let gate = null; // a promise requests wait on while held
  let openGate = null;
  const waiting = new Set(); // resolvers of "a request is being held"
  let requests = 0;

  const server = createServer(async (request, response) => {
    if (request.url !== '/feed.json') {
      response.writeHead(404).end();
      return;
    }
    requests += 1;
    if (gate) {
      for (const resolve of waiting) resolve();
      waiting.clear();
      await gate;
    }
    response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    response.end(body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();

  return {
    url: `http://127.0.0.1:${port}/feed.json`,
    get requests() {
      return requests;
    },
    /** Hold every feed request from now on until release(). */
    hold() {
      gate = new Promise((resolve) => {
        openGate = resolve;
      });
    },
    /** Resolves once a request is being held (the sync is running and reading the feed). */
    held(timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no feed request arrived in ${timeoutMs} ms`)), timeoutMs);
        waiting.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    release() {
      openGate?.();
      gate = null;
      openGate = null;
    },
    async close() {
      this.release();
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
