/**
 * Turns what a client posted into the activity the bot receives and the client sees echoed back. The service,
 * not the client, decides the id, time, conversation, channel, recipient and sender (the conversation's user,
 * as Azure does when the token names the user). Attachments never pass: they are removed here, before the
 * activity is stored or forwarded (DESIGN.md rule 2), and the bot is told how many there were through
 * `channelData.beaconAttachmentsRemoved` so it can tell the person not to send images.
 */
import { z } from 'zod/v4';
import { BOT_ACCOUNT, CHANNEL_ID } from './constants';
import type { Conversation } from './conversationStore';

/** The activity types a Direct Line client may send (conversationUpdate is the service's, never a client's). */
export const CLIENT_ACTIVITY_TYPES = ['message', 'event', 'typing'] as const;

const clientActivitySchema = z.looseObject({
  type: z.enum(CLIENT_ACTIVITY_TYPES),
  text: z.string().optional(),
  locale: z.string().max(64).optional(),
  name: z.string().max(256).optional(),
  from: z.looseObject({ id: z.string().optional(), name: z.string().max(256).optional() }).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  attachments: z.array(z.unknown()).optional(),
  entities: z.array(z.unknown()).optional()
});

/** Fields only the service may set; a client's values for them are dropped. */
const SERVICE_FIELDS = ['id', 'timestamp', 'channelId', 'conversation', 'recipient', 'serviceUrl', 'from', 'deliveryMode'];

export type ClientActivityResult =
  | { ok: true; activity: Record<string, unknown> & { type: string }; attachmentsRemoved: number }
  | { ok: false; message: string };

/**
 * Validates a posted activity and builds the version to store and forward.
 * `uploadedFiles` counts files that arrived as multipart parts beside the activity (the upload route).
 */
export function toClientActivity(body: unknown, conversation: Conversation, uploadedFiles = 0): ClientActivityResult {
  const parsed = clientActivitySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `"${issue.path.join('.')}"` : 'the body';
    return { ok: false, message: `The activity is not valid: ${where}: ${issue?.message ?? 'unexpected value'}.` };
  }
  const posted = parsed.data;
  const activity: Record<string, unknown> & { type: string } = { ...posted, type: posted.type };
  for (const field of SERVICE_FIELDS) delete activity[field];

  const attachmentsRemoved = Math.max(posted.attachments?.length ?? 0, uploadedFiles);
  if (attachmentsRemoved > 0) {
    activity.attachments = [];
    activity.channelData = { ...(posted.channelData ?? {}), beaconAttachmentsRemoved: attachmentsRemoved };
  } else {
    delete activity.attachments;
  }

  const user = conversation.user;
  const name = posted.from?.name ?? user.name;
  Object.assign(activity, {
    timestamp: new Date().toISOString(),
    channelId: CHANNEL_ID,
    conversation: { id: conversation.id },
    from: name ? { id: user.id, name, role: 'user' } : { id: user.id, role: 'user' },
    recipient: { ...BOT_ACCOUNT }
  });
  return { ok: true, activity, attachmentsRemoved };
}
