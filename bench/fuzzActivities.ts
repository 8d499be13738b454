/**
 * Generated activities for the fuzz runs (test/reliability/fuzz.test.ts, bounded; `npm run fuzz:long`, 60,000):
 * odd types, odd unicode, wrong field types, junk nesting, every kind of attachment, odd locales, `__proto__`
 * keys. Every attachment carries MARKER, so an echo of one (or of its address) is easy to find.
 */
import fc from 'fast-check';

export const MARKER = 'ATTACHMENT-MARKER-93c1';

const junk = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 6 }), fc.string(), { maxKeys: 3 }));
const text = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('hi', 'menu', 'stop', 'talk to a person', '1', 'yes', '', '\u0000', '\u202e', '🙂'.repeat(20)), junk);
const locale = fc.oneof(fc.constantFrom('en-GB', 'fr-FR', 'de', 'xx-YY', '', 'fr_CH', '../../etc'), junk);
const attachment = fc.record({
  contentType: fc.constantFrom('image/png', 'image/jpeg', 'video/mp4', 'application/pdf', 'text/html', 'application/vnd.microsoft.card.hero', 'application/octet-stream'),
  contentUrl: fc.constantFrom(`https://example.org/${MARKER}.png`, `data:image/png;base64,${MARKER}`, `file:///${MARKER}`),
  name: fc.constant(`${MARKER}.png`),
  content: fc.oneof(fc.constant(undefined), fc.constant({ text: MARKER }))
});
export const activity = fc.record(
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

/** The JSON body of one fuzzed activity, on top of `base`; with `protoKey`, `__proto__` and `constructor` keys first. */
export function fuzzBody(base: Record<string, unknown>, fields: Record<string, unknown>, protoKey: boolean): string {
  const json = JSON.stringify({ ...base, ...fields });
  return protoKey ? json.replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},') : json;
}
