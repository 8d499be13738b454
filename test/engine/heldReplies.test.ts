/**
 * A turn's replies reach the channel only after its state is saved (reliability review D6): a process killed
 * in between can lose the reply (the user sends again), but never show a question the store does not know.
 */
import { TestAdapter, type TurnContext } from 'botbuilder';
import { HeldReplies } from '../../src/bot/heldReplies';

async function turn(work: (context: TurnContext, log: string[]) => Promise<void>, deliveryMode?: string): Promise<string[]> {
  const log: string[] = [];
  const adapter = new TestAdapter(async (context) => {
    context.onSendActivities(async (_ctx, activities, next) => {
      // This handler is registered first, so it runs before the hold: it sees what the turn tries to send.
      for (const a of activities) log.push(`tries ${a.type === 'typing' ? 'typing' : a.text}`);
      return next();
    });
    const replies = new HeldReplies(context);
    try {
      await work(context, log);
      log.push('saved');
    } finally {
      await replies.release();
    }
  });
  const sent = adapter.send(deliveryMode ? { type: 'message', text: 'hi', deliveryMode } : 'hi');
  await sent;
  for (let next = adapter.activeQueue.shift(); next; next = adapter.activeQueue.shift()) log.push(`channel got ${next.type === 'typing' ? 'typing' : next.text}`);
  return log;
}

it('sends the replies after the state is saved, in the order they were made', async () => {
  const log = await turn(async (context) => {
    await context.sendActivity('question 2');
    await context.sendActivities([{ type: 'message', text: 'a' }, { type: 'message', text: 'b' }]);
  });
  expect(log).toEqual(['tries question 2', 'tries a', 'tries b', 'saved', 'channel got question 2', 'channel got a', 'channel got b']);
});

it('lets a typing indicator through at once', async () => {
  const log = await turn(async (context) => {
    await context.sendActivity({ type: 'typing' });
    await context.sendActivity('done');
  });
  expect(log.indexOf('saved')).toBeLessThan(log.indexOf('channel got done'));
  expect(log).toContain('channel got typing');
});

it('still sends what was said, and then the apology, when the turn fails', async () => {
  const adapter = new TestAdapter(async (context) => {
    const replies = new HeldReplies(context);
    try {
      await context.sendActivity('half way');
      throw new Error('store down');
    } finally {
      await replies.release();
    }
  });
  adapter.onTurnError = async (context) => {
    await context.sendActivity('sorry, with the numbers');
  };
  await adapter.send('hi');
  expect(adapter.activeQueue.map((a) => a.text)).toEqual(['half way', 'sorry, with the numbers']);
});
