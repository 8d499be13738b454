/**
 * The handoff in the helpline's Teams channel, on the real server: a user on the local Direct Line asks for a
 * person; Beacon posts a card to the channel through a fake Teams Bot Connector (a real HTTP server on
 * 127.0.0.1); Teams' own activities — a worker pressing Take, replying in the card's thread, pressing End —
 * are posted to /api/messages. Also: two workers pressing Take at once, and the web console alongside.
 */
import type { RunningBeacon } from '../../src/beacon';
import type { TestClient } from '../directline/directLineClient';
import { startTestBeacon } from '../support/testBeacon';
import { addWorker, tempDataDir, Worker } from './consoleClient';
import { fromBot, greetedUser, joinQueue, textOf } from './handoffScene';
import { CHANNEL, CHANNEL_LINK, FakeTeamsConnector, cardOf, cardSubmit, postToBeacon, threadReply, type Posted, type TeamsWorker } from './teamsConnector';


const ADA: TeamsWorker = { id: '29:1AdaWorkerTeamsId', name: 'Ada Worker', aadObjectId: '6b1c4e2a-0000-4000-8000-00000000a0a0' };
const BO: TeamsWorker = { id: '29:1BoWorkerTeamsId', name: 'Bo Worker', aadObjectId: '6b1c4e2a-0000-4000-8000-00000000b0b0' };

let teams: FakeTeamsConnector;
let beacon: RunningBeacon;
let user: TestClient | undefined;
const consoleWorkers: Worker[] = [];

beforeAll(async () => {
  teams = new FakeTeamsConnector();
  await teams.start();
  const dataDir = tempDataDir();
  await addWorker(dataDir, 'cy', { name: 'Cy' });
  beacon = await startTestBeacon({ DATA_DIR: dataDir, HANDOFF_TEAMS_CHANNEL: CHANNEL_LINK, HANDOFF_TEAMS_SERVICE_URL: teams.url });
});
afterEach(async () => {
  await user?.end();
  user = undefined;
  consoleWorkers.splice(0).forEach((w) => w.close());
});
afterAll(async () => {
  await beacon?.close();
  await teams?.close();
});

/** A user who asked for a person and agreed to share; returns the card Beacon posted to the channel. */
async function userWaiting(): Promise<{ card: Posted; sessionId: string }> {
  const before = teams.posted.length;
  user = await greetedUser(beacon.url);
  await joinQueue(user);
  const card = await teams.waitFor((p) => p.method === 'POST' && p.conversation === CHANNEL && !!cardOf(p), 8000, before);
  const take = cardOf(card).actions.find((a: { title: string }) => a.title === 'Take');
  return { card, sessionId: take.data.sessionId };
}

const cardUpdate = (threadId: string, pattern: RegExp) => (p: Posted) =>
  p.method === 'PUT' && p.activityId === threadId && pattern.test(JSON.stringify(cardOf(p) ?? {}));
const inThread = (threadId: string, pattern: RegExp) => (p: Posted) =>
  p.method === 'POST' && p.conversation === `${CHANNEL};messageid=${threadId}` && pattern.test(p.body.text ?? '');

