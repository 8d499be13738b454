/**
 * When this deployment's workers cannot take the user — out of hours, or not their country — the bot says
 * so honestly, gives the numbers (and when the workers are back), and nobody joins the queue.
 */
import type { RunningBeacon } from '../../src/beacon';
import { HandoffStore } from '../../src/handoff/handoffStore';
import { expectRepliesActivity, postActivity, startTestBeacon } from '../support/testBeacon';
import { addWorker, tempDataDir } from './consoleClient';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** A weekday that is not today in UTC (nor tomorrow, so a test running over midnight still holds). */
function closedDay(): string {
  return WEEKDAYS[(new Date().getUTCDay() + 3) % 7]!;
}

async function askForPerson(beacon: RunningBeacon, profile?: Record<string, string>): Promise<string> {
  const activity = expectRepliesActivity('talk to a person', { from: { id: `u-${Math.random()}`, role: 'user' } });
  if (profile) await seedProfile(beacon, (activity.from as { id: string }).id, profile);
  const { status, replies } = await postActivity(beacon.url, activity);
  expect(status).toBe(200);
  return replies.map((r) => r.text ?? '').join('\n');
}

/** Writes the user's profile where UserState keeps it (`<channel>/users/<id>/`), as if they had told the bot. */
async function seedProfile(beacon: RunningBeacon, userId: string, profile: Record<string, string>): Promise<void> {
  await beacon.storage.write({ [`test/users/${userId}/`]: { profile } });
}

describe('when the workers cannot take the user', () => {
  let beacon: RunningBeacon | undefined;
  afterEach(async () => {
    await beacon?.close();
    beacon = undefined;
  });

  it('out of hours: says when the workers are back, gives the numbers, and queues nobody', async () => {
    const dataDir = tempDataDir();
    await addWorker(dataDir, 'ada');
    beacon = await startTestBeacon({ DATA_DIR: dataDir, HANDOFF_HOURS: `${closedDay()} 09:00-17:00`, HANDOFF_TIMEZONE: 'UTC' });
    const text = await askForPerson(beacon);
    expect(text).toMatch(/not working right now\. They are back on \w+day at 09:00 \(UTC time\)/);
    expect(text).toMatch(/112/);
    expect(text).not.toMatch(/Is it OK to share this|in the queue/);
    expect(await new HandoffStore(beacon.storage).openSessions()).toEqual([]);
  });

  it('a country the workers do not serve: says so, gives the numbers, and queues nobody', async () => {
    const dataDir = tempDataDir();
    await addWorker(dataDir, 'ada');
    beacon = await startTestBeacon({ DATA_DIR: dataDir, HANDOFF_COUNTRIES: 'FR,LU' });
    const text = await askForPerson(beacon, { country: 'BE' });
    expect(text).toMatch(/work for other countries, so they can't help where you are/);
    expect(text).not.toMatch(/Is it OK to share this|in the queue/);
    expect(await new HandoffStore(beacon.storage).openSessions()).toEqual([]);
  });

  it('with no worker account yet: says honestly that nobody answers here, and gives the numbers', async () => {
    beacon = await startTestBeacon({ DATA_DIR: tempDataDir() });
    const text = await askForPerson(beacon);
    expect(text).toMatch(/isn't switched on here yet/);
    expect(text).not.toMatch(/Is it OK to share this/);
  });
});
