/**
 * The channel in front of N instances, as Azure Bot Service is: it posts each user message to whichever
 * instance it picks (`say(instance, …)`), and every instance answers — in the turn or proactively, a worker's
 * message minutes later — through one Bot Connector service (this fake's serviceUrl), which records what each
 * conversation received. Auth is off (BEACON_ENV=local), as with the local Direct Line.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  type: string;
  text?: string;
  [key: string]: unknown;
}

export class FakeChannel {
  private readonly byConversation = new Map<string, Received[]>();
  private server?: Server;
  private next = 1;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
        if (!match || req.method !== 'POST') {
          res.writeHead(req.method === 'GET' ? 200 : 404, { 'Content-Type': 'application/json' });
          res.end('[]');
          return;
        }
        const conversation = decodeURIComponent(match[1]!);
        const list = this.byConversation.get(conversation) ?? [];
        list.push(JSON.parse(raw || '{}') as Received);
        this.byConversation.set(conversation, list);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ id: String(this.next++) }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A new user's conversation. */
  user(): ChannelUser {
    return new ChannelUser(this, `conv-${randomUUID()}`);
  }

  received(conversation: string): Received[] {
    return this.byConversation.get(conversation) ?? [];
  }
}

export class ChannelUser {
  private turn = 0;

  constructor(private readonly channel: FakeChannel, readonly conversation: string) {}

  /** Bot messages so far, as text. */
  get lines(): string[] {
    return this.channel.received(this.conversation).filter((a) => a.type === 'message').map((a) => a.text ?? '');
  }

  /** Activities of one type received so far (typing, say). */
  count(type: string): number {
    return this.channel.received(this.conversation).filter((a) => a.type === type).length;
  }

  /** Posts a message to one instance, as the channel would; resolves when that instance answered the POST. */
  say(instanceUrl: string, text: string): Promise<number> {
    return this.post(instanceUrl, { type: 'message', text });
  }

  /** Posts any activity (a typing indicator, say) to one instance. */
  async post(instanceUrl: string, fields: { type: string; text?: string }): Promise<number> {
    const id = `${this.conversation}-m${++this.turn}`;
    const activity = {
      ...fields, id, locale: 'en-GB', channelId: 'directline', serviceUrl: this.channel.url,
      from: { id: `user-${this.conversation}`, role: 'user' }, recipient: { id: 'beacon', name: 'Beacon', role: 'bot' },
      conversation: { id: this.conversation }, timestamp: new Date().toISOString()
    };
    const res = await fetch(`${instanceUrl}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
    await res.text();
    return res.status;
  }

  /** Waits until a bot message after the first `after` ones matches (polls every 50 ms). */
  async waitFor(pattern: RegExp, timeoutMs = 20_000, after = 0): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.lines.slice(after).find((line) => pattern.test(line));
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`No bot message matching ${pattern} in ${timeoutMs} ms; got ${JSON.stringify(this.lines.slice(after))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
