/**
 * "Contacted before" lapses with its window and keeps no identifier: the store holds a keyed hash of channel and
 * user id with the days of the requests, nothing else; a request older than HANDOFF_PREVIOUS_CONTACT_DAYS no
 * longer counts, and the sweep deletes a record nobody asked about again. The clock is the test's.
 * previousContact.test.ts shows the flag to a worker on a real Beacon, and gone after "stop".
 */
import { HandoffStore } from '../../src/handoff/handoffStore';
import { PreviousContacts } from '../../src/handoff/previousContacts';
import { MemoryStorage } from '../../src/storage/memoryStorage';

const DAY = 86_400_000;
const child = { channelId: 'telegram', userId: '123456789' };

async function contactsWithClock(days = 30) {
  let clock = Date.UTC(2026, 11, 1, 10, 0);
  const storage = new MemoryStorage();
  const store = new HandoffStore(storage);
  const contacts = new PreviousContacts(store, Buffer.alloc(32, 7), days, () => clock);
  await contacts.init();
  return { contacts, storage, store, advance: (ms: number) => (clock += ms) };
}

describe('previous contacts', () => {
  it('counts earlier requests by the same user on the same channel, in coarse steps of time', async () => {
    const { contacts, advance } = await contactsWithClock();
    expect(await contacts.recall(child)).toBeUndefined();
    await contacts.record(child);
    expect(await contacts.recall(child)).toEqual({ times: 1, last: 'today' });
    advance(3 * DAY);
    expect(await contacts.recall(child)).toEqual({ times: 1, last: 'week' });
    await contacts.record(child);
    advance(10 * DAY);
    expect(await contacts.recall(child)).toEqual({ times: 2, last: 'weeks' });
    // Another channel, or another user, is someone else.
    expect(await contacts.recall({ ...child, channelId: 'whatsapp' })).toBeUndefined();
    expect(await contacts.recall({ ...child, userId: '123456780' })).toBeUndefined();
  });

  it('lets each request lapse after the window, and the sweep deletes the record', async () => {
    const { contacts, store, advance } = await contactsWithClock(30);
    await contacts.record(child);
    const key = Object.keys((await store.get<{ until: Record<string, number> }>('handoff/contacts'))!.until)[0]!;
    advance(29 * DAY);
    expect(await contacts.recall(child)).toEqual({ times: 1, last: 'month' });
    expect(await contacts.purgeExpired()).toBe(0);
    advance(1 * DAY);
    expect(await contacts.recall(child)).toBeUndefined();
    expect(await contacts.purgeExpired()).toBe(1);
    expect(await store.get(`handoff/contact/${key}`)).toBeUndefined();
    expect(await store.get('handoff/contacts')).toEqual({ until: {} });
  });

  it('keeps only a keyed hash and the days — never the user id — and forgets it at once on "stop"', async () => {
    const { contacts, store } = await contactsWithClock();
    await contacts.record(child);
    const index = (await store.get<{ until: Record<string, number> }>('handoff/contacts'))!;
    const [hash] = Object.keys(index.until);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const record = await store.get<Record<string, unknown>>(`handoff/contact/${hash}`);
    expect(Object.keys(record!)).toEqual(['days']);
    expect(JSON.stringify([index, record])).not.toContain(child.userId);

    await contacts.forget(child);
    expect(await contacts.recall(child)).toBeUndefined();
    expect(await store.get(`handoff/contact/${hash}`)).toBeUndefined();
    expect(await store.get('handoff/contacts')).toEqual({ until: {} });
  });

  it('keeps nothing when the window is 0', async () => {
    const { contacts, store } = await contactsWithClock(0);
    await contacts.record(child);
    expect(await contacts.recall(child)).toBeUndefined();
    expect(await store.get('handoff/contacts')).toEqual({ until: {} });
  });
});
