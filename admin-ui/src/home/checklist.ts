import type { OnboardingStepKey } from '../gql/graphql';

export interface StepState {
  key: OnboardingStepKey;
  done: boolean;
  available: boolean;
}

/**
 * Where each step is done, relative to /shops/:shopId/ (null: nowhere yet). The content pages
 * (the home page's editor) are the `content` section.
 */
export const STEP_PATHS: Record<OnboardingStepKey, string | null> = {
  CONNECT_SOURCE: 'plugins',
  FIRST_SYNC: 'sync',
  CHOOSE_THEME: 'theme',
  EDIT_HOME: 'content',
  PUBLISH: 'content',
  SHARE_POST: null,
};

export interface ChecklistView {
  /** Steps done, out of the steps CloudCat can do now. */
  done: number;
  total: number;
  /** The first available step not done yet (what to do next), or null when all are. */
  next: OnboardingStepKey | null;
}

/** How far along the checklist is, and the next step to take. */
export function checklistView(steps: readonly StepState[]): ChecklistView {
  const available = steps.filter((s) => s.available);
  return {
    done: available.filter((s) => s.done).length,
    total: available.length,
    next: available.find((s) => !s.done)?.key ?? null,
  };
}

/** The site's address shown to people: without the scheme and the trailing slash. */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** An SVG document as a `data:` URL an <img> can show (the admin's CSP allows data: images). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
