import { screen } from '@testing-library/react';

/**
 * The open dialog (modal, confirm, drawer) with this title. Found by its title text, not by its
 * accessible name: under test, rc-component's useId gives every element the id "test-id", so
 * a dialog's aria-labelledby can point at another element.
 */
export async function findDialog(title: string | RegExp): Promise<HTMLElement> {
  const heading = await screen.findByText(title, { selector: '.ant-modal-title, .ant-drawer-title' });
  const dialog = heading.closest<HTMLElement>('[role="dialog"]');
  if (!dialog) throw new Error(`"${String(title)}" is not the title of a dialog`);
  return dialog;
}

/** An option of the open select dropdown (the select's shown value carries the same title). */
export async function findOption(title: string): Promise<HTMLElement> {
  const found = await screen.findAllByTitle(title);
  const item = found.find((el) => el.classList.contains('ant-select-item-option'));
  if (!item) throw new Error(`no option "${title}" in an open select`);
  return item;
}
