// Layout checks at phone width: the page does not scroll sideways, and the header's items do not
// overlap one another.

import assert from 'node:assert/strict';

/** A phone: iPhone 12–15 size in CSS pixels. */
export const PHONE = { width: 390, height: 844 };

/** Fail when the document is wider than the window (the page would scroll sideways). */
export async function assertNoHorizontalScroll(page, what) {
  const { scrollWidth, clientWidth, culprits } = await page.evaluate(() => {
    const root = document.documentElement;
    // The widest elements reaching past the window, to say what to fix.
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && el.getClientRects().length > 0)
      .filter((el) => !el.closest('.ant-table-content, .ant-table-body, [data-scrolls]'))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} (right ${Math.round(el.getBoundingClientRect().right)})`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits: wide };
  });
  assert.ok(scrollWidth <= clientWidth, `${what}: the page scrolls sideways (${scrollWidth} > ${clientWidth}); too wide: ${culprits.join(', ')}`);
}

/** The boxes of the header's items that are shown: menu button, brand, each tool, the shop switcher row. */
export async function headerBoxes(page) {
  return page.evaluate(() => {
    const header = document.querySelector('[data-testid="app-header"]');
    if (!header) return [];
    const items = [
      ...header.querySelectorAll(':scope > [data-testid="menu-button"], :scope > .app-brand, :scope > #shell-shop-slot'),
      ...header.querySelectorAll('.app-header-tools > *'),
    ];
    return items
      .map((el) => {
        const r = el.getBoundingClientRect();
        const name = el.getAttribute('data-testid') || el.id || el.className.toString().split(' ')[0] || el.tagName;
        return { name, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      })
      .filter((b) => b.right - b.left > 0 && b.bottom - b.top > 0);
  });
}

/** Fail when two header items overlap (1 px of tolerance), or one reaches past the window. */
export async function assertHeaderFits(page, what) {
  const boxes = await headerBoxes(page);
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  assert.ok(boxes.length >= 2, `${what}: the header items were not found`);
  const overlaps = [];
  for (let i = 0; i < boxes.length; i += 1) {
    const a = boxes[i];
    if (a.left < -1 || a.right > width + 1) overlaps.push(`${a.name} is outside the window (${Math.round(a.left)}–${Math.round(a.right)})`);
    for (let j = i + 1; j < boxes.length; j += 1) {
      const b = boxes[j];
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 1 && y > 1) overlaps.push(`${a.name} overlaps ${b.name}`);
    }
  }
  assert.deepEqual(overlaps, [], `${what}: header items overlap: ${overlaps.join('; ')}`);
}
