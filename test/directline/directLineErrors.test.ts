/**
 * Bad input never crashes the local Direct Line or shows a stack trace: forged, missing, expired and borrowed
 * tokens get 403, unknown conversations 404, broken bodies 400/413/415, a failing bot 502 — always the
 * Direct Line JSON error shape — and the server keeps serving afterwards.
 */
import { api, openSocket, startConversation, type ApiAnswer } from './httpHelpers';
import { startEchoBotServer, type EchoBotServer } from './echoBotServer';

let bot: EchoBotServer;

beforeAll(async () => {
  bot = await startEchoBotServer();
});
afterAll(async () => {
  await bot.close();
});

const activities = (id: string) => `/v3/directline/conversations/${id}/activities`;

function expectError(answer: ApiAnswer, status: number, code?: string): void {
  expect(answer.status).toBe(status);
  expect(answer.json.error).toEqual({ code: code ?? expect.any(String), message: expect.any(String) });
  expect(answer.text).not.toMatch(/\bat .+:\d+:\d+/); // no stack frames
}

describe('tokens', () => {
  it('refuses a missing, malformed or forged token with 403 BadArgument', async () => {
    const started = await startConversation(bot.baseUrl);
    const [header, payload, signature] = started.token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, exp: (claims.exp as number) + 3600 })).toString('base64url');
    for (const token of [undefined, 'garbage', 'a.b.c', `${header}.${forgedPayload}.${signature}`]) {
      expectError(await api(bot.baseUrl, 'GET', activities(started.conversationId), { token }), 403, 'BadArgument');
    }
  });

  it('refuses a token for another conversation with 403', async () => {
    const mine = await startConversation(bot.baseUrl);
    const theirs = await startConversation(bot.baseUrl);
    expectError(await api(bot.baseUrl, 'GET', activities(theirs.conversationId), { token: mine.token }), 403, 'BadArgument');
    expectError(await api(bot.baseUrl, 'POST', activities(theirs.conversationId), { token: mine.token, body: { type: 'message', text: 'x' } }), 403);
  });

  it('refreshes a valid token for the same conversation', async () => {
    const started = await startConversation(bot.baseUrl);
    const refreshed = await api(bot.baseUrl, 'POST', '/v3/directline/tokens/refresh', { token: started.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json).toMatchObject({ conversationId: started.conversationId, token: expect.any(String), expires_in: 3600 });
    const page = await api(bot.baseUrl, 'GET', activities(started.conversationId), { token: refreshed.json.token as string });
    expect(page.status).toBe(200);
  });

  it('says TokenExpired (403) once a token has expired', async () => {
    const shortLived = await startEchoBotServer({ limits: { tokenTtlSeconds: 1 } });
    try {
      const started = await startConversation(shortLived.baseUrl);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      expectError(await api(shortLived.baseUrl, 'GET', activities(started.conversationId), { token: started.token }), 403, 'TokenExpired');
      expectError(await api(shortLived.baseUrl, 'POST', '/v3/directline/tokens/refresh', { token: started.token }), 403, 'TokenExpired');
    } finally {
      await shortLived.close();
    }
  });
});

describe('unknown conversations', () => {
  it('answers 404 JSON on the client side, the bot side and the stream', async () => {
    const started = await startConversation(bot.baseUrl);
    expectError(await api(bot.baseUrl, 'GET', activities('no-such-conversation'), { token: started.token }), 404);
    expectError(await api(bot.baseUrl, 'GET', '/v3/directline/conversations/no-such-conversation', { token: started.token }), 404);
    expectError(await api(bot.connectorUrl, 'POST', '/v3/conversations/no-such-conversation/activities', { body: { type: 'message', text: 'x' } }), 404);
    expectError(await api(bot.connectorUrl, 'GET', '/v3/conversations/no-such-conversation/members'), 404);

    const socket = await openSocket(`${bot.baseUrl.replace('http', 'ws')}/v3/directline/conversations/no-such-conversation/stream?t=${started.token}`);
    expect(socket).toMatchObject({ kind: 'refused', status: 404 });
  });

  it('does not let another local process post into a conversation without the bot connector key', async () => {
    const started = await startConversation(bot.baseUrl);
    const spoof = { body: { type: 'message', text: 'SPOOF: I am your helpline worker', from: { id: 'x', name: 'Bo (helpline worker)' } } };
    expect((await api(bot.baseUrl, 'POST', `/v3/conversations/${started.conversationId}/activities`, spoof)).status).toBe(404);
    expectError(await api(bot.baseUrl, 'POST', `/connector/guessed-key/v3/conversations/${started.conversationId}/activities`, spoof), 404);
    const seen = await api(bot.baseUrl, 'GET', activities(started.conversationId), { token: started.token });
    expect(seen.status).toBe(200);
    expect(seen.text).not.toContain('SPOOF');
  });

  it('refuses a stream with a bad token with 403', async () => {
    const started = await startConversation(bot.baseUrl);
    const socket = await openSocket(started.streamUrl.replace(/t=[^&]+/, 't=forged'));
    expect(socket.kind).toBe('refused');
    if (socket.kind === 'refused') {
      expect(socket.status).toBe(403);
      expect(JSON.parse(socket.body)).toMatchObject({ error: { code: 'BadArgument' } });
    }
  });
});

