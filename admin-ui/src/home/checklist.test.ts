import { describe, expect, it } from 'vitest';
import { STEP_PATHS, checklistView, displayUrl, svgDataUrl, type StepState } from './checklist';

const step = (key: StepState['key'], done: boolean, available = true): StepState => ({ key, done, available });

describe('checklistView', () => {
  it('counts the steps done out of those that can be done, and names the next one', () => {
    const steps = [
      step('CONNECT_SOURCE', true),
      step('FIRST_SYNC', true),
      step('CHOOSE_THEME', false),
      step('EDIT_HOME', true),
      step('PUBLISH', false),
      step('SHARE_POST', false, false),
    ];
    expect(checklistView(steps)).toEqual({ done: 3, total: 5, next: 'CHOOSE_THEME' });
  });

  it('has no next step when every available one is done, even with one not available', () => {
    const steps = [step('CONNECT_SOURCE', true), step('SHARE_POST', false, false)];
    expect(checklistView(steps)).toEqual({ done: 1, total: 1, next: null });
    expect(checklistView([])).toEqual({ done: 0, total: 0, next: null });
  });
});

describe('STEP_PATHS', () => {
  it('sends each step to its section, and sharing nowhere yet', () => {
    expect(STEP_PATHS.CONNECT_SOURCE).toBe('plugins');
    expect(STEP_PATHS.FIRST_SYNC).toBe('sync');
    expect(STEP_PATHS.CHOOSE_THEME).toBe('theme');
    expect(STEP_PATHS.EDIT_HOME).toBe('content');
    expect(STEP_PATHS.SHARE_POST).toBeNull();
  });
});

describe('displayUrl', () => {
  it('drops the scheme and the trailing slash', () => {
    expect(displayUrl('https://cloudcat.example/s/tea-house/')).toBe('cloudcat.example/s/tea-house');
    expect(displayUrl('http://127.0.0.1:8000/s/a/')).toBe('127.0.0.1:8000/s/a');
  });
});

describe('svgDataUrl', () => {
  it('makes a data URL of the SVG text', () => {
    const url = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><path d="M1,1H2"/></svg>');
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.split(',').slice(1).join(','))).toBe('<svg xmlns="http://www.w3.org/2000/svg"><path d="M1,1H2"/></svg>');
  });
});
