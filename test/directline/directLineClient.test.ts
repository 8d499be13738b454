/**
 * The local Direct Line as botframework-directlinejs (the library inside Web Chat) uses it, against a real
 * listening server with a real botbuilder echo bot: greeting, echo, proactive messages over the WebSocket,
 * polling with watermarks, typing, and attachments stripped before the bot sees them.
 */
import type { Activity } from 'botframework-directlinejs';
import { connectClient, type TestClient } from './directLineClient';
import { startEchoBotServer, type EchoBotServer } from './echoBotServer';
import { api } from './httpHelpers';

let bot: EchoBotServer;
let client: TestClient | undefined;

beforeEach(async () => {
  bot = await startEchoBotServer();
});
afterEach(async () => {
  await client?.end();
  client = undefined;
  await bot.close();
});

const fromBot = (text: string) => (a: Activity) => a.from.role === 'bot' && a.type === 'message' && a.text === text;

describe('local Direct Line with botframework-directlinejs', () => {
  it('greets when the conversation starts, before the user types anything', async () => {
    client = connectClient(bot.baseUrl, { locale: 'fr-BE' });
    const greeting = await client.received.waitFor(fromBot('Welcome! I am a bot.'));
    expect(greeting.id).toMatch(/\|0000001$/);

    const update = bot.seen.find((a) => a.type === 'conversationUpdate');
    expect(update).toMatchObject({ channelId: 'directline', locale: 'fr-BE', recipient: { id: 'beacon', role: 'bot' } });
    expect(update?.membersAdded?.map((m) => m.id)).toEqual(['beacon', update?.from?.id]);
    expect(bot.seen.filter((a) => a.type === 'conversationUpdate')).toHaveLength(1);
  });

  it('echoes the user\'s message back with its id, then delivers the bot\'s reply to it', async () => {
    client = connectClient(bot.baseUrl);
    const id = await client.post({ type: 'message', text: 'hi', locale: 'de-AT', channelData: { clientActivityID: 'c1' } });

    const echo = await client.received.waitFor((a) => a.id === id);
    expect(echo).toMatchObject({ type: 'message', text: 'hi', from: { role: 'user' }, channelData: { clientActivityID: 'c1' } });
    const reply = await client.received.waitFor(fromBot('echo: hi'));
    expect((reply as unknown as { replyToId?: string }).replyToId).toBe(id);

    const seen = bot.seen.find((a) => a.type === 'message');
    expect(seen).toMatchObject({
      id, text: 'hi', locale: 'de-AT', channelId: 'directline', serviceUrl: bot.connectorUrl,
      recipient: { id: 'beacon', name: 'Beacon', role: 'bot' }, from: { role: 'user', name: 'Ada' }
    });
    expect(seen?.conversation?.id).toBe(echo.conversation?.id);
  });

  it('delivers a proactive message sent 200 ms later through continueConversationAsync over the WebSocket', async () => {
    client = connectClient(bot.baseUrl);
    await client.received.waitFor(fromBot('Welcome! I am a bot.'));
    await client.post({ type: 'message', text: 'later' });
    await client.received.waitFor(fromBot('ok'));
    const proactive = await client.received.waitFor(fromBot('proactive hello'), 3000);

    expect(proactive.id).toMatch(/\|\d{7}$/);
    // Nothing was fetched by polling: the stream carried it.
    expect(client.ajax.calls.filter((c) => c.method === 'GET' && c.url.includes('/activities'))).toEqual([]);
  });

  it('serves a polling client (webSocket: false) with the greeting and replies', async () => {
    client = connectClient(bot.baseUrl, { webSocket: false });
    await client.received.waitFor(fromBot('Welcome! I am a bot.'));
    await client.post({ type: 'message', text: 'hi' });
    await client.received.waitFor(fromBot('echo: hi'));
    expect(client.ajax.calls.some((c) => c.method === 'GET' && c.url.includes('/activities?watermark='))).toBe(true);
    // Each activity arrives once, however many polls ran.
    const ids = client.received.activities.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('streams the bot\'s typing activity but never returns it from history', async () => {
    client = connectClient(bot.baseUrl);
    await client.post({ type: 'message', text: 'typing' });
    const typing = await client.received.waitFor((a) => a.type === 'typing' && a.from.role === 'bot');
    await client.received.waitFor(fromBot('done'));
    expect(typing.id).toBeTruthy();

    const { conversationId, token } = client.directLine as unknown as { conversationId: string; token: string };
    const history = await api(bot.baseUrl, 'GET', `/v3/directline/conversations/${conversationId}/activities`, { token });
    const types = (history.json.activities as Array<{ type: string }>).map((a) => a.type);
    expect(types).toContain('message');
    expect(types).not.toContain('typing');
  });

  it('removes an uploaded image before the bot sees it and tells the bot how many were removed', async () => {
    client = connectClient(bot.baseUrl);
    await client.received.waitFor(fromBot('Welcome! I am a bot.'));
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const id = await client.post({
      type: 'message',
      text: 'look',
      attachments: [{ contentType: 'image/png', contentUrl: png, name: 'me.png' }]
    });
    expect(client.ajax.calls.some((c) => c.url.includes(`/upload?userId=`))).toBe(true);

    const seen = bot.seen.find((a) => a.type === 'message' && a.text === 'look');
    expect(seen?.attachments).toEqual([]);
    expect(seen?.channelData).toMatchObject({ beaconAttachmentsRemoved: 1 });
    const echo = await client.received.waitFor((a) => a.id === id);
    expect((echo as { attachments?: unknown[] }).attachments).toEqual([]);
    expect(JSON.stringify(bot.seen)).not.toContain('iVBOR');
  });

  it('never writes what the user typed, a file, or a raw conversation id to the log', async () => {
    client = connectClient(bot.baseUrl);
    await client.received.waitFor(fromBot('Welcome! I am a bot.'));
    await client.post({ type: 'message', text: 'my very private words' });
    await client.post({ type: 'message', text: 'see', attachments: [{ contentType: 'image/png', contentUrl: 'data:image/png;base64,U0VDUkVUSU1BR0U=', name: 'x.png' }] });
    await client.received.waitFor(fromBot('echo: see'));

    const log = bot.logLines.join('');
    expect(log).toContain('directline_conversation_started');
    expect(log).toContain('directline_attachments_removed');
    const { conversationId } = client.directLine as unknown as { conversationId: string };
    for (const secret of ['my very private words', 'U0VDUkVUSU1BR0U', 'x.png', conversationId]) expect(log).not.toContain(secret);
  });
});
