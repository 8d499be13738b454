/**
 * A child who leaves is seen leaving: the widget's Quick Exit report (what `navigator.sendBeacon` sends, as
 * text/plain) ends the session at once as "user left (quick exit)" for the worker and in the audit log, and a
 * worker's message after it is refused as not delivered; a closed page counts once the grace period passes
 * without the user coming back; a report with a wrong key changes nothing.
 */
import type { TestClient } from '../directline/directLineClient';
import { fromBot, HandoffScene } from './handoffScene';

let scene: HandoffScene;

beforeAll(async () => {
  scene = await HandoffScene.start({ ada: { name: 'Ada' }, sam: { name: 'Sam', role: 'supervisor' } }, { HANDOFF_LEFT_GRACE_SECONDS: '5' });
});
afterEach(async () => {
  await scene.reset();
});
afterAll(async () => {
  await scene?.close();
});

/** The leave key the bot gave this user's page when they joined the queue. */
async function leaveKey(user: TestClient): Promise<{ conversationId: string; key: string }> {
  const event = await user.received.waitFor((a) => a.type === 'event' && (a as { name?: string }).name === 'beacon.handoff.leaveKey');
  return { conversationId: event.conversation?.id ?? '', key: String((event as { value?: unknown }).value) };
}

/** Resolves once `check` holds, polling (the worker's frames for a session they may no longer see are "queue"). */
async function until(check: () => Promise<boolean>, timeoutMs = 20000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`Not true within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** What the widget sends on its way out: a text/plain body, as navigator.sendBeacon sends a string. */
function report(body: Record<string, unknown> | string): Promise<Response> {
  return fetch(`${scene.beacon.url}/api/handoff/left`, {
    method: 'POST', headers: { 'Content-Type': 'text/plain;charset=UTF-8' }, body: typeof body === 'string' ? body : JSON.stringify(body)
  });
}

describe('a user who leaves', () => {
  it('Quick Exit during a live chat ends it as "quick exit" for the worker and the audit log; a later message is not delivered', async () => {
    const [ada, sam] = [await scene.worker('ada'), await scene.worker('sam')];
    const user = await scene.user();
    const sessionId = await scene.chatting(user, ada, 'Ada');
    const { conversationId, key } = await leaveKey(user);

    expect((await report({ conversationId, key, what: 'quick_exit' })).status).toBe(204);
    const ended = await ada.waitFor((f) => f.type === 'session' && f.session.id === sessionId && f.session.status === 'ended');
    expect(ended.session.left).toBe('quick_exit');
    const late = await ada.send(sessionId, 'Are you still there?', 'late-1');
    expect([late.status, late.body.error.code]).toEqual([409, 'UserLeft']);
    const audit = (await sam.call('GET', '/api/console/audit')).body.entries as Array<{ action: string; session: string; detail?: string }>;
    expect(audit.filter((e) => e.session === sessionId && e.action === 'user_left').map((e) => e.detail)).toEqual(['quick_exit']);
  });

  it('Quick Exit while waiting takes the user out of the queue at once', async () => {
    const ada = await scene.worker('ada');
    const user = await scene.user();
    const sessionId = await scene.queue(user);
    const { conversationId, key } = await leaveKey(user);
    expect((await report({ conversationId, key, what: 'quick_exit' })).status).toBe(204);
    await until(async () => !(await ada.queue()).queued.some((s) => s.id === sessionId), 5000);
    expect(await scene.store.session(sessionId)).toBeUndefined();
  });

  it('a closed page ends the session after the grace period, unless the user comes back first', async () => {
    const ada = await scene.worker('ada');
    const [gone, back] = [await scene.user(), await scene.user()];
    const goneId = await scene.queue(gone, 1);
    const backId = await scene.queue(back, 2);
    const [goneKey, backKey] = [await leaveKey(gone), await leaveKey(back)];

    expect((await report({ ...goneKey, what: 'closed' })).status).toBe(204);
    expect((await report({ ...backKey, what: 'closed' })).status).toBe(204);
    await ada.waitFor((f) => f.type === 'session' && f.session.id === goneId && f.session.away === true);
    // The second one reloads and writes: they are here again.
    await back.post({ type: 'message', text: 'Keep waiting' });
    await back.received.waitFor(fromBot(/I'll tell you here when a worker is ready/));

    await until(async () => !(await ada.queue()).queued.some((s) => s.id === goneId));
    const sam = await scene.worker('sam');
    const audit = (await sam.call('GET', '/api/console/audit')).body.entries as Array<{ action: string; session: string; detail?: string }>;
    expect(audit.filter((e) => e.session === goneId && e.action === 'user_left').map((e) => e.detail)).toEqual(['closed']);
    const stillWaiting = (await ada.queue()).queued.find((s) => s.id === backId) as { away?: boolean } | undefined;
    expect(stillWaiting).toBeDefined();
    expect(stillWaiting?.away).toBeUndefined();
    await back.post({ type: 'message', text: 'Cancel' });
    await back.received.waitFor(fromBot(/you have left the queue/));
  }, 30000);

  it('a report with a wrong key, or no key, changes nothing and says what is wrong', async () => {
    const ada = await scene.worker('ada');
    const user = await scene.user();
    const sessionId = await scene.queue(user);
    const { conversationId, key } = await leaveKey(user);
    const wrong = await report({ conversationId, key: `${key.slice(0, -2)}xx`, what: 'quick_exit' });
    expect([wrong.status, (await wrong.json()).error.code]).toEqual([400, 'BadKey']);
    const missing = await report('not json');
    expect([missing.status, (await missing.json()).error.code]).toEqual([400, 'BadRequest']);
    expect((await ada.queue()).queued.map((s) => s.id)).toContain(sessionId);
  });
});
