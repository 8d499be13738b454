/**
 * How often a waiting user hears about their place: at most once per HANDOFF_POSITION_UPDATE_SECONDS, and only
 * when it changed. The hub runs on the real store with a clock the test moves; the user's channel is a recorder
 * behind our own `UserChannel` interface (waiting.test.ts shows the same updates reaching a real user).
 */
import { AuditLog } from '../../src/handoff/auditLog';
import type { HandoffSettings } from '../../src/handoff/handoffConfig';
import { HandoffHub } from '../../src/handoff/handoffHub';
import { HandoffStore } from '../../src/handoff/handoffStore';
import { HubEvents } from '../../src/handoff/hubEvents';
import { PositionTicker } from '../../src/handoff/positionTicker';
import type { UserChannel } from '../../src/handoff/userChannel';
import type { UserNotices } from '../../src/handoff/userNotices';
import { MemoryStorage } from '../../src/storage/memoryStorage';

const settings: HandoffSettings = {
  mode: 'console', countries: '*', languages: '*', hours: { always: true } as HandoffSettings['hours'], timeZone: 'UTC',
  retentionDays: 0, averageChatMinutes: 15, positionUpdateSeconds: 30
};

async function queueOfTwo() {
  let clock = 1_000_000;
  const told: string[] = [];
  const store = new HandoffStore(new MemoryStorage());
  await store.init();
  const channel: UserChannel = { send: async (reference) => void told.push(String(reference.conversation?.id)) };
  const hub = new HandoffHub({
    store, audit: new AuditLog(store), events: new HubEvents(), channel, notices: {} as UserNotices, settings,
    workersOnDuty: () => 1, now: () => clock
  });
  const join = async (conversation: string) => {
    const session = await hub.enqueue({ conversation: { id: conversation } as never }, { language: 'en', topic: 'general', risk: 'normal' });
    const { position } = await hub.place(session.id);
    await store.updateSession(session.id, (s) => (s.told = { position, at: clock }));
    clock += 1000;
    return session.id;
  };
  const first = await join('first');
  await join('second');
  return { hub, told, first, ticker: new PositionTicker(hub), advance: (ms: number) => (clock += ms) };
}

describe('queue position updates', () => {
  it('are not sent while nobody moved', async () => {
    const { told, ticker, advance } = await queueOfTwo();
    advance(120_000);
    await ticker.tick();
    expect(told).toEqual([]);
  });

  it('wait for the configured interval since the last one, then tell the user once', async () => {
    const { hub, told, first, ticker, advance } = await queueOfTwo();
    await hub.accept(first, { username: 'ada', name: 'Ada' });
    told.splice(0); // the first user was told they are chatting
    advance(10_000);
    await ticker.tick();
    expect(told).toEqual([]); // the second user was told their place 11 s ago: too soon
    advance(20_000);
    await ticker.tick();
    expect(told).toEqual(['second']);
    advance(60_000);
    await ticker.tick();
    expect(told).toEqual(['second']); // nothing changed since
  });
});
