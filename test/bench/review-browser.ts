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

/**
 * Frames driven from requestAnimationFrame, `step` px scrolled each (0: none), `count` of them.
 * Per frame, two figures:
 * - `intervals`: from one rAF callback to the next (the frame's time as the page's clock sees it:
 *   the main thread's work, the compositor's and whatever else the machine did meanwhile);
 * - `work`: the page's own main-thread time for the frame, from its first event (the scroll event,
 *   where the list's virtualiser renders its rows synchronously, or else the rAF callback) to the
 *   first task after the frame's rendering update (style, layout, paint and commit run in that
 *   update, one task, so a message posted from the callback runs right after it).
 * `mark`: change one element's text each frame. A frame that changes nothing is not drawn, and
 * headless Chromium then paces rAF at 60 Hz even with its frame-rate limit and vsync off (about
 * 16.7 ms a frame however idle the page; measured 2026-12-07), so an idle baseline must draw.
 */
function framesScript(count: number, step: number, mark: boolean): string {
  return `new Promise((resolve) => {
    const intervals = [];
    const work = [];
    let start = null;
    const marker = document.createElement('span');
    marker.setAttribute('aria-hidden', 'true');
    // In the window, not at the end of a list 3 million px tall: a change nobody can see is not drawn either.
    Object.assign(marker.style, { position: 'fixed', bottom: '0', right: '0' });
    document.body.append(marker);
    const begin = () => { if (start === null) start = performance.now(); };
    window.addEventListener('scroll', begin, { capture: true, passive: true });
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { work.push(performance.now() - start); start = null; };
    let last = performance.now();
    const finish = () => {
      window.removeEventListener('scroll', begin, { capture: true });
      channel.port1.close();
      marker.remove();
      // The first frames include the start-up of the loop.
      resolve({ intervals: intervals.slice(5), work: work.slice(5) });
    };
    const frame = (now) => {
      begin();
      intervals.push(now - last);
      last = now;
      if (${step} !== 0) window.scrollBy(0, ${step});
      if (${mark}) marker.textContent = String(intervals.length % 10);
      channel.port2.postMessage(0);
      if (intervals.length < ${count}) requestAnimationFrame(frame);
      else setTimeout(finish, 50);
    };
    requestAnimationFrame(frame);
  })`;
}

interface FrameTimes {
  intervals: number[];
  work: number[];
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
 *   frame-rate limit and vsync off, so a frame that draws comes right after the last one: its
 *   interval (`review_scroll_frame_*`) and the page's own main-thread time of each frame
 *   (`review_scroll_frame_work_*`, see framesScript), beside frames of the same page that draw one
 *   changed character (`review_idle_*`: what a frame costs the browser and the machine) and frames
 *   that draw nothing (`review_still_frame_median`: paced by Chromium at ~16.7 ms).
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

    // Baselines in the same page: frames that draw one changed character (what a frame costs the
    // browser and the machine under today's load), and frames that change nothing (paced by Chromium).
    const idle = await page.evaluate<FrameTimes>(framesScript(SCROLL_FRAMES / 2, 0, true));
    const still = await page.evaluate<FrameTimes>(framesScript(SCROLL_FRAMES / 4, 0, false));
    const cpuBefore = await mainThreadCpuMs(cdp);
    const frames = await page.evaluate<FrameTimes>(framesScript(SCROLL_FRAMES, SCROLL_STEP_PX, false));
    const scrollCpu = (await mainThreadCpuMs(cdp)) - cpuBefore;
    printFigure('review_scroll_frame_p95', percentile(frames.intervals, 0.95), 'ms', 2);
    printFigure('review_scroll_frame_median', median(frames.intervals), 'ms', 2);
    // The page's own main-thread time of a scrolled frame (scroll event → the task after its rendering update).
    printFigure('review_scroll_frame_work_p95', percentile(frames.work, 0.95), 'ms', 2);
    printFigure('review_scroll_frame_work_median', median(frames.work), 'ms', 2);
    printFigure('review_idle_frame_p95', percentile(idle.intervals, 0.95), 'ms', 2);
    printFigure('review_idle_frame_work_p95', percentile(idle.work, 0.95), 'ms', 2);
    printFigure('review_still_frame_median', median(still.intervals), 'ms', 2);
    printFigure('review_scroll_vs_idle_frame_p95', percentile(frames.intervals, 0.95) / percentile(idle.intervals, 0.95), 'x', 2);
    // Mean CPU of a scrolled frame on the main thread (script, style, layout, paint records).
    printFigure('review_scroll_cpu_per_frame', scrollCpu / SCROLL_FRAMES, 'ms', 2);
    if (process.env.BENCH_VERBOSE) {
      const histogram = (values: number[]) => [0, 2, 4, 8, 12, 16, 17, 20, 25, 33, 50].map((bound, index, bounds) => `${bound}–${bounds[index + 1] ?? '∞'}: ${values.filter((value) => value >= bound && value < (bounds[index + 1] ?? Infinity)).length}`).join(', ');
      log(`scroll intervals (ms): ${histogram(frames.intervals)}`);
      log(`scroll work (ms): ${histogram(frames.work)}`);
      log(`idle intervals (ms): ${histogram(idle.intervals)}`);
    }
    const rows = await page.evaluate<number>("document.querySelectorAll('.review-row').length");
    const loaded = await page.evaluate<number>("document.querySelectorAll('.review-row .lead-item-loading').length");
    process.stderr.write(`rows in the DOM after scrolling: ${rows} (${loaded} still loading), scrolled to ${await page.evaluate<number>('window.scrollY')} px\n`);
  } finally {
    await browser.close();
    await host.stop();
  }
}
