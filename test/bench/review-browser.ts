import { chromium, type CDPSession } from '@playwright/test';
import { findChromium } from '../e2e/browser/chromium-location.mjs';
import { startHost } from '../e2e/browser-mode-host';
import { median, percentile, printFigure } from './stats';

const VISITS = 6;
const SCROLL_FRAMES = 600;
const SCROLL_STEP_PX = 240;

// In-page code is sent as text: the TypeScript runner (tsx) wraps functions in a helper
// (__name) that exists in Node, not in the page.
const FIRST_RENDER_SCRIPT = `new Promise((resolve) => {
  const start = performance.now();
  document.querySelector('#tab-leads').click();
  const check = () => {
    if (document.querySelector('.review-row .lead-item[data-index="0"]')) resolve(performance.now() - start);
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

function scrollScript(count: number, step: number): string {
  return `new Promise((resolve) => {
    const intervals = [];
    let last = performance.now();
    const frame = (now) => {
      intervals.push(now - last);
      last = now;
      window.scrollBy(0, ${step});
      if (intervals.length < ${count}) requestAnimationFrame(frame);
      else resolve(intervals.slice(5)); // the first frames include the start-up of the loop
    };
    requestAnimationFrame(frame);
  })`;
}

/**
 * CPU time the page's main thread has used so far, in ms (Chromium's `ThreadTime` metric):
 * unlike the in-page clock it does not grow while other processes of a shared machine run.
 */
async function mainThreadCpuMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const threadTime = metrics.find((metric) => metric.name === 'ThreadTime');
  if (!threadTime) throw new Error('this Chromium reports no ThreadTime metric');
  return threadTime.value * 1000;
}

/**
 * The review list in Chromium over a 100,000-lead database, served by `leadbooth serve` as
 * a person would run it (needs `npm run build` first). Two figures, each also as CPU time of
 * the page's main thread (the clock figures on a shared machine include other processes' turns):
 * - first render: from the click on the Leads tab to the first row on screen (in-page clock);
 * - scroll frames: the window scrolled a little every frame, 600 frames, with Chromium's
 *   frame-rate limit and vsync off so each frame's interval is its own work (with vsync on
 *   every interval would read 16.7 ms however cheap the frame was).
 */
export async function runReviewBrowserBench(dbPath: string): Promise<void> {
  const executablePath = findChromium()?.path;
  if (!executablePath) {
    process.stderr.write('review_browser skipped: no Chromium found (test/e2e/browser/ensure-chromium.mjs installs one)\n');
    return;
  }
  const log = (line: string) => process.env.BENCH_VERBOSE && process.stderr.write(`${line}\n`);
  const host = await startHost(dbPath);
  log(`host at ${host.url}`);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-frame-rate-limit', '--disable-gpu-vsync', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(host.url);
    await page.getByRole('tab', { name: /New lead/ }).waitFor();
    log('app loaded');

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const renders: number[] = [];
    const renderCpu: number[] = [];
    for (let visit = 0; visit < VISITS; visit++) {
      await page.getByRole('tab', { name: /New lead/ }).click();
      await page.getByRole('textbox', { name: 'First name' }).waitFor();
      const cpuBefore = await mainThreadCpuMs(cdp);
      renders.push(await page.evaluate<number>(FIRST_RENDER_SCRIPT));
      renderCpu.push((await mainThreadCpuMs(cdp)) - cpuBefore);
    }
    printFigure('review_list_first_render_first_visit', renders[0] ?? Number.NaN, 'ms', 1);
    printFigure('review_list_first_render_median', median(renders), 'ms', 1);
    // The renderer's share: switching screens, the first window's request and its rows (the host's query is its own process).
    printFigure('review_list_first_render_cpu_first_visit', renderCpu[0] ?? Number.NaN, 'ms', 1);
    printFigure('review_list_first_render_cpu_median', median(renderCpu), 'ms', 1);
    const shownTotal = await page.locator('.list-status').textContent();
    process.stderr.write(`review list shows: ${shownTotal}\n`);

    // The baseline in the same page: frames that scroll nothing, so the machine's own frame
    // interval under today's load (what any page would get) is known beside the list's.
    const idle = await page.evaluate<number[]>(scrollScript(SCROLL_FRAMES / 2, 0));
    const cpuBefore = await mainThreadCpuMs(cdp);
    const frames = await page.evaluate<number[]>(scrollScript(SCROLL_FRAMES, SCROLL_STEP_PX));
    const scrollCpu = (await mainThreadCpuMs(cdp)) - cpuBefore;
    printFigure('review_scroll_frame_p95', percentile(frames, 0.95), 'ms', 2);
    printFigure('review_scroll_frame_median', median(frames), 'ms', 2);
    printFigure('review_idle_frame_p95', percentile(idle, 0.95), 'ms', 2);
    printFigure('review_scroll_vs_idle_frame_p95', percentile(frames, 0.95) / percentile(idle, 0.95), 'x', 2);
    // Mean CPU of a scrolled frame on the main thread (script, style, layout, paint records).
    printFigure('review_scroll_cpu_per_frame', scrollCpu / SCROLL_FRAMES, 'ms', 2);
    const rows = await page.evaluate<number>("document.querySelectorAll('.review-row').length");
    const loaded = await page.evaluate<number>("document.querySelectorAll('.review-row .lead-item-loading').length");
    process.stderr.write(`rows in the DOM after scrolling: ${rows} (${loaded} still loading), scrolled to ${await page.evaluate<number>('window.scrollY')} px\n`);
  } finally {
    await browser.close();
    await host.stop();
  }
}
