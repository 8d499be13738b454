/**
 * The local Direct Line keeps its conversations in Beacon's data store (issue 16, item 4): what a client is shown
 * is in the store first, a new process on the same store finds the conversation with its history and watermark,
 * and what is forgotten (idle, or the user's "stop") leaves the store too. The kill -9 test
 * (test/reliability/killRestart.test.ts) shows the same through a real process.
 */
import { StorageArchive, type ConversationArchive, type ConversationRecord } from '../../src/server/directline/conversationArchive';
import { ConversationStore, type StreamEvent } from '../../src/server/directline/conversationStore';
import { MemoryStorage } from '../../src/storage/memoryStorage';

const limits = { maxConversations: 10, maxActivitiesPerConversation: 50, idleTimeoutSeconds: 60 };
const texts = (events: StreamEvent[]) => events.flatMap((e) => (e.kind === 'activities' ? e.activities.map((a) => a.text) : ['(ended)']));

/** An archive whose writes wait until the test lets them through. */
class GatedArchive implements ConversationArchive {
  private gate: Promise<void> = Promise.resolve();
  private open: () => void = () => undefined;
  constructor(readonly inner: ConversationArchive) {}
  close(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }
  release(): void {
    this.open();
  }
  load(id: string) {
    return this.inner.load(id);
  }
  async save(record: ConversationRecord) {
    await this.gate;
    await this.inner.save(record);
  }
  delete(id: string) {
    return this.inner.delete(id);
  }
  expire(cutoff: number) {
    return this.inner.expire(cutoff);
  }
}

describe('the local Direct Line in the data store', () => {
  it('shows an activity to streams and to polling only once the store holds it', async () => {
    const storage = new MemoryStorage();
    const archive = new GatedArchive(new StorageArchive(storage));
    const store = new ConversationStore(limits, { archive });
    const conversation = store.create();
    await store.kept(conversation);
    const events: StreamEvent[] = [];
    store.subscribe(conversation, (event) => events.push(event));

    archive.close();
    store.append(conversation, { type: 'message', text: 'a worker line' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(texts(events)).toEqual([]);
    expect(conversation.history.after(undefined)).toEqual({ activities: [], watermark: '0' });
    expect(await archive.load(conversation.id)).toMatchObject({ entries: [] });

    archive.release();
    await store.kept(conversation);
    expect(texts(events)).toEqual(['a worker line']);
    expect(await archive.load(conversation.id)).toMatchObject({ lastSeq: 1, entries: [{ seq: 1, activity: { text: 'a worker line' } }] });
  });

  it('is found by a new process on the same store, history and watermark included, and goes on above it', async () => {
    const storage = new MemoryStorage();
    const before = new ConversationStore(limits, { archive: new StorageArchive(storage) });
    const conversation = before.create({ user: { id: 'u1', name: 'Mia' }, locale: 'fr-FR' });
    before.markStarted(conversation);
    for (const text of ['bonjour', 'tu es au numéro 1']) before.append(conversation, { type: 'message', text });
    await before.kept(conversation);

    const after = new ConversationStore(limits, { archive: new StorageArchive(storage) });
    expect(after.get(conversation.id)).toBeUndefined();
    const found = await after.find(conversation.id);
    expect(found).toMatchObject({ user: { id: 'u1', name: 'Mia' }, locale: 'fr-FR', started: true });
    expect(found!.history.after(undefined).activities.map((a) => a.text)).toEqual(['bonjour', 'tu es au numéro 1']);
    // A client that had seen the first message gets the rest, then what comes next, with the ids going on.
    expect(found!.history.after(1).activities.map((a) => a.text)).toEqual(['tu es au numéro 1']);
    const next = after.append(found!, { type: 'message', text: 'Ada te répond' });
    await after.kept(found!);
    expect(next.id).toBe(`${conversation.id}|0000003`);
    expect(found!.history.after(2)).toMatchObject({ activities: [{ text: 'Ada te répond' }], watermark: '3' });
    // `revive` (a valid token, or the bot writing) brings back the same conversation, not an empty one.
    const third = new ConversationStore(limits, { archive: new StorageArchive(storage) });
    expect((await third.revive(conversation.id, 'u1')).history.after(undefined).activities).toHaveLength(3);
  });

  it('deletes the history from the store when the user asks to be forgotten, and keeps what comes after', async () => {
    const storage = new MemoryStorage();
    const store = new ConversationStore(limits, { archive: new StorageArchive(storage) });
    const conversation = store.create();
    store.append(conversation, { type: 'message', text: 'my secret' });
    store.append(conversation, { type: 'message', text: 'stop' });
    await store.kept(conversation);
    store.forgetHistory(conversation);
    store.append(conversation, { type: 'message', text: 'I have forgotten this chat.' });
    await store.kept(conversation);

    const stored = JSON.stringify(await storage.read([`local-directline/${conversation.id}`]));
    expect(stored).not.toContain('my secret');
    expect(stored).toContain('I have forgotten this chat.');
    expect(conversation.history.after(undefined).activities.map((a) => a.text)).toEqual(['I have forgotten this chat.']);
  });

  it('forgets an idle conversation in the store too, and does not bring back a record older than the idle timeout', async () => {
    let now = 1_000_000;
    const storage = new MemoryStorage();
    const store = new ConversationStore(limits, { archive: new StorageArchive(storage), now: () => now });
    const idle = store.create();
    store.append(idle, { type: 'message', text: 'hello' });
    await store.kept(idle);
    now += 61_000;
    expect(await store.sweep()).toBe(1);
    await store.flush();
    expect(await storage.read([`local-directline/${idle.id}`])).toEqual({});

    const other = new ConversationStore(limits, { archive: new StorageArchive(storage), now: () => now });
    const old = other.create();
    await other.kept(old);
    const later = new ConversationStore(limits, { archive: new StorageArchive(storage), now: () => now + 61_000 });
    expect(await later.find(old.id)).toBeUndefined();
    await later.flush();
    expect(await storage.read([`local-directline/${old.id}`])).toEqual({});
  });

  it('keeps a conversation unloaded from a full table in the store, so it can be found again', async () => {
    const storage = new MemoryStorage();
    const store = new ConversationStore({ ...limits, maxConversations: 1 }, { archive: new StorageArchive(storage) });
    const first = store.create();
    store.append(first, { type: 'message', text: 'still here' });
    store.create();
    expect(store.get(first.id)).toBeUndefined();
    const again = await store.find(first.id);
    expect(again!.history.after(undefined).activities.map((a) => a.text)).toEqual(['still here']);
  });

  it('still shows the activity when the store fails, and reports the failure without the text', async () => {
    const storage = new MemoryStorage();
    const failures: Array<{ event: string; error: string }> = [];
    const store = new ConversationStore(limits, {
      archive: new StorageArchive(storage),
      onArchiveError: (event, error) => failures.push({ event, error: String(error) })
    });
    const conversation = store.create();
    await store.kept(conversation);
    const events: StreamEvent[] = [];
    store.subscribe(conversation, (event) => events.push(event));
    await storage.close();
    store.append(conversation, { type: 'message', text: 'are you still there' });
    await store.kept(conversation);
    expect(texts(events)).toEqual(['are you still there']);
    expect(failures.map((f) => f.event)).toEqual(['directline_archive_save_failed']);
    expect(failures[0]!.error).not.toContain('are you still there');
  });
});
