/**
 * Raw HTTP and WebSocket calls to the local Direct Line, for the cases a well-behaved client never makes:
 * forged tokens, unknown conversations, broken bodies.
 */
import { WebSocket } from 'ws';

export interface ApiAnswer {
  status: number;
  json: { error?: { code?: string; message?: string } } & Record<string, unknown>;
  text: string;
}

export async function api(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string; contentType?: string } = {}
): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let json: ApiAnswer['json'] = {};
  try {
    json = text ? (JSON.parse(text) as ApiAnswer['json']) : {};
  } catch {
    // not JSON: the assertion on `json` will say so
  }
  return { status: response.status, json, text };
}

export interface Started {
  conversationId: string;
  token: string;
  streamUrl: string;
  expires_in: number;
}

/**
 * Starts a conversation with no token, as Web Chat does without one, and (unless told not to) waits for the
 * bot's greeting, so that no test ends while the bot is still answering the conversation start.
 */
export async function startConversation(baseUrl: string, body: unknown = {}, awaitGreeting = true): Promise<Started> {
  const answer = await api(baseUrl, 'POST', '/v3/directline/conversations', { body });
  if (answer.status !== 201) throw new Error(`start failed: ${answer.status} ${answer.text}`);
  const started = answer.json as unknown as Started;
  if (awaitGreeting) await pollUntil(baseUrl, started, (activities) => activities.length > 0);
  return started;
}

/** Polls GET activities until `match` is satisfied or the time is up. */
export async function pollUntil(
  baseUrl: string,
  started: Started,
  match: (activities: Array<Record<string, unknown>>) => boolean,
  watermark?: string,
  timeoutMs = 5000
): Promise<{ activities: Array<Record<string, unknown>>; watermark: string }> {
  const deadline = Date.now() + timeoutMs;
  const query = watermark === undefined ? '' : `?watermark=${watermark}`;
  for (;;) {
    const answer = await api(baseUrl, 'GET', `/v3/directline/conversations/${started.conversationId}/activities${query}`, { token: started.token });
    if (answer.status !== 200) throw new Error(`GET activities failed: ${answer.status} ${answer.text}`);
    const page = answer.json as unknown as { activities: Array<Record<string, unknown>>; watermark: string };
    if (match(page.activities) || Date.now() > deadline) return page;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export type SocketOutcome = { kind: 'open'; ws: WebSocket } | { kind: 'refused'; status: number; body: string };

/** Opens a WebSocket; a refused upgrade gives the HTTP status and body instead. */
export function openSocket(url: string): Promise<SocketOutcome> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve({ kind: 'open', ws }));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ kind: 'refused', status: res.statusCode ?? 0, body }));
      ws.on('error', () => undefined);
    });
    ws.once('error', reject);
  });
}

/** Closes a client socket and waits until it is closed. */
export function closeSocket(ws: WebSocket): Promise<void> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    ws.once('close', () => resolve());
    ws.close();
  });
}