describe('a Teams-channel handoff', () => {
  it('posts a card with the shared context, lets a worker take it, relays the thread both ways and ends with End', async () => {
    const { card, sessionId } = await userWaiting();
    const threadId = card.id;

    // The card: what the user agreed to share and since when they wait; no message text, a Take button.
    const content = cardOf(card);
    const facts = Object.fromEntries(content.body.find((b: { type: string }) => b.type === 'FactSet').facts.map((f: { title: string; value: string }) => [f.title, f.value]));
    expect(facts).toEqual({ Country: 'not given', Language: 'English', Age: 'not given', Who: 'not given', Topic: 'talking to someone', Risk: 'normal' });
    expect(JSON.stringify(content)).toMatch(/Waiting since \{\{TIME\(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)\}\}/);
    expect(JSON.stringify(content)).not.toMatch(/talk to a person|share this/i);
    expect(content.actions).toEqual([expect.objectContaining({ type: 'Action.Submit', title: 'Take', data: { verb: 'beacon.teams.take', sessionId } })]);

    // Take: the user is told a person joined; the card says who took it and offers End.
    expect(await postToBeacon(beacon.url, cardSubmit(teams.url, ADA, threadId, { verb: 'beacon.teams.take', sessionId }))).toBe(200);
    await user!.received.waitFor(fromBot(/You are now chatting with Ada Worker, a helpline worker — a person\./));
    const taken = await teams.waitFor(cardUpdate(threadId, /Taken by Ada Worker/));
    expect(cardOf(taken).actions.map((a: { title: string }) => a.title)).toEqual(['End chat']);

    // The worker's reply in the thread reaches the user, labelled as a person's; the bot itself stays silent.
    expect(await postToBeacon(beacon.url, threadReply(teams.url, ADA, threadId, 'Thank you for telling me. I am here.'))).toBe(200);
    await user!.received.waitFor(fromBot(/^Ada Worker \(helpline worker\): Thank you for telling me\. I am here\.$/));
    expect(teams.posted.filter(inThread(threadId, /./))).toEqual([]);

    // The user's message goes into the thread.
    await user!.post({ type: 'message', text: 'someone online keeps messaging me' });
    await teams.waitFor(inThread(threadId, /^User: someone online keeps messaging me$/));

    // End: the user is told, gets the numbers and the feedback question; the card says it ended.
    expect(await postToBeacon(beacon.url, cardSubmit(teams.url, ADA, threadId, { verb: 'beacon.teams.end', sessionId, outcome: 'supported' }))).toBe(200);
    await user!.received.waitFor(fromBot(/Ada Worker has ended the chat/));
    await user!.received.waitFor(fromBot(/these helplines are there for you/));
    await user!.received.waitFor(fromBot(/did talking with a person help\?/));
    const helplines = user!.received.activities.filter((a) => a.from.role === 'bot' && a.type === 'message').map(textOf).join('\n');
    expect(helplines).toMatch(/112|116/);
    const ended = await teams.waitFor(cardUpdate(threadId, /Ended by Ada Worker/));
    expect(cardOf(ended).actions).toEqual([]);
    expect(await beacon.storage.read([`handoff/session/${sessionId}`, `handoff/messages/${sessionId}`])).toEqual({});

    // A late reply in the thread is answered, not sent anywhere.
    await postToBeacon(beacon.url, threadReply(teams.url, ADA, threadId, 'are you still there?'));
    await teams.waitFor(inThread(threadId, /This chat has ended: your message was not sent/));
    expect(user!.received.activities.filter(fromBot(/still there/))).toEqual([]);
  });

  it('lets exactly one of two workers take the conversation when both press Take at once; the other is told politely', async () => {
    const { card, sessionId } = await userWaiting();
    const threadId = card.id;
    const before = teams.posted.length;
    const statuses = await Promise.all([ADA, BO].map((w) => postToBeacon(beacon.url, cardSubmit(teams.url, w, threadId, { verb: 'beacon.teams.take', sessionId }))));
    expect(statuses).toEqual([200, 200]);
    const joined = await user!.received.waitFor(fromBot(/You are now chatting with (Ada|Bo) Worker/));
    const winner = /Ada/.test(textOf(joined)) ? ADA : BO;
    const loser = winner === ADA ? BO : ADA;
    await teams.waitFor(inThread(threadId, new RegExp(`^Thank you, ${loser.name}: a colleague has already taken this conversation`)), 8000, before);
    await teams.waitFor(cardUpdate(threadId, new RegExp(`Taken by ${winner.name}`)), 8000, before);
    expect(user!.received.activities.filter(fromBot(/You are now chatting with/))).toHaveLength(1);

    // Only the one who took it writes to the user.
    await postToBeacon(beacon.url, threadReply(teams.url, loser, threadId, 'hello from the other one'));
    await teams.waitFor(inThread(threadId, new RegExp(`^${winner.name} has this chat`)), 8000, before);
    // Typing "end" in the thread closes it.
    await postToBeacon(beacon.url, threadReply(teams.url, winner, threadId, 'end'));
    await user!.received.waitFor(fromBot(new RegExp(`${winner.name} has ended the chat`)));
    expect(user!.received.activities.filter(fromBot(/hello from the other one|\(helpline worker\): end/))).toEqual([]);
  });

  it('works alongside the web console: a conversation taken in the console can no longer be taken in Teams', async () => {
    const { card, sessionId } = await userWaiting();
    const threadId = card.id;
    const cy = new Worker(beacon.url, 'cy');
    consoleWorkers.push(cy);
    expect((await cy.login()).status).toBe(200);
    expect((await cy.accept(sessionId)).status).toBe(200);
    await user!.received.waitFor(fromBot(/You are now chatting with Cy/));
    const taken = await teams.waitFor(cardUpdate(threadId, /Taken by Cy in the web console/));
    expect(cardOf(taken).actions).toEqual([]);

    await postToBeacon(beacon.url, cardSubmit(teams.url, ADA, threadId, { verb: 'beacon.teams.take', sessionId }));
    await teams.waitFor(inThread(threadId, /a colleague has already taken this conversation/));
    expect((await cy.call('POST', `/api/console/sessions/${sessionId}/end`, { outcome: 'other' })).status).toBe(200);
    await teams.waitFor(cardUpdate(threadId, /Ended by Cy/));
  });
});
