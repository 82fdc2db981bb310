import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type CDPSession } from '@playwright/test';
import { openDatabase } from '../../electron/db/open-database';
import { createEvent, useEvent } from '../../electron/services/events-service';
import { createServiceContext } from '../../electron/services/service-context';
import { setStaffName } from '../../electron/services/settings-service';
import { findChromium } from '../e2e/browser/chromium-location.mjs';
import { startHost } from '../e2e/browser-mode-host';
import { testCardSet } from '../support/test-cards';
import { median, printFigure } from './stats';

const RUNS = 5;

/** The host process's CPU time so far (user + system, Linux /proc), in ms: the scanner's worker threads run in it. */
function processCpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after "pid (name) "; in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function mainThreadCpuMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
}

/**
 * In the page: from the moment the card photo's input changes until the e-mail field holds the
 * card's address. Sent as text: tsx's __name helper does not exist in the page.
 */
function dropToFieldsScript(email: string): string {
  return `new Promise((resolve) => {
    const input = document.querySelector('input[type=file][aria-label="Card photo"]');
    let start = 0;
    input.addEventListener('change', () => { start = performance.now(); check(); }, { once: true, capture: true });
    const check = () => {
      if (document.querySelector('#lead-email')?.value === ${JSON.stringify(email)}) resolve(performance.now() - start);
      else setTimeout(check, 5);
    };
    window.__boothDropWatched = true;
  })`;
}

/**
 * The booth's "one clean card dropped → fields shown" in Chromium against `leadbooth serve`
 * (needs `npm run build`), the scanner warm: the page's own clock from the file input's change
 * to the e-mail field filled, and the CPU time the host (reading, OCR workers, parsing) and the
 * page's main thread spent on it. Five cards, each once; the first card warms the scanner up.
 */
export async function runBoothBench(): Promise<void> {
  const executablePath = findChromium()?.path;
  if (!executablePath) throw new Error('No Chromium found: test/e2e/browser/ensure-chromium.mjs installs one.');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadbooth-bench-booth-'));
  const dbPath = path.join(dir, 'booth.db');
  const database = await openDatabase(dbPath);
  const context = createServiceContext(database.db);
  await setStaffName(context, 'Dana Booth');
  await useEvent(context, (await createEvent(context, { name: 'Bench Show' })).id);
  await database.close();
  const { dir: cardsDir } = await testCardSet();
  const card = (number: number) => path.join(cardsDir, `card-${String(number).padStart(3, '0')}.jpg`);
  const emailOf = (number: number) => (JSON.parse(fs.readFileSync(card(number).replace(/\.jpg$/, '.json'), 'utf8')) as { fields: { email?: string } }).fields.email ?? '';

  const host = await startHost(dbPath);
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    const photoInput = page.getByLabel('Card photo', { exact: true }).and(page.locator('input[type=file]'));
    await photoInput.waitFor({ state: 'attached' });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const hostPid = host.process.pid as number;
    const clock: number[] = [];
    const hostCpu: number[] = [];
    const pageCpu: number[] = [];
    for (const [index, number] of [2, 1, 3, 4, 5, 6].entries()) {
      const shown = page.evaluate<number>(dropToFieldsScript(emailOf(number)));
      await page.waitForFunction('window.__boothDropWatched === true');
      const [hostBefore, pageBefore] = [processCpuMs(hostPid), await mainThreadCpuMs(cdp)];
      await photoInput.setInputFiles(card(number));
      const ms = await shown;
      const [hostAfter, pageAfter] = [processCpuMs(hostPid), await mainThreadCpuMs(cdp)];
      await page.evaluate('delete window.__boothDropWatched');
      if (index > 0) {
        clock.push(ms);
        hostCpu.push(hostAfter - hostBefore);
        pageCpu.push(pageAfter - pageBefore);
      }
      process.stderr.write(`card ${number}: ${ms.toFixed(0)} ms, host CPU ${hostAfter - hostBefore} ms, page CPU ${(pageAfter - pageBefore).toFixed(0)} ms${index === 0 ? ' (warm-up)' : ''}\n`);
      await page.getByRole('button', { name: 'Clear form' }).click();
    }
    printFigure('booth_drop_to_fields_median', median(clock) / 1000, 's', 3);
    printFigure('booth_drop_to_fields_best', Math.min(...clock) / 1000, 's', 3);
    printFigure('booth_drop_to_fields_host_cpu_median', median(hostCpu) / 1000, 's', 3);
    printFigure('booth_drop_to_fields_page_cpu_median', median(pageCpu) / 1000, 's', 3);
  } finally {
    await browser.close();
    await host.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
