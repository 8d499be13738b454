/**
 * HANDOFF_MODE=protocol: the bot sends `handoff.initiate` (EventFactory.createHandoffInitiation) with the context
 * the user agreed to and the conversation so far only when they agreed to that too; it acts on `handoff.status`.
 */
import type { RunningBeacon } from '../../src/beacon';
import { expectRepliesActivity, postActivity, startTestBeacon, type BotReply } from '../support/testBeacon';
import { tempDataDir } from './consoleClient';

let beacon: RunningBeacon;

beforeAll(async () => {
  beacon = await startTestBeacon({ DATA_DIR: tempDataDir(), HANDOFF_MODE: 'protocol' });
});
afterAll(async () => {
  await beacon?.close();
});

/** A conversation that went through the sextortion lesson, then asked for a person and agreed to share. */
async function consentedHandoff(shareTranscript: boolean): Promise<{ replies: BotReply[]; conversation: { id: string } }> {
  const conversation = { id: `conv-${Math.random().toString(36).slice(2)}` };
  await beacon.storage.write({ [`test/conversations/${conversation.id}/`]: { handoffTopics: ['youth/sextortion'], data: { greeted: true } } });
  const say = (text: string) => postActivity(beacon.url, expectRepliesActivity(text, { conversation }));
  const asked = await say('talk to a person');
  expect(asked.replies.map((r) => r.text).join('\n')).toMatch(/Is it OK to share this/);
  const transcriptQuestion = await say('Yes, share this');
  expect(transcriptQuestion.replies.map((r) => r.text).join('\n')).toMatch(/what you looked at here: Someone is threatening to share my pictures\./);
  const { replies } = await say(shareTranscript ? 'Yes, share that too' : 'No, only the list above');
  return { replies, conversation };
}

describe('HANDOFF_MODE=protocol', () => {
  it('sends handoff.initiate with the shared context and, when agreed, the topics as the transcript', async () => {
    const { replies } = await consentedHandoff(true);
    const event = replies.find((r) => r.type === 'event' && r.name === 'handoff.initiate');
    expect(event).toBeDefined();
    // A person asked for from the sextortion lesson is a sextortion contact, and an important one.
    expect(event!.value).toMatchObject({ language: 'en', topic: 'sextortion', risk: 'high' });
    expect((event!.value as Record<string, unknown>).transcript).toBeUndefined();
    const attachments = event!.attachments as Array<{ name: string; content: { activities: Array<{ text: string }> } }>;
    expect(attachments).toHaveLength(1);
    expect(attachments[0]!.content.activities.map((a) => a.text)).toEqual(['Someone is threatening to share my pictures']);
  });

  it('sends no transcript when the user agreed only to the context', async () => {
    const { replies } = await consentedHandoff(false);
    const event = replies.find((r) => r.type === 'event' && r.name === 'handoff.initiate');
    expect(event).toBeDefined();
    expect(event!.attachments ?? []).toEqual([]);
    expect(JSON.stringify(event)).not.toMatch(/threatening to share/);
  });

  it('acts on handoff.status: completed ends the handoff with the numbers and the feedback question', async () => {
    const { conversation } = await consentedHandoff(false);
    const status = expectRepliesActivity('', { type: 'event', name: 'handoff.status', value: { state: 'completed' }, conversation });
    const { replies } = await postActivity(beacon.url, status);
    const text = replies.map((r) => r.text ?? '').join('\n');
    expect(text).toMatch(/The helpline worker has ended the chat/);
    expect(text).toMatch(/did talking with a person help/);
  });

  it('acts on handoff.status: failed says so and gives the numbers', async () => {
    const { conversation } = await consentedHandoff(false);
    const status = expectRepliesActivity('', { type: 'event', name: 'handoff.status', value: { state: 'failed' }, conversation });
    const { replies } = await postActivity(beacon.url, status);
    expect(replies.map((r) => r.text ?? '').join('\n')).toMatch(/could not reach a helpline worker/);
  });
});
