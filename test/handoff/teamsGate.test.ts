/**
 * Beacon in Teams answers only in personal chats and in the helpline's channel: an @mention in another channel
 * of the team (or a group chat) starts no conversation there — Beacon says once, briefly, that it works in a
 * personal chat, and then stays silent in that channel — while a personal chat gets the usual greeting.
 */
import type { RunningBeacon } from '../../src/beacon';
import { startTestBeacon } from '../support/testBeacon';
import { tempDataDir } from './consoleClient';
import { BOT_ID, CHANNEL_LINK, FakeTeamsConnector, postToBeacon, TEAM, TENANT } from './teamsConnector';

const OTHER_CHANNEL = '19:otherchannel@thread.tacv2';
const PERSON = { id: '29:1SomeoneInTheTeam', name: 'Someone', aadObjectId: '6b1c4e2a-0000-4000-8000-00000000c0c0' };

let teams: FakeTeamsConnector;
let beacon: RunningBeacon;

beforeAll(async () => {
  teams = new FakeTeamsConnector();
  await teams.start();
  beacon = await startTestBeacon({ DATA_DIR: tempDataDir(), HANDOFF_TEAMS_CHANNEL: CHANNEL_LINK, HANDOFF_TEAMS_SERVICE_URL: teams.url });
});
afterAll(async () => {
  await beacon?.close();
  await teams?.close();
});

let sequence = 0;
function message(conversation: Record<string, unknown>, text: string, mention: boolean): Record<string, unknown> {
  sequence += 1;
  const at = '<at>Beacon</at>';
  return {
    type: 'message', id: `17190000${String(sequence).padStart(5, '0')}`, channelId: 'msteams', serviceUrl: teams.url,
    timestamp: new Date().toISOString(), locale: 'en-GB', from: PERSON, recipient: { id: BOT_ID, name: 'Beacon' },
    conversation: { tenantId: TENANT, name: '', ...conversation },
    text: mention ? `${at} ${text}` : text, textFormat: 'plain',
    entities: mention ? [{ type: 'mention', text: at, mentioned: { id: BOT_ID, name: 'Beacon' } }] : [],
    channelData: { tenant: { id: TENANT }, ...(conversation['conversationType'] === 'channel' ? { team: { id: TEAM }, channel: { id: OTHER_CHANNEL } } : {}) }
  };
}

const texts = (conversation: string) => teams.posted.filter((p) => p.conversation.split(';')[0] === conversation).map((p) => p.body.text ?? '');

describe('Beacon in Teams', () => {
  it('an @mention in another channel starts no conversation: one pointer to a personal chat, then silence', async () => {
    const thread = { id: `${OTHER_CHANNEL};messageid=1719000000001`, isGroup: true, conversationType: 'channel' };
    expect(await postToBeacon(beacon.url, message(thread, 'hi, is this ok?', true))).toBe(200);
    await teams.waitFor((p) => p.conversation.startsWith(OTHER_CHANNEL));
    expect(texts(OTHER_CHANNEL)).toEqual(['I only talk in a personal chat, so that nobody else in this team reads what is said. Open a chat with me to talk.']);

    const otherThread = { ...thread, id: `${OTHER_CHANNEL};messageid=1719000000002` };
    expect(await postToBeacon(beacon.url, message(otherThread, 'he is outside my house', true))).toBe(200);
    expect(await postToBeacon(beacon.url, message(thread, 'talk to a person', true))).toBe(200);
    // Said once for the channel: nothing more, not even the greeting or the emergency numbers.
    expect(texts(OTHER_CHANNEL)).toHaveLength(1);
  });

  it('a group chat gets the same single pointer; a personal chat gets the greeting', async () => {
    const group = { id: '19:groupchat-abc@thread.v2', isGroup: true, conversationType: 'groupChat' };
    expect(await postToBeacon(beacon.url, message(group, 'hello', true))).toBe(200);
    await teams.waitFor((p) => p.conversation === group.id);
    expect(texts(group.id)).toEqual([expect.stringMatching(/^I only talk in a personal chat/)]);

    const personal = { id: 'a:1personalChatWithBeacon', conversationType: 'personal' };
    expect(await postToBeacon(beacon.url, message(personal, 'hello', false))).toBe(200);
    await teams.waitFor((p) => p.conversation === personal.id && /chatbot, not a person/.test(p.body.text ?? ''));
  });
});
