/**
 * The wrap-up a helpline records after a chat: private notes kept until then, Child Helpline International
 * categories (at most HANDOFF_CATEGORY_LIMIT), a call type and an outcome; then the session, its messages and
 * the notes are deleted, and only counts remain — in a monthly CSV with no message text and no notes.
 */
import { HandoffScene } from './handoffScene';

let scene: HandoffScene;

beforeAll(async () => {
  scene = await HandoffScene.start({ ada: { name: 'Ada' }, sam: { name: 'Sam', role: 'supervisor' } }, { HANDOFF_CATEGORY_LIMIT: '2' });
});
afterEach(async () => {
  await scene.reset();
});
afterAll(async () => {
  await scene?.close();
});

const SECRET_WORDS = 'my uncle keeps messaging me';
const NOTE = 'Discussed blocking; child will tell a teacher';

describe('the wrap-up', () => {
  it('keeps notes until the wrap-up, refuses an incomplete form, then deletes everything but the counts', async () => {
    const [ada, sam] = [await scene.worker('ada'), await scene.worker('sam')];
    const user = await scene.user();
    const sessionId = await scene.chatting(user, ada, 'Ada');
    await user.post({ type: 'message', text: SECRET_WORDS });
    await ada.waitFor((f) => f.type === 'message' && f.message.text === SECRET_WORDS);
    expect((await ada.call('POST', `/api/console/sessions/${sessionId}/notes`, { notes: NOTE })).status).toBe(204);

    // End chat asks for no outcome: the wrap-up is then due, and the notes are still there for it.
    expect((await ada.call('POST', `/api/console/sessions/${sessionId}/end`, {})).status).toBe(200);
    const [due] = (await ada.queue()).mine as Array<{ id: string; wrapUpDue?: boolean; notes?: string }>;
    expect(due).toMatchObject({ id: sessionId, wrapUpDue: true, notes: NOTE });

    const wrap = (body: Record<string, unknown>) => ada.call('POST', `/api/console/sessions/${sessionId}/wrapup`, body);
    const tooMany = await wrap({ categories: ['violence', 'family', 'peers'], callType: 'childAboutSelf', outcome: 'referred' });
    expect([tooMany.status, tooMany.body.error.message]).toEqual([400, 'Choose 1 to 2 "categories".']);
    const unknown = await wrap({ categories: ['violence/made-up'], callType: 'childAboutSelf', outcome: 'referred' });
    expect(unknown.status).toBe(400);
    const noType = await wrap({ categories: ['violence'], outcome: 'referred' });
    expect(noType.body.error.message).toMatch(/callType/);
    expect((await ada.queue()).mine.map((s) => s.id)).toEqual([sessionId]);

    const done = await wrap({ categories: ['violence/onlineSexualAbuse', 'mentalHealth'], callType: 'childAboutSelf', outcome: 'referred' });
    expect(done.status).toBe(200);
    expect((await ada.queue()).mine).toEqual([]);
    expect(await scene.store.session(sessionId)).toBeUndefined();
    expect(await scene.store.messages(sessionId)).toEqual([]);

    const month = new Date().toISOString().slice(0, 7);
    expect((await ada.call('GET', `/api/console/export?month=${month}`)).status).toBe(403);
    const res = await fetch(`${scene.beacon.url}/api/console/export?month=${month}`, { headers: { Cookie: sam.cookie } });
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = await res.text();
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('month,dimension,value,count');
    expect(rows).toEqual(expect.arrayContaining([
      `${month},contacts,all,1`, `${month},category,violence/onlineSexualAbuse,1`, `${month},category,mentalHealth,1`,
      `${month},callType,childAboutSelf,1`, `${month},outcome,referred,1`, `${month},language,en,1`, `${month},ageBand,unspecified,1`
    ]));
    expect(csv).not.toContain('uncle');
    expect(csv).not.toContain('teacher');
    const bad = await fetch(`${scene.beacon.url}/api/console/export?month=2026-13`, { headers: { Cookie: sam.cookie } });
    expect(bad.status).toBe(400);
  });
});
