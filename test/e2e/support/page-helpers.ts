import type { Page } from 'playwright-core';

/**
 * Closes every connection tab but `keep` (discarding unsaved edits when asked): the tests written for one
 * connection at a time find one tree, one value panel, one editor.
 */
export async function closeOtherTabs(page: Page, keep: string | null = null): Promise<void> {
  for (;;) {
    const others = page.locator(
      keep === null
        ? '[data-testid=connection-tab]'
        : `[data-testid=connection-tab]:not([data-name="${keep}"])`,
    );
    if ((await others.count()) === 0) return;
    const tab = others.first();
    const id = await tab.getAttribute('data-connection-id');
    await tab.locator('[data-testid=connection-tab-close]').click();
    await page.waitForFunction(
      (closed) =>
        document.querySelector(`[data-testid=connection-tab][data-connection-id="${closed}"]`) === null ||
        document.querySelector('[data-testid=close-unsaved-confirm]') !== null,
      id,
    );
    if ((await page.getByTestId('close-unsaved-confirm').count()) > 0) {
      await page.getByTestId('close-unsaved-confirm').click();
    }
    await page
      .locator(`[data-testid=connection-tab][data-connection-id="${id}"]`)
      .waitFor({ state: 'detached' });
  }
}

/**
 * Opens a saved connection from the sidebar and waits until its session is up. Other tabs are closed first
 * unless `keepTabs` (then the connection opens in a tab beside them).
 */
export async function connect(page: Page, name: string, options: { keepTabs?: boolean } = {}): Promise<void> {
  if (!options.keepTabs) await closeOtherTabs(page, name);
  const item = page.locator(`[data-testid=connection-item][data-name="${name}"]`);
  if ((await item.getAttribute('data-active')) !== 'true') {
    await item.locator('[data-testid=connect-button]').click();
  }
  await page.locator(`[data-testid=connection-item][data-name="${name}"][data-active=true]`).waitFor();
  await page.locator('[data-testid=connection-state][data-state=connected]').waitFor();
}

/** Opens a node through the go-to-path box and waits for its value panel. */
export async function openPath(page: Page, path: string): Promise<void> {
  const input = page.getByTestId('go-to-path');
  await input.fill(path);
  await input.press('Enter');
  await page.locator(`[data-testid=value-panel][data-path="${path}"]`).waitFor();
}

/** The text Monaco shows (only rendered lines; Monaco draws spaces as U+00A0). */
export async function editorText(page: Page): Promise<string> {
  const lines = await page.locator('[data-testid=value-editor] .view-lines .view-line').allInnerTexts();
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

/** Replaces the editor's content by typing, as a user would. */
export async function typeIntoEditor(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid=value-editor] .view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/** Saves through the confirm-diff dialog. */
export async function saveWithConfirm(page: Page): Promise<void> {
  await page.getByTestId('save-button').click();
  await page.getByTestId('save-confirm-dialog').waitFor();
  await page.getByTestId('save-confirm').click();
}

/** Opens the Compare tab and starts a compare of two saved connections' subtrees, as typed into its form. */
export async function startCompare(
  page: Page,
  left: { connection: string; path: string },
  right: { connection: string; path: string },
): Promise<void> {
  await page.getByTestId('compare-tab').click();
  await page.getByTestId('compare-view').waitFor();
  for (const [side, source] of [
    ['left', left],
    ['right', right],
  ] as const) {
    await page.getByTestId(`compare-${side}-connection`).selectOption({ label: source.connection });
    await page.getByTestId(`compare-${side}-path`).fill(source.path);
  }
  await page.getByTestId('compare-start').click();
}
