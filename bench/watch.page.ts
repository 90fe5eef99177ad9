import type { Page } from 'playwright-core';

/** When the page drew which newest event: [epoch ms, seq of the top row]. */
export type RenderMarks = Array<[number, number]>;

/**
 * Records, in the page, every time the event table's top row (the newest event) changes: the moment the
 * row of an event is in the DOM. Only what the page itself sees is measured.
 */
export async function startRenderMarks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const marks: Array<[number, number]> = [];
    (window as unknown as { renderMarks: typeof marks }).renderMarks = marks;
    const table = document.querySelector('[data-testid=stream-events]');
    if (!table) throw new Error('no event table in the page');
    let last = 0;
    const note = () => {
      let newest = 0;
      table.querySelectorAll<HTMLElement>('[data-testid=stream-event]').forEach((row) => {
        newest = Math.max(newest, Number(row.dataset.seq ?? 0));
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
  });
}

export async function renderMarks(page: Page): Promise<RenderMarks> {
  return page.evaluate(() => (window as unknown as { renderMarks: Array<[number, number]> }).renderMarks);
}

/** The newest sequence number the table shows now (0 when empty). */
export async function newestSeq(page: Page): Promise<number> {
  return page.evaluate(() => {
    let newest = 0;
    document.querySelectorAll<HTMLElement>('[data-testid=stream-event]').forEach((row) => {
      newest = Math.max(newest, Number(row.dataset.seq ?? 0));
    });
    return newest;
  });
}

/** The stream's total events received, as the page shows it. */
export async function shownTotal(page: Page): Promise<number> {
  return Number(await page.getByTestId('stream-total').getAttribute('data-total'));
}
