/**
 * botframework-directlinejs in Node, as Web Chat uses it in a browser. The library needs a WebSocket class
 * (the `ws` package's) and an rxjs-5 `ajax` function (browsers have XMLHttpRequest; Node does not), so this
 * file provides `fetchAjax`: the same contract — an Observable of `{ status, response, xhr }` that errors with
 * `{ status }` on a non-2xx answer — on top of Node's fetch. `ActivityLog` collects what the client receives.
 */
import { createRequire } from 'node:module';
import { ConnectionStatus, DirectLine, type Activity } from 'botframework-directlinejs';
import { WebSocket } from 'ws';

interface Subscriber {
  next(value: unknown): void;
  error(error: unknown): void;
  complete(): void;
}
interface RxStatic {
  create(subscribe: (subscriber: Subscriber) => () => void): unknown;
}

// The rxjs 5 that botframework-directlinejs itself loads, so the operators it patches in are there.
const requireFromDirectLine = createRequire(require.resolve('botframework-directlinejs'));
const { Observable } = requireFromDirectLine('rxjs/Observable') as { Observable: RxStatic };

interface AjaxRequest {
  url: string;
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeout?: number;
  responseType?: string;
}

export interface AjaxLog {
  calls: Array<{ method: string; url: string; status: number }>;
}

/** An rxjs-5 ajax on fetch; every call is recorded in `log` (method, URL, status). */
export function fetchAjax(log: AjaxLog = { calls: [] }) {
  return (input: AjaxRequest | string) => {
    const request: AjaxRequest = typeof input === 'string' ? { url: input } : input;
    const method = request.method ?? 'GET';
    return Observable.create((subscriber) => {
      const controller = new AbortController();
      const timer = request.timeout ? setTimeout(() => controller.abort(), request.timeout) : undefined;
      const body = request.body === undefined || typeof request.body === 'string' || request.body instanceof FormData
        ? (request.body as string | FormData | undefined)
        : JSON.stringify(request.body);
      fetch(request.url, { method, headers: request.headers, body, signal: controller.signal })
        .then(async (res) => {
          const response = request.responseType === 'arraybuffer' ? await res.arrayBuffer() : await jsonOrText(res);
          log.calls.push({ method, url: request.url, status: res.status });
          const xhr = { getResponseHeader: (name: string) => res.headers.get(name) };
          if (res.ok) {
            subscriber.next({ status: res.status, response, xhr, request });
            subscriber.complete();
          } else {
            subscriber.error({ status: res.status, response, xhr, message: `ajax error ${res.status}` });
          }
        })
        .catch((error: unknown) => subscriber.error({ status: 0, error, xhr: { getResponseHeader: () => null } }))
        .finally(() => clearTimeout(timer));
      return () => {
        clearTimeout(timer);
        controller.abort();
      };
    });
  };
}

async function jsonOrText(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

/** Everything a client received, with a way to wait for a particular activity. */
export class ActivityLog {
  readonly activities: Activity[] = [];
  private waiters: Array<{ match: (a: Activity) => boolean; resolve: (a: Activity) => void }> = [];

  push(activity: Activity): void {
    this.activities.push(activity);
    this.waiters = this.waiters.filter((w) => (w.match(activity) ? (w.resolve(activity), false) : true));
  }

  waitFor(match: (a: Activity) => boolean, timeoutMs = 5000): Promise<Activity> {
    const found = this.activities.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No matching activity within ${timeoutMs} ms; got ${this.activities.length}`)), timeoutMs);
      this.waiters.push({ match, resolve: (a) => { clearTimeout(timer); resolve(a); } });
    });
  }
}

export interface TestClient {
  directLine: DirectLine;
  received: ActivityLog;
  ajax: AjaxLog;
  /** Posts an activity and resolves with the id the service gave it. */
  post(activity: Record<string, unknown>): Promise<string>;
  end(): Promise<void>;
}

/**
 * A DirectLine client on the local endpoint, already subscribed; `webSocket: false` makes it poll. With `token`
 * and `conversationId` it reopens that conversation, as the widget does after a reload.
 */
export function connectClient(baseUrl: string, options: { webSocket?: boolean; locale?: string; token?: string; conversationId?: string } = {}): TestClient {
  const ajax: AjaxLog = { calls: [] };
  const directLine = new DirectLine({
    domain: `${baseUrl}/v3/directline`,
    token: options.token,
    conversationId: options.conversationId,
    webSocket: options.webSocket ?? true,
    pollingInterval: 200,
    timeout: 5000,
    conversationStartProperties: { locale: options.locale ?? 'en-GB' },
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    ajax: fetchAjax(ajax) as never
  });
  const received = new ActivityLog();
  const subscription = directLine.activity$.subscribe({ next: (a) => received.push(a), error: () => undefined });
  return {
    directLine,
    received,
    ajax,
    post: (activity) =>
      new Promise((resolve, reject) => {
        directLine.postActivity({ from: { id: 'someone', name: 'Ada' }, ...activity } as Activity).subscribe({ next: resolve, error: reject });
      }),
    async end() {
      subscription.unsubscribe();
      directLine.end();
      // Let the WebSocket close handshake finish before the server goes away.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
}

export { ConnectionStatus };
