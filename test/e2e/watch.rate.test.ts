import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ZkClient } from '../../electron/core/backends/zookeeper/client/index.js';
import { connectedZkClient } from '../integration/support/zk-client.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { openConsole, type ConsolePage } from './support/console-page.js';
import { connect } from './support/page-helpers.js';
import { screenshot } from './support/screenshots.js';

const RATE = 1000;
const SECONDS = 5;
const NODES = 100;

interface FrameStats {
  frames: number;
  longestGapMs: number;
}

/** Starts counting animation frames in the page (how smoothly it draws while the events pour in). */
async function startFrameCounter(page: Page): Promise<void> {
  await page.evaluate(() => {
    const stats = { frames: 0, longestGapMs: 0, last: performance.now(), running: true };
    (window as unknown as { frameStats: typeof stats }).frameStats = stats;
    const tick = (now: number) => {
      stats.frames += 1;
      stats.longestGapMs = Math.max(stats.longestGapMs, now - stats.last);
      stats.last = now;
      if (stats.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopFrameCounter(page: Page): Promise<FrameStats> {
  return page.evaluate(() => {
    const stats = (window as unknown as { frameStats: FrameStats & { running: boolean } }).frameStats;
    stats.running = false;
    return { frames: stats.frames, longestGapMs: stats.longestGapMs };
  });
}

// 1,000 changes a second for 5 s into a watched ZooKeeper subtree, made by another client: every event
// reaches the page, and the page keeps drawing frames (events are batched per animation frame).
describe('the Watch tab under 1,000 events a second', () => {
  let zk: ZooKeeperServer;
  let ui: ConsolePage;
  let page: Page;
  let writer: ZkClient;

  beforeAll(async () => {
    zk = await startZooKeeper();
    writer = await connectedZkClient(zk.connectString);
    await writer.create('/load', Buffer.alloc(0));
    await Promise.all(
      Array.from({ length: NODES }, (_, i) => writer.create(`/load/n${i}`, Buffer.from('0'))),
    );
    ui = await openConsole([{ name: 'zk load', kind: 'zookeeper', endpoints: [zk.connectString] }]);
    page = ui.page;
    await connect(page, 'zk load');
  });

  afterAll(async () => {
    await ui?.close();
    await writer?.close();
    await zk?.stop();
  });

  it('receives every event and keeps drawing', async () => {
    await page.getByTestId('watch-tab').click();
    await page.getByTestId('watch-path').fill('/load');
    await page.getByTestId('watch-start').click();
    await page.locator('[data-testid=stream-state][data-state=running]').waitFor();
    await startFrameCounter(page);
    const started = Date.now();
    // A tenth of a second's changes at a time, pipelined (the client does not wait for each answer).
    for (let tick = 0; tick < SECONDS * 10; tick++) {
      const batch = Array.from({ length: RATE / 10 }, (_, i) =>
        writer.setData(`/load/n${i % NODES}`, Buffer.from(String(tick))),
      );
      await Promise.all(batch);
      const wait = started + (tick + 1) * 100 - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const writtenMs = Date.now() - started;
    const total = RATE * SECONDS;
    await expect
      .poll(async () => Number(await page.getByTestId('stream-events').getAttribute('data-count')), {
        timeout: 30_000,
      })
      .toBe(total);
    const shownMs = Date.now() - started;
    const frames = await stopFrameCounter(page);
    const fps = (frames.frames * 1000) / shownMs;
    await screenshot(page, 'watch-load');
    console.log(
      `watch load: ${total} changes written in ${writtenMs} ms, all shown after ${shownMs} ms; ` +
        `${frames.frames} frames (${fps.toFixed(1)} fps), longest frame gap ${frames.longestGapMs.toFixed(0)} ms`,
    );
    // Frame rates are figures for `npm run bench` (bench/watch.ts), not an assertion: only that every event
    // reached the page is this test's claim.
  });
});
