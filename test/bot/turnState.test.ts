/**
 * A turn reads what Beacon remembers (the conversation and the user) in one store read and writes what changed
 * in one write: on SQLite that is one transaction, so where the conversation is and what the user told Beacon
 * land together or not at all, and a busy evening costs the store two calls a turn, not four.
 */
import type { StoreItems } from 'botbuilder';
import { MemoryStorage } from '../../src/storage/memoryStorage';
import { BotHarness, textsOf } from '../support/botHarness';

class CountingStorage extends MemoryStorage {
  reads: string[][] = [];
  writes: string[][] = [];
  failWrites = false;

  override async read(keys: string[]): Promise<StoreItems> {
    this.reads.push(keys);
    return super.read(keys);
  }

  override async write(changes: StoreItems): Promise<void> {
    this.writes.push(Object.keys(changes));
    if (this.failWrites) throw new Error('the store is down');
    return super.write(changes);
  }

  reset(): void {
    this.reads = [];
    this.writes = [];
  }
}

jest.setTimeout(60000);

it('reads both scopes in one read and writes both changes in one write per turn', async () => {
  const storage = new CountingStorage();
  const chat = await BotHarness.create({ storage });
  await chat.send({ type: 'conversationUpdate', membersAdded: [{ id: `user-${chat.conversationId}`, name: 'user' }] });
  storage.reset();
  // Choosing who is chatting changes the user's profile and the conversation's position together.
  await chat.send('1');
  expect(storage.reads).toHaveLength(1);
  expect(storage.reads[0]).toEqual([expect.stringContaining('/conversations/'), expect.stringContaining('/users/')]);
  expect(storage.writes).toHaveLength(1);
  expect(storage.writes[0]).toEqual(expect.arrayContaining([expect.stringContaining('/conversations/'), expect.stringContaining('/users/')]));
});

it('keeps neither change when the write fails, so the next message finds the conversation as it was', async () => {
  const storage = new CountingStorage();
  const chat = await BotHarness.create({ storage });
  const welcome = textsOf(await chat.send({ type: 'conversationUpdate', membersAdded: [{ id: `user-${chat.conversationId}`, name: 'user' }] }));
  const before = JSON.stringify(await storage.read([`test/conversations/${chat.conversationId}/`, `test/users/user-${chat.conversationId}/`]));
  storage.failWrites = true;
  const failed = textsOf(await chat.send('1'));
  expect(failed.join('\n')).not.toEqual('');
  storage.failWrites = false;
  const after = JSON.stringify(await storage.read([`test/conversations/${chat.conversationId}/`, `test/users/user-${chat.conversationId}/`]));
  expect(after).toEqual(before);
  // The question is still open: the same answer is taken again, and the conversation goes on past the welcome.
  const retried = textsOf(await chat.send('1'));
  expect(retried).not.toEqual(welcome);
  expect(retried.length).toBeGreaterThan(0);
});
