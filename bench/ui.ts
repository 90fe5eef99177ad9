// Part of `npm run bench`: the UI's own speed, measured in the page. Seeds a 300,000-child znode and a
// 100,000-key etcd prefix on real local servers, opens each in headless Chromium through `npm run web`, and
// times the first rows after the click, then a steady scroll from top to bottom (frame times from
// requestAnimationFrame, long tasks, the page's JS heap at the end).
import type { Page } from 'playwright-core';
import { openConsole } from '../test/e2e/support/console-page.js';
import { connect } from '../test/e2e/support/page-helpers.js';
import { startEtcd } from '../test/servers/etcd.server.js';
import { startZooKeeper } from '../test/servers/zookeeper.server.js';
import { seedEtcd, seedZooKeeper } from './seed.js';
import { armFirstRows, firstRowsMs, jsHeapMb, scrollToBottom } from './ui.page.js';
import { printUiTable, type UiFigures } from './ui.table.js';

const ZK_CHILDREN = Number(process.env.BENCH_UI_ZK_CHILDREN ?? 300_000);
const ETCD_CHILDREN = Number(process.env.BENCH_UI_ETCD_CHILDREN ?? 100_000);
const PARENT = '/bench';
/** A fast, steady drag: 100 rows of 24 px per frame, 6,000 rows a second at 60 fps. */
const STEP_PX = Number(process.env.BENCH_UI_STEP_PX ?? 2_400);
const MAX_SCROLL_SECONDS = Number(process.env.BENCH_UI_MAX_SCROLL_S ?? 300);

async function measure(page: Page, store: string, profile: string, children: number): Promise<UiFigures> {
  await connect(page, profile);
  await page.locator(`[data-testid=tree-row][data-path="${PARENT}"]`).waitFor();
  await armFirstRows(page, PARENT);
  await page.locator(`[data-testid=tree-toggle][data-path="${PARENT}"]`).click();
  const firstRows = await firstRowsMs(page);
  const scroll = await scrollToBottom(page, PARENT, STEP_PX, MAX_SCROLL_SECONDS);
  return { store, parent: PARENT, children, firstRowsMs: firstRows, scroll, heapMb: await jsHeapMb(page) };
}

const zk = await startZooKeeper();
const etcd = await startEtcd();
try {
  let started = performance.now();
  await seedZooKeeper(zk.connectString, PARENT, ZK_CHILDREN);
  console.log(
    `seeded ${ZK_CHILDREN} ZooKeeper children in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  started = performance.now();
  await seedEtcd(etcd.endpoint, PARENT, ETCD_CHILDREN);
  console.log(`seeded ${ETCD_CHILDREN} etcd keys in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (const [store, kind, endpoint, children] of [
    ['zookeeper', 'zookeeper', zk.connectString, ZK_CHILDREN],
    ['etcd', 'etcd', etcd.endpoint, ETCD_CHILDREN],
  ] as const) {
    // A fresh host and browser per store, so the heap at the end is this level's alone.
    const ui = await openConsole([{ name: `bench ${store}`, kind, endpoints: [endpoint] }]);
    try {
      printUiTable(await measure(ui.page, store, `bench ${store}`, children));
    } finally {
      await ui.close();
    }
  }
} finally {
  await zk.stop();
  await etcd.stop();
}
