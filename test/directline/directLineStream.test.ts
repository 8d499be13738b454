/**
 * The WebSocket stream on a real server with raw `ws` clients: backlog after the watermark, live frames,
 * heartbeats, dead-socket detection, one stream per conversation, shutdown, and upgrades for other paths.
 */
import { WebSocket } from 'ws';
import { api, closeSocket, openSocket, startConversation, type Started } from './httpHelpers';
import { startEchoBotServer, type EchoBotServer } from './echoBotServer';

let bot: EchoBotServer;
const sockets: WebSocket[] = [];

afterEach(async () => {
  await Promise.all(sockets.splice(0).map(closeSocket));
  await bot.close();
});

interface Frame {
  activities: Array<{ type: string; text?: string; id: string }>;
  watermark?: string;
}

/** Opens a stream and records its frames ('' for heartbeats) and pings. */
async function listen(url: string, options: { autoPong?: boolean } = {}) {
  const ws = new WebSocket(url, options);
  sockets.push(ws);
  const frames: Array<Frame | ''> = [];
  const events = { pings: 0, closed: undefined as undefined | { code: number; reason: string } };
  ws.on('message', (data) => frames.push(String(data) === '' ? '' : (JSON.parse(String(data)) as Frame)));
  ws.on('ping', () => (events.pings += 1));
  ws.on('close', (code, reason) => (events.closed = { code, reason: reason.toString() }));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, frames, events };
}

async function eventually(check: () => boolean, timeoutMs = 4000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const texts = (frames: Array<Frame | ''>) => frames.flatMap((f) => (f === '' ? [] : f.activities.map((a) => a.text)));

async function say(started: Started, text: string) {
  return api(bot.baseUrl, 'POST', `/v3/directline/conversations/${started.conversationId}/activities`, {
    token: started.token,
    body: { type: 'message', text }
  });
}

describe('the stream', () => {
  it('sends what is past the watermark on connect, then each new activity with its watermark', async () => {
    bot = await startEchoBotServer();
    const started = await startConversation(bot.baseUrl);
    await say(started, 'hi');
    const resume = await api(bot.baseUrl, 'GET', `/v3/directline/conversations/${started.conversationId}?watermark=1`, { token: started.token });
    const stream = await listen(resume.json.streamUrl as string);

    await eventually(() => stream.frames.length >= 1);
    expect(stream.frames[0]).toMatchObject({ watermark: '3', activities: [{ text: 'hi' }, { text: 'echo: hi' }] });
    await say(started, 'again');
    await eventually(() => texts(stream.frames).includes('echo: again'));
    expect(stream.frames.slice(1)).toEqual([
      expect.objectContaining({ watermark: '4', activities: [expect.objectContaining({ text: 'again' })] }),
      expect.objectContaining({ watermark: '5', activities: [expect.objectContaining({ text: 'echo: again' })] })
    ]);
  });

  it('sends empty frames and pings as heartbeats, and drops a socket that stops answering pings', async () => {
    bot = await startEchoBotServer({ limits: { heartbeatSeconds: 1 } });
    const lively = await listen((await startConversation(bot.baseUrl)).streamUrl);
    const silent = await listen((await startConversation(bot.baseUrl)).streamUrl, { autoPong: false });

    await eventually(() => lively.frames.includes('') && lively.events.pings > 0, 3000);
    await eventually(() => silent.events.closed !== undefined, 4000);
    expect(silent.events.closed?.code).toBe(1006);
    expect(lively.events.closed).toBeUndefined();
  });

  it('keeps one stream per conversation: a new one replaces the old with "collision"', async () => {
    bot = await startEchoBotServer();
    const started = await startConversation(bot.baseUrl);
    const first = await listen(started.streamUrl);
    const second = await listen(started.streamUrl);
    await eventually(() => first.events.closed !== undefined);
    expect(first.events.closed).toEqual({ code: 1000, reason: 'collision' });
    await say(started, 'hi');
    await eventually(() => texts(second.frames).includes('echo: hi'));
  });

  it('closes a stream that sends an oversized frame, and serves the next one', async () => {
    bot = await startEchoBotServer();
    const started = await startConversation(bot.baseUrl);
    const stream = await listen(started.streamUrl);
    stream.ws.send('');
    stream.ws.send('x'.repeat(10_000));
    await eventually(() => stream.events.closed !== undefined);
    expect(stream.events.closed?.code).toBe(1009);
    const next = await listen(started.streamUrl);
    await eventually(() => next.frames.length > 0);
  });

  it('on close(): streams end with 1001, client routes answer 503, bot routes 404', async () => {
    bot = await startEchoBotServer();
    const started = await startConversation(bot.baseUrl);
    const stream = await listen(started.streamUrl);
    await bot.closeDirectLine();
    await eventually(() => stream.events.closed !== undefined);
    expect(stream.events.closed?.code).toBe(1001);
    expect((await api(bot.baseUrl, 'POST', '/v3/directline/conversations', { body: {} })).status).toBe(503);
    expect((await say(started, 'hi')).status).toBe(503);
    const botSide = await api(bot.connectorUrl, 'POST', `/v3/conversations/${started.conversationId}/activities`, { body: { type: 'message', text: 'late' } });
    expect(botSide.status).toBe(404);
  });
});

describe('other upgrade requests', () => {
  it('leaves them to another upgrade listener', async () => {
    bot = await startEchoBotServer();
    bot.server.server.on('upgrade', (req, socket) => {
      if (req.url === '/other') socket.end('HTTP/1.1 418 I\'m a Teapot\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    expect(await openSocket(`${bot.baseUrl.replace('http', 'ws')}/other`)).toMatchObject({ kind: 'refused', status: 418 });
    const started = await startConversation(bot.baseUrl);
    expect((await openSocket(started.streamUrl)).kind).toBe('open');
  });
});
