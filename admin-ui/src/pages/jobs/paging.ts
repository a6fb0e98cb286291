/**
 * Forward cursor paging over a Relay connection, with a way back: `afters[i]` is the `after`
 * cursor of page i (null for the first page), so going back needs no backward cursors.
 */
export interface Paging {
  afters: (string | null)[];
  index: number;
}

/** Jobs per page. */
export const PAGE_SIZE = 20;
/** How often the jobs page asks again while a job it shows is queued, running or retrying. */
export const POLL_MS = 1000;

export const FIRST_PAGE: Paging = { afters: [null], index: 0 };

/** The `after` argument of the page shown. */
export function currentAfter(paging: Paging): string | null {
  return paging.afters[paging.index] ?? null;
}

/** The next page, starting after `endCursor` (the last cursor of the page shown). */
export function nextPage(paging: Paging, endCursor: string | null | undefined): Paging {
  if (!endCursor) return paging;
  return { afters: [...paging.afters.slice(0, paging.index + 1), endCursor], index: paging.index + 1 };
}

export function previousPage(paging: Paging): Paging {
  return paging.index === 0 ? paging : { afters: paging.afters, index: paging.index - 1 };
}
