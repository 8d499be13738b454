/**
 * A store that goes down while Beacon runs (DESIGN.md rule 10): the user still gets the emergency number, /readyz
 * says the store is the dependency that is down, and once the store is back Beacon answers as before.
 * The store is a real Azurite that is killed mid-test.
 */
import type { RunningBeacon } from '../../src/beacon';
import { expectRepliesActivity, postActivity, startTestBeacon } from '../support/testBeacon';
import { startAzurite, type RunningAzurite } from './servers/azurite';

jest.setTimeout(90_000);

let azurite: RunningAzurite;
let beacon: RunningBeacon;
beforeAll(async () => {
  azurite = await startAzurite();
  beacon = await startTestBeacon({ STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: 'beacon-down' });
});
afterAll(async () => {
  await beacon?.close().catch(() => undefined);
  await azurite?.stop();
});

it('gives the user the emergency number and says which dependency is down when the blob store stops', async () => {
  const first = expectRepliesActivity('hi');
  const welcome = await postActivity(beacon.url, first);
  expect(welcome.replies[0]?.text).toMatch(/chatbot, not a person/);
  expect((await fetch(`${beacon.url}/readyz`)).status).toBe(200);

  await azurite.stop();

  const { status, replies } = await postActivity(beacon.url, { ...first, id: 'during-outage', text: 'someone wants to meet me' });
  expect(status).toBe(200);
  expect(replies.map((r) => r.text).join(' ')).toMatch(/emergency number \(112/);
  const ready = await fetch(`${beacon.url}/readyz`);
  expect(ready.status).toBe(503);
  expect(JSON.stringify(await ready.json())).toMatch(/store is not reachable/);
});
