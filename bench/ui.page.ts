import type { Page } from 'playwright-core';

/** What the page measured while scrolling one big level from top to bottom. */
export interface ScrollFigures {
  /** rAF deltas of the frames that followed a scroll step (ms). */
  frameMs: number[];
  /** rAF deltas of 60 frames before the scroll starts: what this machine's headless Chromium does idle. */
  idleFrameMs: number[];
  longTaskMs: number[];
  scrollSeconds: number;
  /** Seconds the scroll sat at the bottom waiting for the next page to arrive. */
  waitingSeconds: number;
  reachedEnd: boolean;
  rowsShown: number;
  /** The last child of the level in view at the end (the level's last one when the scroll reached it). */
  lastChild: string;
}

/**
 * Arms the page to time the opening of `parent`: the moment the toggle is clicked (capture phase, before
 * React sees it) and the moment its first child row is in the DOM. Scripts are text: tsx's transform names
 * functions with a helper the page does not have.
 */
export async function armFirstRows(page: Page, parent: string): Promise<void> {
  await page.evaluate(`(() => {
    const parent = ${JSON.stringify(parent)};
    const marks = { clickAt: 0, firstRowsAt: 0 };
    window.uiBench = marks;
    const tree = document.querySelector('[data-testid=tree]');
    document.addEventListener('click', (event) => {
      const toggle = event.target.closest && event.target.closest('[data-testid=tree-toggle]');
      if (toggle && toggle.dataset.path === parent && !marks.clickAt) marks.clickAt = performance.now();
    }, true);
    const observer = new MutationObserver(() => {
      if (!marks.clickAt || marks.firstRowsAt) return;
      if (tree.querySelector('[data-testid=tree-row][data-path^="' + parent + '/"]')) {
        marks.firstRowsAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(tree, { subtree: true, childList: true });
  })()`);
}

/** Ms from the click to the first child rows, once they are there. */
export async function firstRowsMs(page: Page): Promise<number> {
  // Polled from here: waitForFunction evaluates strings, which the app's CSP (no unsafe-eval) refuses.
  const deadline = Date.now() + 60_000;
  while (!(await page.evaluate<boolean>('window.uiBench.firstRowsAt > 0'))) {
    if (Date.now() > deadline) throw new Error('no child rows within 60 s of the click');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return page.evaluate<number>('window.uiBench.firstRowsAt - window.uiBench.clickAt');
}

/**
 * Scrolls the tree from its top to its bottom by `stepPx` per animation frame (a steady drag), waiting at
 * the bottom while `parent` still has a "more" line (the next page is on its way), until the level is all
 * shown or `maxSeconds` pass. Frame times count only frames that followed a real step, so the waits for
 * pages (the listing's speed, measured elsewhere) do not flatter the figures; long tasks count throughout.
 */
export async function scrollToBottom(
  page: Page,
  parent: string,
  stepPx: number,
  maxSeconds: number,
): Promise<ScrollFigures> {
  return page.evaluate<ScrollFigures>(`new Promise((resolve) => {
    const parent = ${JSON.stringify(parent)};
    const tree = document.querySelector('[data-testid=tree]');
    const longTaskMs = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTaskMs.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const frameMs = [];
    let started = performance.now();
    let last = started;
    let stepped = false;
    let waiting = 0;
    tree.scrollTop = 0;
    const moreLine = () => tree.querySelector('[data-testid=tree-more][data-parent="' + parent + '"]');
    const finish = (reachedEnd) => {
      observer.disconnect();
      let lastChild = '';
      tree.querySelectorAll('[data-testid=tree-row]').forEach((row) => {
        if (row.dataset.path.startsWith(parent + '/') && row.dataset.path > lastChild) lastChild = row.dataset.path;
      });
      const rowsShown = Math.round(tree.scrollHeight / 24);
      resolve({ frameMs, idleFrameMs, longTaskMs, scrollSeconds: (performance.now() - started) / 1000,
        waitingSeconds: waiting / 1000, reachedEnd, rowsShown, lastChild });
    };
    const frame = (now) => {
      const delta = now - last;
      last = now;
      if (stepped) frameMs.push(delta); else waiting += delta;
      const max = tree.scrollHeight - tree.clientHeight;
      const atBottom = tree.scrollTop >= max - 1;
      // At the bottom with no "more" line: the end, once it holds for a second (a render between pages
      // may briefly draw neither).
      if (atBottom && !moreLine()) {
        const height = tree.scrollHeight;
        return setTimeout(() => {
          if (tree.scrollHeight === height && !moreLine()) return finish(true);
          last = performance.now();
          stepped = false;
          requestAnimationFrame(frame);
        }, 1000);
      }
      if (now - started > ${maxSeconds * 1000}) return finish(false);
      const before = tree.scrollTop;
      tree.scrollTop = Math.min(before + ${stepPx}, max);
      stepped = tree.scrollTop !== before;
      requestAnimationFrame(frame);
    };
    const idleFrameMs = [];
    let idleLast = 0;
    const idle = (now) => {
      if (idleLast) idleFrameMs.push(now - idleLast);
      idleLast = now;
      if (idleFrameMs.length < 60) return requestAnimationFrame(idle);
      started = performance.now();
      last = now;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(idle);
  })`);
}

/** The page's used JS heap (MiB), through the DevTools protocol. */
export async function jsHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024;
}
