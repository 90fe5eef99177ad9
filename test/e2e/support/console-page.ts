import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startWebApp, type WebApp } from './web-app.js';

export interface ConsolePage {
  app: WebApp;
  browser: Browser;
  page: Page;
  /** Closes the browser and stops the web app (removing its data directory). */
  close(): Promise<void>;
}

/** Starts `npm run web` with these profiles and opens the console in headless Chromium. */
export async function openConsole(
  connections: readonly object[],
  viewport = { width: 1400, height: 850 },
): Promise<ConsolePage> {
  const app = await startWebApp(connections);
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport });
  await page.goto(app.url);
  return {
    app,
    browser,
    page,
    close: async () => {
      await browser.close();
      await app.stop();
    },
  };
}
