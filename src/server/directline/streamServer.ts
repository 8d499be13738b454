/**
 * The WebSocket stream: GET /v3/directline/conversations/:id/stream?t=<token>&watermark=N (upgrade).
 * On connect it sends everything after the watermark, then every new activity as `{ activities, watermark }`
 * (typing without a watermark: it is never kept). Like Azure it allows one stream per conversation — a new one
 * replaces the old ("collision") so a client that reconnects after a network blip is never locked out — and
 * sends empty frames as heartbeats; a ping that gets no pong by the next beat drops a dead socket. Frames the
 * client sends (directlinejs sends empty ones as its own heartbeat) are ignored. Only this path's upgrades are
 * taken; others are left to whoever else listens.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { hashId } from '../../logging/logger';
import { checkAccess } from './authorize';
import { CLIENT_PREFIX } from './constants';
import type { DirectLineContext } from './context';
import type { Conversation, StreamEvent } from './conversationStore';
import { parseWatermark } from './routeSupport';

const STREAM_PATH = new RegExp(`^${CLIENT_PREFIX}/conversations/([^/]+)/stream$`);

export class StreamServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096, clientTracking: true });
  private readonly byConversation = new Map<string, WebSocket>();
  private readonly alive = new WeakSet<WebSocket>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(req, socket, head);

  constructor(private readonly http: HttpServer, private readonly ctx: DirectLineContext) {
    http.on('upgrade', this.onUpgrade);
    this.heartbeat = setInterval(() => this.beat(), ctx.limits.heartbeatSeconds * 1000);
    this.heartbeat.unref();
  }

  /** Closes every stream (1001 "going away") and stops taking upgrades; resolves when the sockets are gone. */
  async close(): Promise<void> {
    this.http.off('upgrade', this.onUpgrade);
    clearInterval(this.heartbeat);
    const closing = [...this.wss.clients].map((ws) => new Promise<void>((resolve) => {
      ws.once('close', () => resolve());
      ws.close(1001, 'server closing');
      setTimeout(() => ws.terminate(), 1000).unref();
    }));
    await Promise.all(closing);
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return; // not ours: restify and any other 'upgrade' listener see it untouched
    socket.on('error', () => socket.destroy());
    if (this.ctx.closed) return reject(socket, 503, 'ServiceUnavailable', 'The local Direct Line service is shutting down.');
    const conversationId = safeDecode(match[1] ?? '');
    const watermark = parseWatermark(url.searchParams.get('watermark') ?? undefined);
    // The conversation may have to come from the data store (after a restart): the rest waits for it.
    void checkAccess(this.ctx, url.searchParams.get('t') ?? undefined, conversationId).then(
      (access) => {
        if (socket.destroyed) return;
        if (!access.ok) return reject(socket, access.status, access.code, access.message);
        if (watermark === null) return reject(socket, 400, 'BadArgument', 'The watermark must be a number.');
        this.wss.handleUpgrade(req, socket, head, (ws) => this.connect(ws, access.conversation, watermark));
      },
      () => reject(socket, 503, 'ServiceUnavailable', 'The conversation could not be opened; try again.')
    );
  }

  private connect(ws: WebSocket, conversation: Conversation, watermark: number | undefined): void {
    const log = { conversation: hashId(conversation.id) };
    if (this.ctx.store.get(conversation.id) !== conversation) return ws.close(1000, 'conversation ended');
    const previous = this.byConversation.get(conversation.id);
    if (previous) previous.close(1000, 'collision');
    this.byConversation.set(conversation.id, ws);
    this.alive.add(ws);

    const send = (event: StreamEvent) => {
      if (event.kind === 'ended') return ws.close(1000, 'conversation ended');
      if (ws.readyState !== WebSocket.OPEN) return;
      const frame = event.watermark === undefined ? { activities: event.activities } : { activities: event.activities, watermark: event.watermark };
      ws.send(JSON.stringify(frame), (error) => error && ws.terminate());
    };
    const unsubscribe = this.ctx.store.subscribe(conversation, send);
    const backlog = conversation.history.after(watermark);
    if (backlog.activities.length > 0) send({ kind: 'activities', ...backlog });

    ws.on('pong', () => this.alive.add(ws));
    ws.on('message', () => this.alive.add(ws));
    ws.on('error', () => ws.terminate());
    ws.once('close', () => {
      unsubscribe();
      if (this.byConversation.get(conversation.id) === ws) this.byConversation.delete(conversation.id);
      this.ctx.logger.debug({ event: 'directline_stream_closed', ...log });
    });
    this.ctx.logger.debug({ event: 'directline_stream_opened', ...log });
  }

  /** An empty frame (what Azure sends to keep the stream alive) and a ping; no pong since last time → dropped. */
  private beat(): void {
    for (const ws of this.wss.clients) {
      if (!this.alive.has(ws)) {
        ws.terminate();
        continue;
      }
      this.alive.delete(ws);
      if (ws.readyState !== WebSocket.OPEN) continue;
      ws.ping();
      ws.send('');
    }
  }
}

/** Answers an upgrade request with a plain HTTP error in the Direct Line JSON shape and closes the socket. */
function reject(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}
