/**
 * One conversation's history: activities in order, each with a sequence number that doubles as the Direct
 * Line watermark. Ids look like Azure's (`<conversationId>|0000007`). The history is bounded: old entries drop
 * off, but sequence numbers never go back, so a client's watermark stays meaningful.
 */

/** An activity as the client sees it: a JSON object with at least an id and a type. */
export type DirectLineActivity = Record<string, unknown> & { id: string; type: string };

export interface ActivityPage {
  activities: DirectLineActivity[];
  watermark: string;
}

export class ActivityHistory {
  private entries: Array<{ seq: number; activity: DirectLineActivity }> = [];
  private lastSeq = 0;
  private ephemeralSeq = 0;

  constructor(
    private readonly conversationId: string,
    private readonly maxEntries: number,
    /** Where sequence numbers start: above any watermark a client may hold from before (a revived conversation). */
    firstSeq = 0
  ) {
    this.lastSeq = firstSeq;
  }

  /** Records an activity with the next id; returns it and the watermark that now includes it. */
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

  /** Activities after a watermark (all kept ones without it), and the watermark to ask with next time. */
  after(watermark: number | undefined): ActivityPage {
    const from = watermark ?? 0;
    const activities = this.entries.filter((entry) => entry.seq > from).map((entry) => entry.activity);
    return { activities, watermark: String(Math.max(from, this.lastSeq)) };
  }

  clear(): void {
    this.entries = [];
  }

  private push(seq: number, activity: DirectLineActivity): void {
    this.entries.push({ seq, activity });
    const overflow = this.entries.length - this.maxEntries;
    if (overflow > 0) this.entries.splice(0, overflow);
  }
}
