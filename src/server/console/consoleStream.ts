/**
 * GET /api/console/stream (WebSocket upgrade): what changes, as it happens, for one signed-in worker. The
 * session cookie authenticates it; the Origin must be this server (no other site can open it with the
 * worker's cookie). Frames are JSON: `session` (a session this worker may see changed), `queue` (something else changed: refetch), `message`,
 * `delivery` and `typing` (only for the worker in that chat). A session that expires closes the socket with
 * 4401; the page then shows the sign-in form. After a restart the page simply reconnects.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { ChatMessage, Delivery, HandoffSession } from '../../handoff/handoffTypes';
import type { ConsoleContext } from './consoleContext';
import { readCookie } from './consoleHttp';
import { mayView, sessionView } from './sessionView';

const PATH = '/api/console/stream';
const CHECK_MS = 30_000;

interface Client {
  ws: WebSocket;
  token: string;
  username: string;
}

export class ConsoleStream {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  private readonly clients = new Set<Client>();
  private readonly timer: NodeJS.Timeout;
  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => void this.upgrade(req, socket, head);
  private readonly listeners = {
    session: (s: HandoffSession) => void this.onSession(s),
    message: (id: string, m: ChatMessage) => void this.toWorker(id, { type: 'message', sessionId: id, message: m }),
    delivery: (id: string, seq: number, delivery: Delivery) => void this.toWorker(id, { type: 'delivery', sessionId: id, seq, delivery }),
    userTyping: (id: string) => void this.toWorker(id, { type: 'typing', sessionId: id })
  };

  constructor(private readonly http: HttpServer, private readonly ctx: ConsoleContext) {
    http.on('upgrade', this.onUpgrade);
    const events = ctx.hub.deps.events;
    events.on('session', this.listeners.session);
    events.on('message', this.listeners.message);
    events.on('delivery', this.listeners.delivery);
    events.on('userTyping', this.listeners.userTyping);
    this.timer = setInterval(() => void this.expire(), CHECK_MS);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.http.off('upgrade', this.onUpgrade);
    clearInterval(this.timer);
    const events = this.ctx.hub.deps.events;
    events.off('session', this.listeners.session);
    events.off('message', this.listeners.message);
    events.off('delivery', this.listeners.delivery);
    events.off('userTyping', this.listeners.userTyping);
    for (const c of this.clients) c.ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== PATH) return;
    socket.on('error', () => socket.destroy());
    const origin = req.headers.origin;
    if (origin && !sameHost(origin, req.headers.host)) return refuse(socket, 403);
    const token = readCookie(req);
    const session = await this.ctx.sessions.check(token).catch(() => undefined);
    if (!token || !session) return refuse(socket, 401);
    this.wss.handleUpgrade(req, socket, head, (ws) => this.connect(ws, token, session.username));
  }

  private connect(ws: WebSocket, token: string, username: string): void {
    const client: Client = { ws, token, username };
    this.clients.add(client);
    this.ctx.online.set(username, (this.ctx.online.get(username) ?? 0) + 1);
    ws.on('error', () => ws.terminate());
    ws.once('close', () => {
      this.clients.delete(client);
      const left = (this.ctx.online.get(username) ?? 1) - 1;
      if (left > 0) this.ctx.online.set(username, left);
      else this.ctx.online.delete(username);
    });
    send(ws, { type: 'hello', username });
  }

  private async onSession(session: HandoffSession): Promise<void> {
    for (const client of this.clients) {
      const account = await this.ctx.accounts.find(client.username).catch(() => undefined);
      // Those who may see it get it; everyone else only learns that the queue changed (to refetch it).
      if (account && mayView(account, session)) send(client.ws, { type: 'session', session: sessionView(session, account, this.ctx.hub.now()) });
      else send(client.ws, { type: 'queue' });
    }
  }

  private async toWorker(sessionId: string, frame: Record<string, unknown>): Promise<void> {
    const session = await this.ctx.hub.deps.store.session(sessionId);
    const owner = session?.worker?.username;
    for (const client of this.clients) if (owner && client.username === owner) send(client.ws, frame);
  }

  /** Closes the sockets of sessions that expired (idle timeout) or were signed out. */
  private async expire(): Promise<void> {
    for (const client of this.clients) {
      const alive = await this.ctx.sessions.check(client.token, false).catch(() => undefined);
      if (!alive) client.ws.close(4401, 'session expired');
    }
  }
}

function send(ws: WebSocket, frame: Record<string, unknown>): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame), (error) => error && ws.terminate());
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function refuse(socket: Duplex, status: 401 | 403): void {
  socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
