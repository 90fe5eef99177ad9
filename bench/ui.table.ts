import type { ScrollFigures } from './ui.page.js';

/** The UI figures of one store's big level, as measured in Chromium. */
export interface UiFigures {
  store: string;
  parent: string;
  children: number;
  firstRowsMs: number;
  scroll: ScrollFigures;
  heapMb: number;
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function line(label: string, figure: string, target: string, met: boolean | null): string {
  const verdict = met === null ? '' : met ? 'met' : 'MISSED';
  return `${label.padEnd(34)} ${figure.padStart(12)} ${target.padStart(14)} ${verdict.padStart(8)}`;
}

/** One table per store, like the other benches: the figure, its target beside it, and whether it is met. */
export function printUiTable(figures: UiFigures): void {
  const { scroll } = figures;
  const over50 = scroll.longTaskMs.filter((ms) => ms > 50);
  const largest = Math.max(0, ...scroll.longTaskMs);
  const p95 = percentile(scroll.frameMs, 95);
  // The display's frame interval, measured idle in the same run (16.7 ms at 60 Hz; rAF times are coarsened
  // to 0.1 ms, so one frame reads as 16.6–16.8). A p95 of one interval is 60 fps with no dropped frame.
  const vsync = percentile(scroll.idleFrameMs, 50);
  const oneFrame = Math.min(vsync, 1000 / 60) + 0.2;
  console.log(
    `\n${figures.store} UI: ${figures.children} children under ${figures.parent}, in Chromium through npm run web`,
  );
  console.log(`${''.padEnd(34)} ${'figure'.padStart(12)} ${'target'.padStart(14)} ${'verdict'.padStart(8)}`);
  console.log(
    line(
      'time to first rows',
      `${figures.firstRowsMs.toFixed(0)} ms`,
      '< 1000 ms',
      figures.firstRowsMs < 1000,
    ),
  );
  console.log(
    line(
      'idle frame p50 (no scroll, floor)',
      `${percentile(scroll.idleFrameMs, 50).toFixed(1)} ms`,
      '',
      null,
    ),
  );
  console.log(line('frame p50', `${percentile(scroll.frameMs, 50).toFixed(1)} ms`, '', null));
  console.log(line('frame p95', `${p95.toFixed(1)} ms`, `<= 1 frame (${vsync.toFixed(1)})`, p95 <= oneFrame));
  console.log(line('frame p99', `${percentile(scroll.frameMs, 99).toFixed(1)} ms`, '', null));
  console.log(line('long tasks > 50 ms while scrolling', `${over50.length}`, '', null));
  console.log(line('largest long task', `${largest.toFixed(0)} ms`, '<= 100 ms', largest <= 100));
  console.log(line('JS heap of the page at the end', `${figures.heapMb.toFixed(1)} MiB`, '', null));
  console.log(
    line('scrolled top to bottom', scroll.reachedEnd ? 'yes' : 'no', '', null) +
      `  (${scroll.scrollSeconds.toFixed(1)} s, ${scroll.waitingSeconds.toFixed(1)} s waiting for pages, ` +
      `${scroll.frameMs.length} scrolled frames, ~${scroll.rowsShown} rows tall, last child in view ${scroll.lastChild})`,
  );
}
