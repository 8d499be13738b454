/**
 * History over plain HTTP: watermarks return only what is new, history is bounded without breaking
 * watermarks, the bot-side routes for update, delete and members behave as the Bot Connector API does, and a
 * worker's message the bot sends twice (a restart before it heard back) is kept once.
 */
import { api, pollUntil, startConversation, type Started } from './httpHelpers';
import { startEchoBotServer, type EchoBotServer } from './echoBotServer';

let bot: EchoBotServer;

afterEach(async () => {
  await bot.close();
});

const texts = (activities: Array<Record<string, unknown>>) => activities.map((a) => a.text);

describe('GET activities with a watermark', () => {
  it('returns only activities newer than the watermark', async () => {
    bot = await startEchoBotServer();
    const started = await startConversation(bot.baseUrl);
    const path = `/v3/directline/conversations/${started.conversationId}/activities`;
    await api(bot.baseUrl, 'POST', path, { token: started.token, body: { type: 'message', text: 'hi' } });
    const first = await pollUntil(bot.baseUrl, started, (a) => texts(a).includes('echo: hi'));
    expect(texts(first.activities)).toEqual(['Welcome! I am a bot.', 'hi', 'echo: hi']);
    expect(first.watermark).toBe('3');

    await api(bot.baseUrl, 'POST', path, { token: started.token, body: { type: 'message', text: 'again' } });
    const second = await pollUntil(bot.baseUrl, started, (a) => texts(a).includes('echo: again'), first.watermark);
    expect(texts(second.activities)).toEqual(['again', 'echo: again']);
    expect(second.watermark).toBe('5');

    const nothingNew = await api(bot.baseUrl, 'GET', `${path}?watermark=${second.watermark}`, { token: started.token });
    expect(nothingNew.json).toEqual({ activities: [], watermark: '5' });
  });

  it('keeps only the newest activities when history is full, and watermarks still count on', async () => {
    bot = await startEchoBotServer({ limits: { maxActivitiesPerConversation: 3 } });
    const started = await startConversation(bot.baseUrl);
    const path = `/v3/directline/conversations/${started.conversationId}/activities`;
    for (const text of ['one', 'two']) await api(bot.baseUrl, 'POST', path, { token: started.token, body: { type: 'message', text } });
    const page = await api(bot.baseUrl, 'GET', path, { token: started.token });
    expect(texts(page.json.activities as Array<Record<string, unknown>>)).toEqual(['echo: one', 'two', 'echo: two']);
    expect(page.json.watermark).toBe('5');
  });

  it('reconnects with GET conversation: a new token and a stream URL that resumes after the watermark', async () => {
    bot = await startEchoBotServer();
    const started = await startConversation(bot.baseUrl);
    const answer = await api(bot.baseUrl, 'GET', `/v3/directline/conversations/${started.conversationId}?watermark=7`, { token: started.token });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ conversationId: started.conversationId, token: expect.any(String) });
    const streamUrl = new URL(answer.json.streamUrl as string);
    expect(streamUrl.protocol).toBe('ws:');
    expect(streamUrl.host).toBe(new URL(bot.baseUrl).host);
    expect(streamUrl.searchParams.get('watermark')).toBe('7');
    expect(streamUrl.searchParams.get('t')).toBe(answer.json.token);
  });
});

describe('conversation start', () => {
  it('starts a generated token\'s conversation once: 201 the first time, 200 after, one conversationUpdate', async () => {
    bot = await startEchoBotServer();
    const generated = await api(bot.baseUrl, 'POST', '/v3/directline/tokens/generate', { body: { user: { id: 'dl_ada', name: 'Ada' } } });
    expect(generated.status).toBe(200);
    const token = generated.json.token as string;
    const first = await api(bot.baseUrl, 'POST', '/v3/directline/conversations', { token, body: { locale: 'nl-BE' } });
    const second = await api(bot.baseUrl, 'POST', '/v3/directline/conversations', { token });
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(first.json.conversationId).toBe(generated.json.conversationId);
    await pollUntil(bot.baseUrl, { ...(first.json as unknown as Started), token }, (a) => a.length > 0);
    const updates = bot.seen.filter((a) => a.type === 'conversationUpdate');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ locale: 'nl-BE', membersAdded: [{ id: 'beacon' }, { id: 'dl_ada', name: 'Ada' }] });
  });

  it('sends every user message as the conversation\'s user, whatever "from" the client claims', async () => {
    bot = await startEchoBotServer();
    const started = await startConversation(bot.baseUrl, { user: { id: 'user-7' } });
    const path = `/v3/directline/conversations/${started.conversationId}/activities`;
    await api(bot.baseUrl, 'POST', path, { token: started.token, body: { type: 'message', text: 'hi', from: { id: 'someone-else', role: 'bot' } } });
    expect(bot.seen.find((a) => a.text === 'hi')?.from).toEqual({ id: 'user-7', role: 'user' });
  });
});

describe('bot-side routes', () => {
  it('updates and deletes the bot\'s activities and lists the members', async () => {
    bot = await startEchoBotServer();
    const started = await startConversation(bot.baseUrl, { user: { id: 'user-1' } });
    const connector = `/v3/conversations/${started.conversationId}`;
    const sent = await api(bot.connectorUrl, 'POST', `${connector}/activities`, { body: { type: 'message', text: 'draft' } });
    expect(sent.status).toBe(200);
    const id = sent.json.id as string;

    const updated = await api(bot.connectorUrl, 'PUT', `${connector}/activities/${encodeURIComponent(id)}`, { body: { type: 'message', text: 'final' } });
    expect(updated.json).toEqual({ id });
    let page = await pollUntil(bot.baseUrl, started, (a) => texts(a).includes('final'));
    expect(page.activities.filter((a) => a.id === id).map((a) => a.text)).toEqual(['final']);

    expect((await api(bot.connectorUrl, 'DELETE', `${connector}/activities/${encodeURIComponent(id)}`)).status).toBe(200);
    page = await pollUntil(bot.baseUrl, started, (a) => !a.some((x) => x.id === id));
    expect(page.activities.some((a) => a.id === id)).toBe(false);
    expect((await api(bot.connectorUrl, 'PUT', `${connector}/activities/${encodeURIComponent(id)}`, { body: { type: 'message' } })).status).toBe(404);

    const members = await api(bot.connectorUrl, 'GET', `${connector}/members`);
    expect(members.json).toEqual([{ id: 'user-1', role: 'user' }, { id: 'beacon', name: 'Beacon', role: 'bot' }]);
  });

  it('keeps a worker\'s message sent again with the same handoff key once, under the first copy\'s id', async () => {
    bot = await startEchoBotServer();
    const started = await startConversation(bot.baseUrl, { user: { id: 'user-1' } });
    const connector = `/v3/conversations/${started.conversationId}`;
    const body = { type: 'message', text: 'Ada (helpline worker): I am here', channelData: { beaconHandoffMessage: 'k-7' } };
    const first = await api(bot.connectorUrl, 'POST', `${connector}/activities`, { body });
    const again = await api(bot.connectorUrl, 'POST', `${connector}/activities`, { body });
    expect(again.json).toEqual(first.json);
    const other = await api(bot.connectorUrl, 'POST', `${connector}/activities`, { body: { ...body, channelData: { beaconHandoffMessage: 'k-8' } } });
    expect(other.json.id).not.toBe(first.json.id);
    const page = await pollUntil(bot.baseUrl, started, (a) => a.some((x) => x.id === other.json.id));
    expect(page.activities.filter((a) => a.text === body.text)).toHaveLength(2);
  });
});
