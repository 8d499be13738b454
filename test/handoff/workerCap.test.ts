/**
 * The cap on chats per worker holds when accepts race: the hub runs on a store that, like a real one over the
 * network, answers a read a moment later, so accepts pressed together all read the worker's load before any of
 * them writes. In one process the worker's accepts run one at a time; across two instances (two hubs on one
 * store) the worker claim does it — here a recorder of SET NX behind our own `SessionClaims` interface
 * (test/scale/twoInstances.test.ts runs the real Redis claim).
 */
import { AuditLog } from '../../src/handoff/auditLog';
import type { HandoffSettings } from '../../src/handoff/handoffConfig';
import { HandoffHub } from '../../src/handoff/handoffHub';
import { HandoffRefusal, HandoffStore } from '../../src/handoff/handoffStore';
import { HubEvents } from '../../src/handoff/hubEvents';
import type { SessionClaims } from '../../src/handoff/scaleOut';
import type { UserChannel } from '../../src/handoff/userChannel';
import type { UserNotices } from '../../src/handoff/userNotices';
import { MemoryStorage } from '../../src/storage/memoryStorage';
import type { StoreItems } from 'botbuilder';

const settings: HandoffSettings = {
  mode: 'console', countries: '*', languages: '*', hours: { always: true } as HandoffSettings['hours'], timeZone: 'UTC',
  retentionDays: 0, averageChatMinutes: 15, positionUpdateSeconds: 30, maxChatsPerWorker: 2
};

/** A store whose reads answer after other work has had its turn. */
class SlowStorage extends MemoryStorage {
  override async read(keys: string[]): Promise<StoreItems> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return super.read(keys);
  }
}

/** SET NX with one shared keyspace, as two instances see Redis. */
function sharedClaims(): SessionClaims {
  const taken = new Set<string>();
  return {
    hold: async (id) => (taken.has(id) ? false : (taken.add(id), true)),
    release: async (id) => void taken.delete(id)
  };
}

function hubOn(store: HandoffStore, claims?: SessionClaims): HandoffHub {
  const channel: UserChannel = { send: async () => undefined };
  return new HandoffHub({ store, audit: new AuditLog(store), events: new HubEvents(), channel, notices: {} as UserNotices, settings, workersOnDuty: () => 1, claims });
}

async function waiting(hub: HandoffHub, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await hub.enqueue({ conversation: { id: `c${i}` } as never }, { language: 'en', topic: 'general', risk: 'normal' })).id);
  return ids;
}

async function storeOf(): Promise<HandoffStore> {
  const store = new HandoffStore(new SlowStorage());
  await store.init();
  return store;
}

const refusals = (results: PromiseSettledResult<unknown>[]) =>
  results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason instanceof HandoffRefusal ? r.reason.code : String(r.reason)));

describe('the cap on chats per worker, when accepts race', () => {
  it('lets two of four accepts pressed at once through in one process, and refuses the others as at capacity', async () => {
    const store = await storeOf();
    const hub = hubOn(store);
    const ids = await waiting(hub, 4);
    const results = await Promise.allSettled(ids.map((id) => hub.accept(id, { username: 'ada', name: 'Ada' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(refusals(results)).toEqual(['AtCapacity', 'AtCapacity']);
    expect((await store.openSessions()).filter((s) => s.status === 'active')).toHaveLength(2);
  });

  it('holds across two instances on one store through the worker claim', async () => {
    const store = await storeOf();
    const claims = sharedClaims();
    const [a, b] = [hubOn(store, claims), hubOn(store, claims)];
    const ids = await waiting(a, 4);
    const ada = { username: 'ada', name: 'Ada' };
    const results = await Promise.allSettled(ids.map((id, i) => (i % 2 === 0 ? a : b).accept(id, ada)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(refusals(results)).toEqual(['AtCapacity', 'AtCapacity']);
  });

  it('counts only live chats: after one ends, the worker may accept again', async () => {
    const store = await storeOf();
    const hub = hubOn(store);
    const [first, second, third] = await waiting(hub, 3);
    const ada = { username: 'ada', name: 'Ada' };
    await hub.accept(first!, ada);
    await hub.accept(second!, ada);
    await expect(hub.accept(third!, ada)).rejects.toMatchObject({ code: 'AtCapacity' });
    await hub.end(first!, 'worker', 'ada', { outcome: 'other' });
    await expect(hub.accept(third!, ada)).resolves.toMatchObject({ status: 'active', worker: ada });
  });
});
