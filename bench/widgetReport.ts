/**
 * `npm run widget:report`: how the widget loads on a phone, in headless Chromium against the real Beacon on its
 * local defaults. Three loads: cold (an empty browser cache), warm (the same tab reloaded, its cache kept), and
 * cold again on emulated Slow 4G with a 4× slower CPU. For each: bytes on the wire, requests, when the Quick
 * Exit link was there and when the first bot message was shown. Prints the figures and issue 17's goals
 * (≤ 1 MB cold, first message ≤ 8 s on the slow phone); it reports, it never fails on a figure.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBotProcess } from './botProcess';
import { CPU_SLOWDOWN, SLOW_4G, measureLoad, watchMarks, type LoadFigures } from './widgetLoad';

const ROOT_DIR = path.resolve(__dirname, '../..');
// The browser the widget's tests use (test/browser/widgetBrowser.ts): Debian's Chromium, with the same flags.
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PHONE = { locale: 'en-GB', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const GOAL_COLD_BYTES = 1_000_000;
const GOAL_SLOW_FIRST_MESSAGE_MS = 8000;
/** How long to wait for the server's background brotli copy of the bundle (about 30 s of CPU the first time). */
const COMPRESSION_WAIT_MS = 180000;

function log(message: string): void {
  process.stderr.write(`[widget:report ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/**
 * Waits until the server serves the Web Chat bundle with brotli, as it does once its background compression
 * has run (the first start on a machine serves gzip for about half a minute); returns the encoding it got.
 */
async function bundleEncoding(baseUrl: string): Promise<string> {
  const page = await (await fetch(`${baseUrl}/`)).text();
  const bundle = /src="(\/webchat\.[\w-]+\.js)"/.exec(page)?.[1];
  if (!bundle) throw new Error('The widget page names no Web Chat bundle (no <script src="/webchat.<hash>.js">): is public/index.html changed?');
  const deadline = performance.now() + COMPRESSION_WAIT_MS;
  for (let waited = false; ; waited = true) {
    const response = await fetch(`${baseUrl}${bundle}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    await response.arrayBuffer();
    const encoding = response.headers.get('content-encoding') ?? 'identity';
    if (encoding === 'br' || performance.now() > deadline) return encoding;
    if (!waited) log(`the server serves the bundle as ${encoding} until its brotli copy is made; waiting`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

async function openPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await watchMarks(page);
  return page;
}

interface Run {
  name: string;
  figures: LoadFigures;
}

async function measure(browser: Browser, url: string): Promise<Run[]> {
  const open = (page: Page) => () => page.goto(url, { waitUntil: 'commit' });

  // Not reported: the server's first page after start-up is not what a child on a busy server gets.
  const warmUp = await openPage(browser);
  await measureLoad(warmUp, open(warmUp));
  await warmUp.context().close();

  const page = await openPage(browser);
  const cold = await measureLoad(page, open(page));
  log(`cold: first bot message at ${cold.ms.firstMessage.toFixed(0)} ms`);
  // Forget the tab's chat, or the reload asks "continue or start again?" and no bot message comes until a tap.
  await page.evaluate(() => sessionStorage.clear());
  const warm = await measureLoad(page, () => page.reload({ waitUntil: 'commit' }));
  log(`warm: first bot message at ${warm.ms.firstMessage.toFixed(0)} ms`);
  await page.context().close();

  const slowPage = await openPage(browser);
  const slow = await measureLoad(slowPage, open(slowPage), true);
  log(`Slow 4G + ${CPU_SLOWDOWN}× CPU: first bot message at ${slow.ms.firstMessage.toFixed(0)} ms`);
  await slowPage.context().close();

  return [
    { name: 'cold', figures: cold },
    { name: 'warm (reload)', figures: warm },
    { name: `Slow 4G + ${CPU_SLOWDOWN}× CPU, cold`, figures: slow }
  ];
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(3)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** A plain-text table; `align` has one letter per column, l or r. */
function table(align: string, header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (align[i] === 'r' ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function goal(name: string, measured: string, met: boolean, target: string): string[] {
  return [name, target, measured, met ? 'met' : 'NOT met'];
}

function print(runs: Run[], chromiumVersion: string, served: string): void {
  const [cold, , slow] = runs.map((r) => r.figures);
  const out: string[] = [];
  out.push('');
  out.push(`The widget on a 360 px phone, Chromium ${chromiumVersion}, Beacon on 127.0.0.1 (local defaults); the server's best encoding of the bundle: ${served}`);
  out.push(`Slow 4G: ${SLOW_4G.latency} ms latency, ${(SLOW_4G.downloadThroughput * 8 / 1e6).toFixed(2)} Mbit/s down, ${(SLOW_4G.uploadThroughput * 8 / 1e3).toFixed(0)} kbit/s up (Chrome DevTools' preset)`);
  out.push('');
  out.push(
    table(
      'lrrrlrr',
      ['load', 'on the wire', 'requests', 'from cache', 'bundle', 'Quick Exit link', 'first bot message'],
      runs.map(({ name, figures: f }) => [name, megabytes(f.wireBytes), String(f.requests), String(f.fromCache), f.bundle, seconds(f.ms.quickExit), seconds(f.ms.firstMessage)])
    )
  );
  out.push('');
  out.push('Where the time goes (seconds from the start of the navigation):');
  out.push(
    table(
      'lrrrrr',
      ['load', 'Quick Exit link', 'bundle arrived', 'Web Chat ran', 'greeting on the wire', 'first bot message'],
      runs.map(({ name, figures: { ms } }) => [name, seconds(ms.quickExit), seconds(ms.bundleArrived), seconds(ms.chatStarted), seconds(ms.greetingReceived), seconds(ms.firstMessage)])
    )
  );
  out.push('');
  out.push('On the wire: encoded HTTP bytes with headers, until the first bot message and a quiet network. Times from the start of');
  out.push(`the navigation. Not counted: Direct Line's WebSocket (${runs.map((r) => `${r.figures.webSockets} connection, ${(r.figures.webSocketBytes / 1e3).toFixed(1)} kB of frames`).join('; ')}).`);
  out.push('');
  if (cold && slow) {
    out.push(
      table('llll', ['goal (issue 17)', 'target', 'measured', ''], [
        goal('bytes on the wire, cold load', megabytes(cold.wireBytes), cold.wireBytes <= GOAL_COLD_BYTES, `≤ ${megabytes(GOAL_COLD_BYTES)}`),
        goal(`first bot message, Slow 4G + ${CPU_SLOWDOWN}× CPU`, seconds(slow.ms.firstMessage), slow.ms.firstMessage <= GOAL_SLOW_FIRST_MESSAGE_MS, `≤ ${seconds(GOAL_SLOW_FIRST_MESSAGE_MS)}`)
      ])
    );
  }
  out.push('');
  out.push(`One load each, on a machine with load average ${os.loadavg()[0]?.toFixed(2)} (${os.cpus().length} CPUs): times move with what else runs.`);
  process.stdout.write(`${out.join('\n')}\n`);
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: run "apt-get install -y chromium".`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'beacon-widget-report-'));
  const beacon = await startBotProcess('beacon', { rootDir: ROOT_DIR, dataDir });
  let browser: Browser | undefined;
  try {
    log(`Beacon ready at ${beacon.baseUrl} in ${beacon.startupMs.toFixed(0)} ms`);
    const served = await bundleEncoding(beacon.baseUrl);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    const runs = await measure(browser, `${beacon.baseUrl}/`);
    print(runs, browser.version(), served);
  } finally {
    await browser?.close();
    await beacon.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`The widget report failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
