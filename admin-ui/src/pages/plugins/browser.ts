/** The browser's own navigation, behind an object tests can stub. */
export const browser = {
  /** Leave the app for `url` (a provider's authorization page). */
  assign(url: string): void {
    window.location.assign(url);
  },
};

/** Whether `url` is an absolute http(s) address (the only kind the app sends the browser to). */
export function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