describe('bodies', () => {
  it('answers malformed JSON with 400, on both sides, and keeps serving', async () => {
    const started = await startConversation(bot.baseUrl);
    const broken = '{"type":"message","text":"my secret"';
    const client = await api(bot.baseUrl, 'POST', activities(started.conversationId), { token: started.token, raw: broken });
    expectError(client, 400, 'BadArgument');
    expect(client.text).not.toContain('my secret');
    expectError(await api(bot.connectorUrl, 'POST', `/v3/conversations/${started.conversationId}/activities`, { raw: broken }), 400);
    expectError(await api(bot.baseUrl, 'POST', '/v3/directline/conversations', { raw: '{' }), 400);

    const after = await api(bot.baseUrl, 'POST', activities(started.conversationId), { token: started.token, body: { type: 'message', text: 'hi' } });
    expect(after.status).toBe(200);
  });

  it('refuses activities of the wrong shape or type with 400', async () => {
    const started = await startConversation(bot.baseUrl);
    for (const body of [[], 'text', { text: 'no type' }, { type: 'conversationUpdate' }, { type: 'message', text: 42 }, { type: 'message', channelData: 'x' }]) {
      expectError(await api(bot.baseUrl, 'POST', activities(started.conversationId), { token: started.token, body }), 400, 'BadArgument');
    }
    expectError(await api(bot.connectorUrl, 'POST', `/v3/conversations/${started.conversationId}/activities`, { body: { text: 'no type' } }), 400);
  });

  it('refuses a body that is too large (413) or not JSON (415), and a bad watermark (400)', async () => {
    const started = await startConversation(bot.baseUrl);
    const huge = { type: 'message', text: 'x'.repeat(300 * 1024) };
    expectError(await api(bot.baseUrl, 'POST', activities(started.conversationId), { token: started.token, body: huge }), 413);
    expectError(await api(bot.baseUrl, 'POST', activities(started.conversationId), { token: started.token, raw: 'type=message', contentType: 'text/plain' }), 415);
    expectError(await api(bot.baseUrl, 'GET', `${activities(started.conversationId)}?watermark=abc`, { token: started.token }), 400);
  });

  it('strips attachments posted as JSON and flags how many there were', async () => {
    const started = await startConversation(bot.baseUrl);
    const body = { type: 'message', text: 'pics', attachments: [{ contentType: 'image/jpeg', contentUrl: 'https://example.org/a.jpg' }, { contentType: 'image/png', content: 'AAAA' }] };
    const answer = await api(bot.baseUrl, 'POST', activities(started.conversationId), { token: started.token, body });
    expect(answer.status).toBe(200);
    const seen = bot.seen.find((a) => a.id === answer.json.id);
    expect(seen).toMatchObject({ text: 'pics', attachments: [], channelData: { beaconAttachmentsRemoved: 2 } });
    expect(JSON.stringify(bot.seen)).not.toContain('example.org');
  });
});

describe('a bot that fails', () => {
  it('gives the client 502 BotError when the bot answers 500, and the server goes on', async () => {
    const broken = await startEchoBotServer({ botPath: '/api/broken' });
    try {
      const started = await startConversation(broken.baseUrl, {}, false);
      const answer = await api(broken.baseUrl, 'POST', activities(started.conversationId), { token: started.token, body: { type: 'message', text: 'hi' } });
      expectError(answer, 502, 'BotError');
      expect((await api(broken.baseUrl, 'GET', activities(started.conversationId), { token: started.token })).status).toBe(200);
    } finally {
      await broken.close();
    }
  });

  it('gives the client 502 BotNotAvailable when the bot cannot be reached', async () => {
    const unreachable = await startEchoBotServer({ unreachableBot: true });
    try {
      const started = await startConversation(unreachable.baseUrl, {}, false);
      const answer = await api(unreachable.baseUrl, 'POST', activities(started.conversationId), { token: started.token, body: { type: 'message', text: 'hi' } });
      expectError(answer, 502, 'BotNotAvailable');
    } finally {
      await unreachable.close();
    }
  });
});
