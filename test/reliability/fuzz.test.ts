/**
 * 5,000 generated activities against the real HTTP server (loopback only, bounded count): odd types, odd
 * unicode, wrong field types, junk nesting, every kind of attachment, odd locales, `__proto__` keys. The
 * server must never answer 5xx, never crash, never echo an attachment or its address, and still greet a
 * normal user afterwards.
 */
import fc from 'fast-check';
import type { RunningBeacon } from '../../src/beacon';
import { expectRepliesActivity, postActivity, startTestBeacon } from '../support/testBeacon';

const RUNS = Number(process.env.FUZZ_RUNS ?? 5000);
const MARKER = 'ATTACHMENT-MARKER-93c1';

let beacon: RunningBeacon;
beforeAll(async () => {
  beacon = await startTestBeacon();
});
afterAll(async () => {
  await beacon.close();
});

const junk = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 6 }), fc.string(), { maxKeys: 3 }));
const text = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('hi', 'menu', 'stop', 'talk to a person', '1', 'yes', '', '\u0000', '\u202e', '🙂'.repeat(20)), junk);
const locale = fc.oneof(fc.constantFrom('en-GB', 'fr-FR', 'de', 'xx-YY', '', 'fr_CH', '../../etc'), junk);
const attachment = fc.record({
  contentType: fc.constantFrom('image/png', 'image/jpeg', 'video/mp4', 'application/pdf', 'text/html', 'application/vnd.microsoft.card.hero', 'application/octet-stream'),
  contentUrl: fc.constantFrom(`https://example.org/${MARKER}.png`, `data:image/png;base64,${MARKER}`, `file:///${MARKER}`),
  name: fc.constant(`${MARKER}.png`),
  content: fc.oneof(fc.constant(undefined), fc.constant({ text: MARKER }))
});
const activity = fc.record(
  {
    type: fc.oneof(fc.constantFrom('message', 'conversationUpdate', 'event', 'invoke', 'typing', 'endOfConversation', 'messageReaction', 'installationUpdate', 'trace', 'handoff'), fc.string({ maxLength: 10 })),
    text,
    locale,
    value: fc.oneof(fc.constant(undefined), junk),
    name: fc.oneof(fc.constant(undefined), fc.constantFrom('handoff.status', 'webchat/join'), junk),
    channelData: fc.oneof(fc.constant(undefined), junk, fc.constant({ beaconAttachmentsRemoved: 'x' })),
    attachments: fc.oneof(fc.constant(undefined), fc.array(attachment, { maxLength: 3 }), junk),
    entities: fc.oneof(fc.constant(undefined), junk),
    membersAdded: fc.oneof(fc.constant(undefined), junk, fc.constant([{ id: 'user-1' }])),
    serviceUrl: fc.oneof(fc.constant(undefined), fc.constantFrom('file:///etc/v3', 'javascript:alert(1)', 'not a url'), junk),
    deliveryMode: fc.oneof(fc.constant('expectReplies'), fc.constant(undefined), junk)
  },
  { requiredKeys: ['type'] }
);

it(`answers ${RUNS} generated activities without a 5xx, a crash or an echoed attachment`, async () => {
  let count = 0;
  await fc.assert(
    fc.asyncProperty(activity, fc.boolean(), async (fields, protoKey) => {
      count += 1;
      // No serviceUrl of its own: a reply that cannot go in the HTTP response must not be posted anywhere.
      const { serviceUrl: _none, ...base } = expectRepliesActivity('', { conversation: { id: `fuzz-${count % 50}` } });
      const body = { ...base, ...fields };
      let json = JSON.stringify(body);
      if (protoKey) json = json.replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},');
      const response = await fetch(`${beacon.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: json });
      const answer = await response.text();
      expect(response.status).toBeLessThan(500);
      expect(answer).not.toContain(MARKER);
    }),
    { numRuns: RUNS, seed: 20261202 }
  );
  expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  const { status, replies } = await postActivity(beacon.url, expectRepliesActivity('hi'));
  expect(status).toBe(200);
  expect(replies[0]?.text).toMatch(/chatbot, not a person/);
  // Not a speed limit: a guard so that a hung server fails the run instead of stalling it (shared machines are slow).
}, 15 * 60_000);
