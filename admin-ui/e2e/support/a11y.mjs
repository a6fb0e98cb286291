// axe-core (a dev dependency) injected into the page under test, with the WCAG 2.0/2.1 A and AA
// rules: labels and names of controls, valid ARIA, headings, landmarks, contrast, ...

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// Evaluated through the DevTools protocol rather than added as a <script>: the admin's
// Content-Security-Policy (no inline scripts) stays on while the pages are checked.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core's violations on the page as it is now, one line each (empty when it passes). */
export async function accessibilityViolations(page) {
  // The page at rest: no hover state left by the test's last click, and no colour transition
  // half-way (spinners and other endless animations aside).
  await page.mouse.move(0, 0);
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => {})),
    ),
  );
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const found = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }).then((r) => r.violations),
    WCAG,
  );
  return found.map((v) => {
    const nodes = v.nodes.map((n) => `\n  ${n.target.join(' ')}: ${[...n.any, ...n.all].map((c) => c.message).join(' ')}`);
    return `${v.id} (${v.impact}): ${v.help} at${nodes.join('')}`;
  });
}

/** Fail, listing every violation, unless the page as it is now passes. */
export async function assertAccessible(page, what) {
  const found = await accessibilityViolations(page);
  assert.deepEqual(found, [], `${what} has accessibility violations:\n${found.join('\n')}`);
}
