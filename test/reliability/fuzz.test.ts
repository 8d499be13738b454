/**
 * 5,000 generated activities against the real HTTP server (loopback only, bounded count): odd types, odd
 * unicode, wrong field types, junk nesting, every kind of attachment, odd locales, `__proto__` keys. The
 * server must never answer 5xx, never crash, never echo an attachment or its address, and still greet a
 * normal user afterwards.
 */
import fc from 'fast-check';
import type { RunningBeacon } from '../../src/beacon';
import { activity, fuzzBody, MARKER } from '../../bench/fuzzActivities';
import { expectRepliesActivity, postActivity, startTestBeacon } from '../support/testBeacon';

const RUNS = Number(process.env.FUZZ_RUNS ?? 5000);

let beacon: RunningBeacon;
beforeAll(async () => {
  beacon = await startTestBeacon();
});
afterAll(async () => {
  await beacon.close();
});

it(`answers ${RUNS} generated activities without a 5xx, a crash or an echoed attachment`, async () => {
  let count = 0;
  await fc.assert(
    fc.asyncProperty(activity, fc.boolean(), async (fields, protoKey) => {
      count += 1;
      // No serviceUrl of its own: a reply that cannot go in the HTTP response must not be posted anywhere.
      const { serviceUrl: _none, ...base } = expectRepliesActivity('', { conversation: { id: `fuzz-${count % 50}` } });
      const json = fuzzBody(base, fields, protoKey);
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
