/**
 * What a child types never reaches a log line or outlives the chat on disk (DESIGN.md rule 8). A real Beacon
 * process (the compiled entry, BEACON_ENV=local, SQLite, log level debug) and a real chat through its HTTP
 * server and local Direct Line: a lesson, a danger message, a live chat with a helpline worker in which the
 * child types a phone number, an e-mail address and a unique sentence, the worker's end of the chat, then
 * "stop". Every line the process wrote on stdout and stderr must be JSON and hold none of those, nor a raw
 * conversation or user id; and once the chat has ended the data files (database, WAL) hold none of them either.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Activity } from 'botframework-directlinejs';
import { connectClient, type TestClient } from '../directline/directLineClient';
import { addWorker, tempDataDir, Worker } from '../handoff/consoleClient';
import { BeaconProcess, waitUntil } from '../support/beaconProcess';

jest.setTimeout(300_000);

const MARKER = 'The purple giraffe sings at midnight 7f3a.';
const PHONE = '+44 7700 900123';
const EMAIL = 'mia.k@example.org';
const WORKER_MARKER = 'Worker sentence kept out of logs 91bd.';
/** How each secret may appear once written: as typed, or with JSON or URL escaping, or without spaces. */
const forms = (secret: string): string[] => [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), secret.replace(/\s+/g, '')];
const SECRETS = [MARKER, PHONE, EMAIL, WORKER_MARKER];
const RAW_CONVERSATION = 'conv-raw-id-5521';
const RAW_USER = 'user-raw-id-8830';

const fromBot = (pattern: RegExp) => (a: Activity) => a.from.role === 'bot' && a.type === 'message' && pattern.test((a as { text?: string }).text ?? '');

/** Every file under the data folder, with its bytes as latin1 text (so any byte sequence can be searched). */
function dataFiles(dir: string): Array<{ name: string; bytes: string }> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile())
    .map((file) => ({ name: path.relative(dir, file), bytes: readFileSync(file).toString('latin1') }));
}

/** The files (or log lines) that hold any form of any secret, as "where: secret". */
function leaks(places: Array<{ name: string; bytes: string }>, secrets: string[]): string[] {
  return places.flatMap(({ name, bytes }) => secrets.filter((s) => forms(s).some((form) => bytes.includes(form))).map((s) => `${name}: ${s}`));
}

const dataDir = tempDataDir();
let beacon: BeaconProcess;
let child: TestClient | undefined;
let ada: Worker | undefined;

beforeAll(async () => {
  await addWorker(dataDir, 'ada', { name: 'Ada' });
  beacon = await BeaconProcess.start('log-scan', { STORAGE: 'sqlite', DATA_DIR: dataDir, LOG_LEVEL: 'debug', HANDOFF_RETENTION_DAYS: '0' });
});
afterAll(async () => {
  ada?.close();
  await child?.end();
  await beacon?.kill('SIGTERM');
});

it('writes only JSON log lines without typed text, contact details or raw ids, and leaves no typed text on disk', async () => {
  child = connectClient(beacon.url);
  const user = child;
  let seen = 0;
  const turn = async (text: string, reply: RegExp) => {
    seen = user.received.activities.length;
    await user.post({ type: 'message', text });
    await user.received.waitFor((a) => user.received.activities.indexOf(a) >= seen && fromBot(reply)(a), 30_000).catch(() => {
      const since = user.received.activities.slice(seen).map((a) => (a as { text?: string }).text);
      throw new Error(`"${text}" got no reply matching ${reply}; got ${JSON.stringify(since)}`);
    });
  };
  await user.received.waitFor(fromBot(/chatbot, not a person/), 30_000);

  // A lesson, with contact details typed where the bot does not expect them.
  await turn('1', /./);
  await turn('what is grooming', /builds trust/);
  await turn(`my number is ${PHONE} and my email is ${EMAIL}`, /./);
  await turn('1', /./);
  // A danger message.
  await turn('someone online wants to meet me and said keep it secret', /112/);
  await turn('United Kingdom', /./);

  // A live chat with a worker.
  ada = new Worker(beacon.url, 'ada');
  expect((await ada.login()).status).toBe(200);
  await ada.connect();
  await turn('talk to a person', /Is it OK to share this/);
  await turn('Yes, share this', /Share this too/);
  await turn('Yes, share that too', /You are number 1/);
  const { session } = await ada.waitFor((f) => f.type === 'session' && f.session.status === 'queued', 30_000);
  expect((await ada.accept(session.id)).status).toBe(200);
  await user.received.waitFor(fromBot(/You are now chatting with Ada/), 30_000);
  for (const line of [MARKER, `call me on ${PHONE}`, `or write to ${EMAIL}`]) {
    await user.post({ type: 'message', text: line });
    await ada.waitFor((f) => f.type === 'message' && f.message.text === line, 30_000);
  }
  // The scan finds what is there: during the chat the worker's console needs the text, so the store has it.
  expect(leaks(dataFiles(dataDir), [MARKER])).not.toEqual([]);
  expect((await ada.send(session.id, WORKER_MARKER, 'k-1')).status).toBe(201);
  await user.received.waitFor(fromBot(new RegExp(WORKER_MARKER.replace(/\./g, '\\.'))), 30_000);
  expect((await ada.call('POST', `/api/console/sessions/${session.id}/end`, { outcome: 'supported' })).status).toBe(200);
  await user.received.waitFor(fromBot(/Ada has ended the chat/), 30_000);
  // The end of a chat asks for feedback; "stop" ends the bot conversation and forgets it.
  await turn('stop', /./);

  // A channel whose connector cannot be reached: the SDK's own error (which quotes the connector URL with the
  // conversation id) must reach the log as JSON, with the id hashed.
  const unreachable = await fetch(`${beacon.url}/api/messages`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: 'message', id: 'm-unreachable', text: MARKER, locale: 'en-GB', channelId: 'test', serviceUrl: 'http://127.0.0.1:9/', from: { id: RAW_USER }, recipient: { id: 'beacon' }, conversation: { id: RAW_CONVERSATION } })
  });
  expect(unreachable.status).toBeLessThan(500);

  // While it runs: nothing typed in the database or its WAL once the chat has ended.
  await waitUntil(() => leaks(dataFiles(dataDir), SECRETS).length === 0, 10_000, `typed text still on disk: ${JSON.stringify(leaks(dataFiles(dataDir), SECRETS))}`);

  const conversationId = (user.directLine as unknown as { conversationId: string }).conversationId;
  ada.close();
  await user.end();
  child = undefined;
  await beacon.kill('SIGTERM');

  // After a clean shutdown (the WAL checkpointed into the main file): still nothing.
  const files = dataFiles(dataDir);
  expect(files.map((f) => f.name)).toContain('beacon.sqlite');
  expect(leaks(files, SECRETS)).toEqual([]);

  const lines = beacon.lines;
  expect(lines.length).toBeGreaterThan(20);
  const notJson = lines.filter((line) => {
    try {
      return typeof JSON.parse(line) !== 'object';
    } catch {
      return true;
    }
  });
  expect(notJson).toEqual([]);
  const logged = lines.map((bytes, i) => ({ name: `log line ${i + 1}`, bytes }));
  expect(leaks(logged, [...SECRETS, conversationId, `dl_${conversationId}`, RAW_CONVERSATION, RAW_USER])).toEqual([]);
  // The log says what happened, so it was the real chat that was scanned.
  const events = new Set(lines.map((line) => (JSON.parse(line) as { event?: string }).event));
  expect(events).toContain('started');
  expect(events).toContain('directline_activity_delivered');
  expect(events).toContain('turn_error');
});
