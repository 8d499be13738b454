/** Steps the scale-out tests share: a user joins the queue on one instance, a worker finds the session. */
import type { Worker } from '../handoff/consoleClient';
import type { ChannelUser } from './fakeChannel';
import type { BeaconProcess } from '../support/beaconProcess';
import { waitUntil } from '../support/beaconProcess';

/** Asks for a person and agrees to share, on `first` then `second` (the same instance when given once). */
export async function joinQueue(user: ChannelUser, first: BeaconProcess, second = first): Promise<void> {
  const before = user.lines.length;
  await user.say(first.url, 'talk to a person');
  await user.waitFor(/Is it OK to share this/, 30_000, before);
  await user.say(second.url, 'Yes, share this');
  await user.waitFor(/You are number \d+(; the wait is about|, and someone should be with you)/, 30_000, before);
}

/** The id of the waiting session whose place the worker sees in their queue, once it is there. */
export async function waitingSession(worker: Worker, known: string[] = []): Promise<string> {
  let id: string | undefined;
  await waitUntil(async () => {
    id = (await worker.queue()).queued.map((s) => s.id).find((s) => !known.includes(s));
    return !!id;
  }, 30_000, `no new waiting conversation in ${worker.username}'s queue`);
  return id!;
}

/** How many times each text occurs in a list. */
export function tally(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}
