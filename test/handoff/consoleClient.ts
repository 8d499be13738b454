/**
 * A helpline worker in tests: signs in to the console API with a cookie and the CSRF token, calls it, and
 * listens on its WebSocket. Also writes worker accounts into a DATA_DIR as `npm run console:add-user` does.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { Accounts } from '../../src/server/console/accounts';
import { hashPassword } from '../../src/server/console/passwordHash';

export const PASSWORD = 'correct horse battery';

export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'beacon-handoff-'));
}

export async function addWorker(dataDir: string, username: string, extra: Partial<{ name: string; role: 'worker' | 'supervisor'; languages: '*' | string[]; countries: '*' | string[] }> = {}): Promise<void> {
  await new Accounts(undefined, dataDir).save({
    username, name: extra.name ?? username[0]!.toUpperCase() + username.slice(1), role: extra.role ?? 'worker',
    languages: extra.languages ?? '*', countries: extra.countries ?? '*', hash: await hashPassword(PASSWORD)
  });
}

export interface ApiAnswer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export class Worker {
  cookie = '';
  csrf = '';
  readonly frames: any[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  private ws?: WebSocket;
  private waiters: Array<{ match: (f: any) => boolean; resolve: (f: any) => void }> = []; // eslint-disable-line @typescript-eslint/no-explicit-any

  constructor(public baseUrl: string, readonly username: string) {}

  async login(password = PASSWORD): Promise<ApiAnswer & { headers?: Headers }> {
    const res = await this.call('POST', '/api/console/login', { username: this.username, password });
    const setCookie = res.headers?.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    if (res.status === 200) this.csrf = res.body.csrfToken;
    return res;
  }

  async call(method: string, route: string, body?: unknown, options: { csrf?: boolean } = {}): Promise<ApiAnswer & { headers?: Headers }> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.cookie) headers['Cookie'] = this.cookie;
    if (method !== 'GET' && options.csrf !== false && this.csrf) headers['X-CSRF-Token'] = this.csrf;
    const res = await fetch(`${this.baseUrl}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const raw = await res.text();
    return { status: res.status, body: raw ? JSON.parse(raw) : undefined, headers: res.headers };
  }

  async accept(sessionId: string): Promise<ApiAnswer> {
    return this.call('POST', `/api/console/sessions/${sessionId}/accept`, {});
  }

  async send(sessionId: string, text: string, key: string): Promise<ApiAnswer> {
    return this.call('POST', `/api/console/sessions/${sessionId}/messages`, { text, key });
  }

  async queue(): Promise<{
    queued: Array<{ id: string; context: Record<string, unknown> }>;
    mine: Array<{ id: string; wrapUpDue?: boolean; left?: string; notes?: string }>;
    load: { chats: number; max: number };
  }> {
    return (await this.call('GET', '/api/console/queue')).body;
  }

  async connect(): Promise<void> {
    const ws = new WebSocket(`${this.baseUrl.replace('http', 'ws')}/api/console/stream`, { headers: { Cookie: this.cookie } });
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data));
      this.frames.push(frame);
      this.waiters = this.waiters.filter((w) => (w.match(frame) ? (w.resolve(frame), false) : true));
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    this.ws = ws;
  }

  waitFor(match: (frame: any) => boolean, timeoutMs = 5000): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const found = this.frames.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No matching console frame in ${timeoutMs} ms; got ${JSON.stringify(this.frames.map((f) => f.type))}`)), timeoutMs);
      this.waiters.push({ match, resolve: (f) => { clearTimeout(timer); resolve(f); } });
    });
  }

  close(): void {
    this.ws?.close();
  }
}
