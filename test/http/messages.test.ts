/**
 * The Bot Framework endpoint on a real listening server: the welcome comes back in the HTTP response with
 * expectReplies, in the user's language, and bad input gets a clear answer without hurting the process.
 */
import type { RunningBeacon } from '../../src/beacon';
import { expectRepliesActivity, postActivity, startTestBeacon } from '../support/testBeacon';

let beacon: RunningBeacon;

beforeAll(async () => {
  beacon = await startTestBeacon();
});
afterAll(async () => {
  await beacon.close();
});

async function rawPost(body: string, contentType = 'application/json') {
  const response = await fetch(`${beacon.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
  return { status: response.status, json: (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined };
}

describe('POST /api/messages', () => {
  it('answers a first message with the welcome in English: a bot, what it helps with, privacy, how to leave', async () => {
    const { status, replies } = await postActivity(beacon.url, expectRepliesActivity('hi', { channelId: 'webchat' }));
    expect(status).toBe(200);
    const texts = replies.map((r) => r.text ?? '');
    expect(texts[0]).toMatch(/chatbot, not a person/);
    expect(texts.join(' ')).toMatch(/helpline/);
    expect(texts.join(' ')).toMatch(/not written to our logs/);
    expect(texts.join(' ')).toMatch(/Quick Exit/);
  });

  it('tells people on channels without the widget how to stop, without mentioning a Quick Exit button they lack', async () => {
    const { replies } = await postActivity(beacon.url, expectRepliesActivity('hi', { channelId: 'sms' }));
    const texts = replies.map((r) => r.text ?? '').join(' ');
    expect(texts).toMatch(/type "stop"/);
    expect(texts).not.toMatch(/Quick Exit/);
  });

  it('welcomes in French when the activity locale is French', async () => {
    const { replies } = await postActivity(beacon.url, expectRepliesActivity('bonjour', { locale: 'fr-BE' }));
    expect(replies[0]?.text).toMatch(/Je suis un chatbot, pas une personne/);
  });

  it('falls back to English for a language Beacon does not speak', async () => {
    const { replies } = await postActivity(beacon.url, expectRepliesActivity('merhaba', { locale: 'xx-YY' }));
    expect(replies[0]?.text).toMatch(/chatbot, not a person/);
  });

  it('greets once per conversation', async () => {
    const first = expectRepliesActivity('hi');
    await postActivity(beacon.url, first);
    const { replies } = await postActivity(beacon.url, { ...first, id: 'second', text: 'hello again' });
    expect(replies.map((r) => r.text)).not.toContainEqual(expect.stringMatching(/chatbot, not a person/));
    expect(replies.length).toBeGreaterThan(0);
  });

  it('rejects malformed JSON with 400 and keeps serving', async () => {
    const bad = await rawPost('{"type": "message", ');
    expect(bad.status).toBe(400);
    expect(bad.json?.error?.message).toBeTruthy();
    const { status } = await postActivity(beacon.url, expectRepliesActivity('hi'));
    expect(status).toBe(200);
  });

  it('rejects a body over 256 KB with 413', async () => {
    const huge = JSON.stringify(expectRepliesActivity('a'.repeat(300 * 1024)));
    expect((await rawPost(huge)).status).toBe(413);
  });

  it('rejects an activity without a conversation with 400', async () => {
    const { conversation: _drop, ...noConversation } = expectRepliesActivity('hi');
    const result = await rawPost(JSON.stringify(noConversation));
    expect(result.status).toBe(400);
    expect(result.json?.error?.message).toMatch(/conversation/);
  });

  it('rejects a body that is not an activity with 400', async () => {
    expect((await rawPost('[1,2,3]')).status).toBe(400);
    expect((await rawPost('hello', 'text/plain')).status).toBe(400);
  });

  it('ignores an unknown activity type politely: no reply, no error', async () => {
    const { status, replies } = await postActivity(beacon.url, expectRepliesActivity('', { type: 'somethingNew' }));
    expect(status).toBe(200);
    expect(replies).toEqual([]);
  });

  it('asks for a shorter message when the text is too long, without processing it', async () => {
    const activity = expectRepliesActivity('hi');
    await postActivity(beacon.url, activity);
    const { replies } = await postActivity(beacon.url, { ...activity, id: 'long', text: 'word '.repeat(2000) });
    expect(replies.map((r) => r.text)).toEqual([expect.stringMatching(/too long/)]);
  });

  it('drops an image, says it was not kept, and never echoes it', async () => {
    const activity = expectRepliesActivity('', {
      attachments: [{ contentType: 'image/png', contentUrl: 'data:image/png;base64,iVBORw0KGgo=', name: 'photo.png' }]
    });
    const { replies, body } = await postActivity(beacon.url, activity);
    expect(replies.some((r) => /can't look at pictures/.test(r.text ?? ''))).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/iVBORw0KGgo|photo\.png/);
  });
});

describe('health', () => {
  it('says it is alive and ready when the store answers', async () => {
    expect(await (await fetch(`${beacon.url}/healthz`)).json()).toEqual({ status: 'alive' });
    const ready = await fetch(`${beacon.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', storage: 'memory' });
  });
});
