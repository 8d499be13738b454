/**
 * One conversation's history: activities in order, each with a sequence number that doubles as the Direct
 * Line watermark. Ids look like Azure's (`<conversationId>|0000007`). The history is bounded: old entries drop
 * off, but sequence numbers never go back, so a client's watermark stays meaningful.
 *
 * An entry is recorded at once (its id is known) but shown to clients only once it is published: when the
 * conversation is kept in the data store, that is after the store holds it, so no client ever holds a watermark
 * that a restart could hand out again.
 */

/** An activity as the client sees it: a JSON object with at least an id and a type. */
export type DirectLineActivity = Record<string, unknown> & { id: string; type: string };

export interface ActivityPage {
  activities: DirectLineActivity[];
  watermark: string;
}

export interface HistoryEntry {
  seq: number;
  activity: DirectLineActivity;
}

/** What the data store keeps of a history (see conversationArchive.ts). */
export interface HistorySnapshot {
  lastSeq: number;
  entries: HistoryEntry[];
}

export class ActivityHistory {
  private entries: HistoryEntry[] = [];
  private lastSeq = 0;
  /** Entries up to this sequence number are visible to clients. */
  private publishedSeq = 0;
  private ephemeralSeq = 0;

  constructor(
    private readonly conversationId: string,
    private readonly maxEntries: number,
    /** Where sequence numbers start: above any watermark a client may hold from before (a revived conversation). */
    firstSeq = 0
  ) {
    this.lastSeq = firstSeq;
    this.publishedSeq = firstSeq;
  }

  /** A history as the data store kept it; everything in it was published before. */
  static restore(conversationId: string, maxEntries: number, snapshot: HistorySnapshot): ActivityHistory {
    const history = new ActivityHistory(conversationId, maxEntries, snapshot.lastSeq);
    for (const entry of snapshot.entries) history.push(entry.seq, entry.activity);
    return history;
  }

  /** Records an activity with the next id (unpublished); returns it and the watermark that includes it. */
  append(activity: Omit<DirectLineActivity, 'id'>): ActivityPage & { activity: DirectLineActivity } {
    const seq = ++this.lastSeq;
    const stored = { ...activity, id: `${this.conversationId}|${String(seq).padStart(7, '0')}` } as DirectLineActivity;
    this.push(seq, stored);
    return { activity: stored, activities: [stored], watermark: String(seq) };
  }

  /** An id for an activity that is pushed to streams but never stored (typing). */
  ephemeralId(): string {
    return `${this.conversationId}|e${++this.ephemeralSeq}`;
  }

  /** Replaces an activity, keeping its id but moving it past the watermark so every client sees the change. */
  replace(activityId: string, activity: Record<string, unknown>): (ActivityPage & { activity: DirectLineActivity }) | undefined {
    if (!this.remove(activityId)) return undefined;
    const seq = ++this.lastSeq;
    const updated = { ...activity, id: activityId } as DirectLineActivity;
    this.push(seq, updated);
    return { activity: updated, activities: [updated], watermark: String(seq) };
  }

  /** Removes an activity; clients that already received it keep their copy (Direct Line cannot retract). */
  remove(activityId: string): boolean {
    const index = this.entries.findIndex((entry) => entry.activity.id === activityId);
    if (index >= 0) this.entries.splice(index, 1);
    return index >= 0;
  }

  /** The kept activity the bot marked with this handoff message key, if any (a message sent again). */
  withHandoffKey(key: string): DirectLineActivity | undefined {
    return this.entries.find((entry) => (entry.activity.channelData as { beaconHandoffMessage?: unknown } | undefined)?.beaconHandoffMessage === key)?.activity;
  }

  /** Published activities after a watermark (all kept ones without it), and the watermark to ask with next time. */
  after(watermark: number | undefined): ActivityPage {
    const from = watermark ?? 0;
    const activities = this.entries.filter((entry) => entry.seq > from && entry.seq <= this.publishedSeq).map((entry) => entry.activity);
    return { activities, watermark: String(Math.max(from, this.publishedSeq)) };
  }

  /**
   * Makes what was recorded up to `upTo` (everything, without it) visible; returns what became visible, in
   * order, or undefined if nothing did.
   */
  publish(upTo = this.lastSeq): ActivityPage | undefined {
    const to = Math.min(upTo, this.lastSeq);
    if (to <= this.publishedSeq) return undefined;
    const from = this.publishedSeq;
    this.publishedSeq = to;
    const activities = this.entries.filter((entry) => entry.seq > from && entry.seq <= to).map((entry) => entry.activity);
    return { activities, watermark: String(to) };
  }

  /** What the data store keeps: every entry recorded so far and the sequence number reached. */
  snapshot(): HistorySnapshot {
    return { lastSeq: this.lastSeq, entries: this.entries.map((entry) => ({ ...entry })) };
  }

  /**
   * Drops every entry clients were shown (one not yet shown stays, to be shown next); sequence numbers go on
   * from where they were, so clients' watermarks stay valid.
   */
  clear(): void {
    this.entries = this.entries.filter((entry) => entry.seq > this.publishedSeq);
  }

  private push(seq: number, activity: DirectLineActivity): void {
    this.entries.push({ seq, activity });
    const overflow = this.entries.length - this.maxEntries;
    if (overflow > 0) this.entries.splice(0, overflow);
  }
}
