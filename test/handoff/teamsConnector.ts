/**
 * A fake Teams Bot Connector service on 127.0.0.1: a real HTTP server that records what Beacon posts to
 * `/v3/conversations/…` (new posts, thread replies, card updates) and answers with ids as Teams does; and the
 * activities Teams posts to the bot when a worker in the helpline's channel presses a card button or replies
 * in the card's thread (shapes as in test/channels/channelActivities.ts: channelData.team/channel/tenant, a
 * `19:…@thread.tacv2;messageid=…` conversation id for a thread, `value` for a card submit).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TENANT = '72f988bf-0000-4000-8000-2d7cd011db47';
export const CHANNEL = '19:a1b2c3helpline@thread.tacv2';
export const TEAM = '19:teamhelpline@thread.tacv2';
export const BOT_ID = '28:8c1f5d7e-1111-4222-8333-444455556666';
/** What an operator pastes: Teams' "Get link to channel". */
export const CHANNEL_LINK = `https://teams.microsoft.com/l/channel/${encodeURIComponent(CHANNEL)}/Helpline?groupId=6b1c4e2a-0000-4000-8000-1234567890ab&tenantId=${TENANT}`;

export interface Posted {
  method: string;
  /** The conversation id, decoded. */
  conversation: string;
  /** The activity id in the path: the card being updated (PUT) or the activity replied to (POST). */
  activityId?: string;
  body: { type?: string; text?: string; attachments?: { contentType: string; content: any }[]; [k: string]: unknown }; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The id this fake gave the new message (POST). */
  id: string;
}

export class FakeTeamsConnector {
  readonly posted: Posted[] = [];
  private server?: Server;
  private next = 1718000000100;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
        if (!match) {
          res.writeHead(404);
          res.end();
          return;
        }
        const activityId = match[2] ? decodeURIComponent(match[2]) : undefined;
        const id = req.method === 'PUT' ? activityId! : String(this.next++);
        this.posted.push({ method: req.method ?? '', conversation: decodeURIComponent(match[1]!), activityId, body: raw ? JSON.parse(raw) : {}, id });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ id }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Waits until something matching was posted (checks every 20 ms). */
  async waitFor(match: (p: Posted) => boolean, timeoutMs = 8000, after = 0): Promise<Posted> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.posted.slice(after).find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`Fake Teams connector: nothing matching was posted in ${timeoutMs} ms; posted: ${JSON.stringify(this.posted.map((p) => [p.method, p.conversation, p.body.text]))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/** The card in a post, as JSON text (to look for what must not be there) and as an object. */
export function cardOf(p: Posted): any { // eslint-disable-line @typescript-eslint/no-explicit-any
  return p.body.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

export interface TeamsWorker {
  id: string;
  name: string;
  aadObjectId: string;
}

let sequence = 0;

/** An activity from a worker in the helpline channel, in the thread whose root message is `threadId`. */
export function teamsActivity(serviceUrl: string, worker: TeamsWorker, threadId: string, extra: Record<string, unknown>): Record<string, unknown> {
  sequence += 1;
  return {
    type: 'message',
    id: `17180000${String(sequence).padStart(5, '0')}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    locale: 'en-GB',
    from: { id: worker.id, name: worker.name, aadObjectId: worker.aadObjectId },
    recipient: { id: BOT_ID, name: 'Beacon' },
    conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT, id: `${CHANNEL};messageid=${threadId}`, name: '' },
    channelData: { teamsChannelId: CHANNEL, teamsTeamId: TEAM, channel: { id: CHANNEL }, team: { id: TEAM }, tenant: { id: TENANT } },
    entities: [{ type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/Brussels' }],
    ...extra
  };
}

/** A press of an Action.Submit button on the card: no text, the button's data (and the card's inputs) as `value`. */
export function cardSubmit(serviceUrl: string, worker: TeamsWorker, threadId: string, value: Record<string, unknown>): Record<string, unknown> {
  return teamsActivity(serviceUrl, worker, threadId, { replyToId: threadId, value, channelData: { teamsChannelId: CHANNEL, teamsTeamId: TEAM, channel: { id: CHANNEL }, team: { id: TEAM }, tenant: { id: TENANT }, source: { name: 'message' }, legacy: { replyToId: threadId } } });
}

/** A reply in the thread; in a channel the bot hears only messages that @mention it. */
export function threadReply(serviceUrl: string, worker: TeamsWorker, threadId: string, text: string): Record<string, unknown> {
  const mention = '<at>Beacon</at>';
  return teamsActivity(serviceUrl, worker, threadId, {
    text: `${mention} ${text}`,
    textFormat: 'plain',
    attachments: [{ contentType: 'text/html', content: `<div><div><span itemscope="" itemtype="http://schema.skype.com/Mention" itemid="0">Beacon</span> ${text}</div></div>` }],
    entities: [{ type: 'mention', text: mention, mentioned: { id: BOT_ID, name: 'Beacon' } }]
  });
}

/** Posts an activity to Beacon as the Bot Connector would. */
export async function postToBeacon(beaconUrl: string, activity: unknown): Promise<number> {
  const res = await fetch(`${beaconUrl}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
  await res.text();
  return res.status;
}
