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

/** The OS colour scheme the browser reports (prefers-color-scheme); Chromium's own default is light. */
export type ColorScheme = 'light' | 'dark';

/**
 * Starts `npm run web` with these profiles and opens the console in headless Chromium, optionally with
 * the OS asking for a light or a dark scheme and with another locale (default en-US, so texts the
 * tests read are English whatever the machine's locale).
 */
export async function openConsole(
  connections: readonly object[],
  viewport = { width: 1400, height: 850 },
  options: { colorScheme?: ColorScheme; locale?: string } = {},
): Promise<ConsolePage> {
  const app = await startWebApp(connections);
  const browser = await launchBrowser();
  const page = await browser.newPage({
    viewport,
    colorScheme: options.colorScheme,
    locale: options.locale ?? 'en-US',
  });
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
