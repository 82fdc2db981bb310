import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

/** LEADBOOTH_SCREENSHOTS=/some/dir keeps a full-page screenshot of each step the specs name; unset, nothing is written. */
export const SCREENSHOTS = process.env.LEADBOOTH_SCREENSHOTS;

export async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
