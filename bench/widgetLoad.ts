/**
 * One load of the widget page in Chromium, measured through the DevTools protocol: the bytes that crossed the
 * wire (each response's encoded length, headers included, as `Network.loadingFinished` reports it; 0 for a
 * response from the browser's cache), the HTTP requests made and how many the cache answered, and when, from the
 * start of the navigation, the Quick Exit link was in the page and the first bot message bubble was shown (both
 * taken in the page by a MutationObserver installed before any of the page's scripts run), with the steps in
 * between: the bundle arrived, Web Chat ran and asked for a token, the bot's greeting came over the WebSocket.
 */
import type { CDPSession, Page } from 'playwright-core';

/** Chrome DevTools' "Slow 4G" preset (the same values as Lighthouse's mobile throttling and Puppeteer's preset). */
export const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75, // ms
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9, // bytes/s
  uploadThroughput: ((750 * 1000) / 8) * 0.9
};
export const CPU_SLOWDOWN = 4;

export interface LoadFigures {
  /** Encoded bytes received over HTTP, headers included. */
  wireBytes: number;
  requests: number;
  fromCache: number;
  /** WebSocket connections opened (Direct Line's stream), and the bytes of the frames they received. */
  webSockets: number;
  webSocketBytes: number;
  /** How the Web Chat bundle came: br, gzip, identity, or cache. */
  bundle: string;
  /** Milliseconds from the start of the navigation. */
  ms: Timeline;
}

export interface Timeline {
  /** The Quick Exit link was in the page (quick-exit.js, in <head>, has run before the parser reaches it). */
  quickExit: number;
  /** The Web Chat bundle's last byte had arrived (Resource Timing). */
  bundleArrived: number;
  /** widget.js asked for a Direct Line token: Web Chat's bundle had run (Resource Timing). */
  chatStarted: number;
  /** The bot's first message arrived on the WebSocket (DevTools' network clock, from the page's own request). */
  greetingReceived: number;
  /** The first bot message bubble was shown. */
  firstMessage: number;
}

interface Marks {
  quickExit?: number;
  firstMessage?: number;
}

const BUNDLE = /\/webchat\.[\w-]+\.js$/;
/** The token request widget.js makes first: the local stand-in's, or production's /api/directline/token. */
const TOKEN = /\/tokens\/generate$|\/api\/directline\/token$/;
const BOT_BUBBLE = '#webchat .webchat__bubble:not(.webchat__bubble--from-user)';
/** A cap for a report that would otherwise wait for ever if the page never greets; not a measured limit. */
const GIVE_UP_MS = 180000;

/** Installs the in-page clock on every document the page loads (survives reloads). */
export async function watchMarks(page: Page): Promise<void> {
  await page.addInitScript((bubble: string) => {
    const marks: { quickExit?: number; firstMessage?: number } = {};
    (window as unknown as { beaconReportMarks: typeof marks }).beaconReportMarks = marks;
    const observer = new MutationObserver(() => {
      if (marks.quickExit === undefined && document.getElementById('quick-exit')) marks.quickExit = performance.now();
      const first = document.querySelector(bubble);
      if (marks.firstMessage === undefined && first && (first.textContent ?? '').trim()) {
        marks.firstMessage = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  }, BOT_BUBBLE);
}

type Traffic = Omit<LoadFigures, 'ms'> & { greetingReceived: number };

/** Counts what the page fetches from now on, for as long as the session lasts; the function returned reads the totals. */
export function countTraffic(session: CDPSession): () => Traffic {
  const requests = new Set<string>();
  const cached = new Set<string>();
  const traffic: Traffic = { wireBytes: 0, requests: 0, fromCache: 0, webSockets: 0, webSocketBytes: 0, bundle: '?', greetingReceived: Number.NaN };
  let documentAt = Number.NaN;
  session.on('Network.requestWillBeSent', (event) => {
    // In-memory URLs (a data: image, the blob: Web Chat starts a worker from) never reach the network.
    if (/^(data|blob):/.test(event.request.url)) return;
    requests.add(event.requestId);
    if (event.type === 'Document' && Number.isNaN(documentAt)) documentAt = event.timestamp;
  });
  session.on('Network.requestServedFromCache', (event) => cached.add(event.requestId));
  session.on('Network.responseReceived', (event) => {
    if (event.response.fromDiskCache) cached.add(event.requestId);
    if (!BUNDLE.test(new URL(event.response.url).pathname)) return;
    const encoding = Object.entries(event.response.headers).find(([name]) => name.toLowerCase() === 'content-encoding')?.[1];
    traffic.bundle = cached.has(event.requestId) ? 'cache' : (encoding ?? 'identity');
  });
  session.on('Network.loadingFinished', (event) => {
    if (requests.has(event.requestId)) traffic.wireBytes += event.encodedDataLength;
  });
  session.on('Network.webSocketCreated', () => traffic.webSockets++);
  session.on('Network.webSocketFrameReceived', (event) => {
    traffic.webSocketBytes += Buffer.byteLength(event.response.payloadData);
    if (Number.isNaN(traffic.greetingReceived) && carriesBotMessage(event.response.payloadData)) {
      traffic.greetingReceived = (event.timestamp - documentAt) * 1000;
    }
  });
  return () => ({ ...traffic, requests: requests.size, fromCache: cached.size });
}

/** A Direct Line frame ({"activities": [...]}) with a message from the bot. */
function carriesBotMessage(payload: string): boolean {
  try {
    const activities = (JSON.parse(payload) as { activities?: Array<{ type?: string; from?: { role?: string } }> }).activities ?? [];
    return activities.some((a) => a.type === 'message' && a.from?.role !== 'user');
  } catch {
    return false;
  }
}

/** Slows the page's network to Slow 4G and its CPU four times, for as long as the session lasts. */
export async function throttle(session: CDPSession): Promise<void> {
  await session.send('Network.emulateNetworkConditions', SLOW_4G);
  await session.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

/**
 * Runs `navigate` (a goto or a reload) in a page whose clock `watchMarks` installed, and measures it until the
 * first bot message and a quiet network. A session of its own counts the traffic; `slow` throttles it.
 */
export async function measureLoad(page: Page, navigate: () => Promise<unknown>, slow = false): Promise<LoadFigures> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Network.enable');
    if (slow) await throttle(session);
    const totals = countTraffic(session);
    await navigate();
    await page.waitForFunction(() => (window as unknown as { beaconReportMarks?: Marks }).beaconReportMarks?.firstMessage !== undefined, undefined, {
      timeout: GIVE_UP_MS,
      polling: 250
    });
    await page.waitForLoadState('networkidle');
    const counted = totals();
    const marks = await page.evaluate(() => (window as unknown as { beaconReportMarks: Marks }).beaconReportMarks);
    const resources = await page.evaluate(({ bundle, token }) => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const find = (pattern: string) => entries.find((entry) => new RegExp(pattern).test(new URL(entry.name).pathname));
      return { bundleArrived: find(bundle)?.responseEnd ?? Number.NaN, chatStarted: find(token)?.startTime ?? Number.NaN };
    }, { bundle: BUNDLE.source, token: TOKEN.source });
    const { greetingReceived, ...rest } = counted;
    return {
      ...rest,
      ms: { quickExit: marks.quickExit ?? Number.NaN, ...resources, greetingReceived, firstMessage: marks.firstMessage ?? Number.NaN }
    };
  } finally {
    await session.detach().catch(() => undefined);
  }
}
