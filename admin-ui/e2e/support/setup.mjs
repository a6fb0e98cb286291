// What every e2e test file calls at its top: the live CloudCat (the run's shared one, or its own
// when the file runs alone) and one Chromium for the file, closed after the file's tests.
//
//   const env = useE2E();
//   test('...', async () => { const { page } = await env.page(); ... });

import { after, afterEach, before } from 'node:test';
import { launchChromium, newContext } from './browser.mjs';
import { startCloudCat } from './server.mjs';

export function useE2E() {
  const env = {
    url: process.env.CLOUDCAT_E2E_URL || '',
    /** The seeded operator's email (support/server.mjs), '' when the server has no operators. */
    operator: process.env.CLOUDCAT_E2E_OPERATOR || '',
    browser: null,
    contexts: [],
    /** A fresh context and page (English unless `locale` says otherwise). */
    async page(options) {
      const context = await newContext(env.browser, env.url, options);
      env.contexts.push(context);
      const page = await context.newPage();
      return { context, page };
    },
  };
  let own = null;

  before(async () => {
    if (!env.url) {
      own = await startCloudCat();
      env.url = own.url;
      env.operator = own.operator ?? '';
    }
    env.browser = await launchChromium();
  });

  afterEach(async () => {
    const contexts = env.contexts.splice(0);
    await Promise.all(contexts.map((c) => c.close().catch(() => {})));
    for (const c of contexts) {
      if (c.problems.length) console.log(`# page errors seen:\n#   ${c.problems.join('\n#   ')}`);
    }
  });

  after(async () => {
    await env.browser?.close().catch(() => {});
    await own?.stop();
  });

  return env;
}
