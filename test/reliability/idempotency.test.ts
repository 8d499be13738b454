/**
 * A message the channel delivers twice (its retry after a timeout, a client resending after a restart) is
 * handled once: the second copy gets no answer and does not move the conversation on — also when Beacon was
 * restarted in between, since the ids are kept in the store with the conversation.
 */
import type { RunningBeacon } from '../../src/beacon';
import { tempDataDir } from '../handoff/consoleClient';
import { expectRepliesActivity, postActivity, startTestBeacon } from '../support/testBeacon';

describe('a message delivered twice', () => {
  const dataDir = tempDataDir();
  let beacon: RunningBeacon | undefined;
  const start = () => startTestBeacon({ STORAGE: 'sqlite', DATA_DIR: dataDir });
  afterAll(async () => {
    await beacon?.close();
  });

  it('is handled once, before and after a restart', async () => {
    beacon = await start();
    const conversation = { id: 'conv-retry-1' };
    const hi = expectRepliesActivity('hi', { id: 'act-1', timestamp: '2026-12-02T10:00:00.000Z', conversation });
    const first = await postActivity(beacon.url, hi);
    expect(first.replies.map((r) => r.text).join(' ')).toMatch(/chatbot, not a person/);

    const retry = await postActivity(beacon.url, hi);
    expect(retry.status).toBe(200);
    expect(retry.replies.filter((r) => r.type === 'message')).toEqual([]);

    const question = expectRepliesActivity('what is grooming', { id: 'act-2', timestamp: '2026-12-02T10:00:05.000Z', conversation });
    const asked = await postActivity(beacon.url, question);
    const answer = asked.replies.filter((r) => r.type === 'message').map((r) => r.text);
    expect(answer.length).toBeGreaterThan(0);

    await beacon.close();
    beacon = await start();
    const resent = await postActivity(beacon.url, question);
    expect(resent.status).toBe(200);
    expect(resent.replies.filter((r) => r.type === 'message')).toEqual([]);

    // The same id in another conversation is another message.
    const elsewhere = await postActivity(beacon.url, { ...hi, conversation: { id: 'conv-retry-2' } });
    expect(elsewhere.replies.map((r) => r.text).join(' ')).toMatch(/chatbot, not a person/);

    // A new message in the first conversation is answered, and not greeted again.
    const next = await postActivity(beacon.url, expectRepliesActivity('what is grooming', { id: 'act-3', timestamp: '2026-12-02T10:00:09.000Z', conversation }));
    const texts = next.replies.filter((r) => r.type === 'message').map((r) => r.text ?? '');
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.join(' ')).not.toMatch(/chatbot, not a person/);
  }, 60000);
});
