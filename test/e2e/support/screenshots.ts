import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Where the e2e tests leave their screenshots (gitignored), for a person to look at. */
export const SCREENSHOT_DIR = join(import.meta.dirname, '..', '..', '..', '.scratch', 'screenshots');

/** Saves a screenshot of the whole window as `<name>.png` under .scratch/screenshots. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}
