/**
 * The parts on their own: tokens (signature, expiry, never a throw on junk), the conversation store (eviction,
 * idle expiry, bounded history with steady watermarks) and the upload scanner (files counted, never kept).
 */
import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import fc from 'fast-check';
import { ConversationStore } from '../../src/server/directline/conversationStore';
import { multipartBoundary, scanUpload } from '../../src/server/directline/multipartScan';
import { bearerToken, TokenService } from '../../src/server/directline/tokens';

describe('TokenService', () => {
  let now = 1_700_000_000_000;
  const clock = () => now;

  it('accepts its own token until the TTL has passed, then says TokenExpired', () => {
    const tokens = new TokenService(60, Buffer.from('k'), clock);
    const { token, expiresIn } = tokens.issue('conv-1', 'user-1');
    expect(expiresIn).toBe(60);
    expect(tokens.verify(token)).toMatchObject({ ok: true, claims: { conv: 'conv-1', user: 'user-1' } });
    now += 59_999;
    expect(tokens.verify(token).ok).toBe(true);
    now += 1_001;
    expect(tokens.verify(token)).toMatchObject({ ok: false, code: 'TokenExpired' });
  });

  it('refuses a token signed with another key or with a changed payload', () => {
    const mine = new TokenService(60, Buffer.from('mine'), clock);
    const other = new TokenService(60, Buffer.from('other'), clock);
    const token = other.issue('conv-1').token;
    expect(mine.verify(token)).toMatchObject({ ok: false, code: 'BadArgument' });
    const [header, , signature] = mine.issue('conv-1').token.split('.');
    const payload = Buffer.from(JSON.stringify({ iss: 'beacon-local-directline', conv: 'conv-2', iat: 0, exp: 9e9 })).toString('base64url');
    expect(mine.verify(`${header}.${payload}.${signature}`)).toMatchObject({ ok: false, code: 'BadArgument' });
  });

  it('never throws on arbitrary input', () => {
    const tokens = new TokenService(60);
    fc.assert(fc.property(fc.string(), (junk) => tokens.verify(junk).ok === false));
    fc.assert(fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => tokens.verify(`${a}.${b}.${c}`).ok === false));
  });

  it('reads "Bearer undefined" (what directlinejs sends without a token) as no token', () => {
    expect(bearerToken('Bearer undefined')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
  });
});

describe('ConversationStore', () => {
  const limits = { maxConversations: 2, maxActivitiesPerConversation: 2, idleTimeoutSeconds: 60 };

  it('evicts the least recently active conversation without an open stream when full', () => {
    let now = 0;
    const store = new ConversationStore(limits, { now: () => now });
    const streamed = store.create();
    const ended: string[] = [];
    store.subscribe(streamed, (event) => ended.push(event.kind));
    now = 1;
    const quiet = store.create();
    now = 2;
    const third = store.create();
    expect(store.get(quiet.id)).toBeUndefined();
    expect(store.get(streamed.id)).toBe(streamed);
    expect(store.get(third.id)).toBe(third);
    expect(ended).toEqual([]);
  });

  it('forgets idle conversations, but not one with an open stream', async () => {
    let now = 0;
    const store = new ConversationStore({ ...limits, maxConversations: 10 }, { now: () => now });
    const idle = store.create();
    const streamed = store.create();
    store.subscribe(streamed, () => undefined);
    now = 61_000;
    expect(await store.sweep()).toBe(1);
    expect(store.get(idle.id)).toBeUndefined();
    expect(store.get(streamed.id)).toBe(streamed);
  });

  it('keeps a bounded history while watermarks keep counting, and tells streams about each activity', () => {
    const store = new ConversationStore(limits);
    const conversation = store.create();
    const frames: string[] = [];
    store.subscribe(conversation, (event) => frames.push(event.kind === 'activities' ? `${event.watermark}` : 'ended'));
    for (const text of ['a', 'b', 'c']) store.append(conversation, { type: 'message', text });
    expect(conversation.history.after(undefined).activities.map((a) => a.text)).toEqual(['b', 'c']);
    expect(conversation.history.after(2)).toMatchObject({ activities: [{ text: 'c', id: `${conversation.id}|0000003` }], watermark: '3' });
    store.publishEphemeral(conversation, { type: 'typing' });
    expect(frames).toEqual(['1', '2', '3', 'undefined']);
    expect(conversation.history.after(3).activities).toEqual([]);
  });
});

describe('scanUpload', () => {
  const boundary = '----formdata-test-42';
  const body = [
    `--${boundary}\r\nContent-Disposition: form-data; name="activity"; filename="blob"\r\nContent-Type: application/vnd.microsoft.activity\r\n\r\n`,
    JSON.stringify({ type: 'message', text: 'look' }),
    `\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
    'PNGDATA'.repeat(1000),
    `\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.png"\r\nContent-Type: image/png\r\n\r\n`,
    'MOREDATA',
    `\r\n--${boundary}--\r\n`
  ].join('');

  function feed(text: string, chunkSize: number): IncomingMessage {
    const stream = new PassThrough();
    const bytes = Buffer.from(text);
    setImmediate(() => {
      for (let i = 0; i < bytes.length; i += chunkSize) stream.write(bytes.subarray(i, i + chunkSize));
      stream.end();
    });
    return stream as unknown as IncomingMessage;
  }

  it.each([1, 7, 64, 100_000])('counts the files and reads the activity whatever the chunk size (%i bytes)', async (size) => {
    await expect(scanUpload(feed(body, size), boundary, 1_000_000)).resolves.toEqual({ ok: true, activity: { type: 'message', text: 'look' }, files: 2 });
  });

  it('refuses an upload over the size limit, malformed data, or one without an activity part first', async () => {
    await expect(scanUpload(feed(body, 512), boundary, 1000)).resolves.toMatchObject({ ok: false, status: 413 });
    await expect(scanUpload(feed(body.slice(0, -10), 64), boundary, 1_000_000)).resolves.toMatchObject({ ok: false, status: 400 });
    await expect(scanUpload(feed(body.replace('name="activity"', 'name="file"'), 64), boundary, 1_000_000)).resolves.toMatchObject({ ok: false, status: 400 });
  });

  it('reads the boundary from the Content-Type, quoted or not', () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${boundary}`)).toBe(boundary);
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('application/json')).toBeUndefined();
  });
});
