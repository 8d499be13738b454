/**
 * Bad input at the edge gets a clear answer and loses nothing (reliability review D5, D9, D11): fields of the
 * wrong type are read as absent, the caller never sees an internal error, and the answers leak nothing.
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

describe('fields of the wrong type are read as absent', () => {
  it.each([
    ['a number', 42],
    ['an object', { lang: 'fr' }],
    ['an array', ['fr-FR']],
    ['a boolean', true],
    ['a sentence', 'this is not a language tag at all']
  ])('a locale that is %s still gets the welcome, in the default language', async (_what, locale) => {
    const { status, replies } = await postActivity(beacon.url, expectRepliesActivity('hi', { locale }));
    expect(status).toBe(200);
    expect(replies[0]?.text).toMatch(/chatbot, not a person/);
  });

  it.each([
    ['text', { text: { evil: true } }],
    ['attachments', { attachments: 'not a list' }],
    ['channelData', { channelData: 'nope' }],
    ['entities', { entities: 7 }],
    ['from.name', { from: { id: 'user-1', name: { first: 'x' } } }],
    ['timestamp', { timestamp: 12 }]
  ])('a %s of the wrong type does not fail the turn', async (_field, overrides) => {
    const { status, replies } = await postActivity(beacon.url, expectRepliesActivity('hi', overrides));
    expect(status).toBe(200);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.map((r) => r.text ?? '').join(' ')).not.toMatch(/went wrong|sorry, something/i);
  });

  it.each([
    ['a number', 7],
    ['a string', 'user-1'],
    ['a list of things that are not accounts', [3, 'x', null, { name: 'no id' }]]
  ])('a conversationUpdate whose membersAdded is %s does not fail the turn', async (_what, membersAdded) => {
    const { status, replies } = await postActivity(beacon.url, expectRepliesActivity('', { type: 'conversationUpdate', membersAdded }));
    expect(status).toBe(200);
    expect(replies.map((r) => r.text ?? '').join(' ')).not.toMatch(/went wrong|sorry, something/i);
  });

  it('a conversationUpdate that lists the user among other junk still greets them', async () => {
    const membersAdded = [7, { id: 'user-1', name: 5 }, 'beacon'];
    const { status, replies } = await postActivity(beacon.url, expectRepliesActivity('', { type: 'conversationUpdate', membersAdded }));
    expect(status).toBe(200);
    expect(replies[0]?.text).toMatch(/chatbot, not a person/);
  });

  it.each([
    ['from.id', { from: { name: 'no id' } }],
    ['channelId', { channelId: 12 }],
    ['type', { type: ['message'] }]
  ])('an activity without a usable %s is refused with 400 naming the field', async (field, overrides) => {
    const response = await fetch(`${beacon.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(expectRepliesActivity('hi', overrides))
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain(field);
  });
});

describe('no outbound call decided by the request', () => {
  it('answers in the HTTP response when the activity names no serviceUrl', async () => {
    const { serviceUrl: _none, deliveryMode: _mode, ...activity } = expectRepliesActivity('hi');
    const { status, replies } = await postActivity(beacon.url, activity);
    expect(status).toBe(200);
    expect(replies[0]?.text).toMatch(/chatbot, not a person/);
  });

  it('does not post to a file: serviceUrl, and answers in the HTTP response instead', async () => {
    const { deliveryMode: _mode, ...activity } = expectRepliesActivity('hi', { serviceUrl: 'file:///etc/passwd' });
    const { status, replies } = await postActivity(beacon.url, activity);
    expect(status).toBe(200);
    expect(replies[0]?.text).toMatch(/chatbot, not a person/);
  });
});

describe('answers that leak nothing', () => {
  it('sends no Server header, and nosniff on JSON answers', async () => {
    const response = await fetch(`${beacon.url}/healthz`);
    expect(response.headers.get('server')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('does not repeat the requested path in a 404', async () => {
    const response = await fetch(`${beacon.url}/no-such-page-7f3a`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('7f3a');
  });

  it('says on every message which text format it is in', async () => {
    const { replies } = await postActivity(beacon.url, expectRepliesActivity('hi'));
    const messages = replies.filter((r) => r.type === 'message');
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message.textFormat).toBe('markdown');
  });
});
