import type { Page } from 'playwright-core';

/** When the page drew which newest event: [epoch ms, seq of the top row]. */
export type RenderMarks = Array<[number, number]>;

/**
 * Records, in the page, every time the event table's top row (the newest event) changes: the moment the
 * row of an event is in the DOM. Only what the page itself sees is measured.
 */
export async function startRenderMarks(page: Page): Promise<void> {
  // A script as text: tsx's transform names functions with a helper the page does not have.
  await page.evaluate(`(() => {
    const marks = [];
    window.renderMarks = marks;
    const table = document.querySelector('[data-testid=stream-events]');
    if (!table) throw new Error('no event table in the page');
    let last = 0;
    const note = () => {
      let newest = 0;
      table.querySelectorAll('[data-testid=stream-event]').forEach((row) => {
        newest = Math.max(newest, Number(row.dataset.seq || 0));
      });
      if (newest > last) {
        last = newest;
        marks.push([Date.now(), newest]);
      }
    };
    new MutationObserver(note).observe(table, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-seq'],
    });
    note();
  })()`);
}

export async function renderMarks(page: Page): Promise<RenderMarks> {
  return page.evaluate<RenderMarks>('window.renderMarks');
}

/** The newest sequence number the table shows now (0 when empty). */
export async function newestSeq(page: Page): Promise<number> {
  return page.evaluate<number>(`(() => {
    let newest = 0;
    document.querySelectorAll('[data-testid=stream-event]').forEach((row) => {
      newest = Math.max(newest, Number(row.dataset.seq || 0));
    });
    return newest;
  })()`);
}

/** The stream's total events received, as the page shows it. */
export async function shownTotal(page: Page): Promise<number> {
  return Number(await page.getByTestId('stream-total').getAttribute('data-total'));
}
