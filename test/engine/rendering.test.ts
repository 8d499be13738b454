/**
 * The same question on different channels: buttons where the channel has them, a numbered list on SMS,
 * and a numeric reply understood everywhere.
 */
import { BotHarness, textsOf } from '../support/botHarness';

async function whoQuestionOn(channelId: string) {
  const harness = await BotHarness.create({ channelId, fresh: true });
  return { harness, replies: await harness.start('start') };
}

describe('one step on four channels', () => {
  it('Web Chat gets suggested-action buttons', async () => {
    const { replies } = await whoQuestionOn('webchat');
    const question = replies.find((r) => r.suggestedActions);
    expect(question?.suggestedActions?.actions.map((a) => a.title)).toEqual(["I'm a young person", "I'm a parent or carer", 'Another adult']);
  });

  it('Teams gets a card with buttons', async () => {
    const { replies } = await whoQuestionOn('msteams');
    const card = replies.flatMap((r) => r.attachments ?? [])[0];
    expect(card?.contentType).toMatch(/card/);
    expect(JSON.stringify(card?.content)).toContain('Another adult');
  });

  it('Telegram gets buttons', async () => {
    const { replies } = await whoQuestionOn('telegram');
    expect(replies.some((r) => (r.suggestedActions?.actions.length ?? 0) === 3 || (r.attachments?.length ?? 0) > 0)).toBe(true);
  });

  it('SMS gets a numbered list, and "2" chooses the second answer', async () => {
    const { harness, replies } = await whoQuestionOn('sms');
    const text = textsOf(replies).join('\n');
    expect(text).toMatch(/1\. I'm a young person/);
    expect(text).toMatch(/2\. I'm a parent or carer/);
    expect(text).toMatch(/Reply with the number/);
    expect(replies.some((r) => r.suggestedActions || r.attachments?.length)).toBe(false);
    expect(textsOf(await harness.send('2')).join('\n')).toMatch(/type your question in your own words/);
  });
});
