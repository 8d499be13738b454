/**
 * Runs before any bot logic on every turn: makes what the turn sends safe to show (`outgoingText.ts`), decides
 * the turn's language, removes attachments (Beacon never handles images: they are not stored, logged,
 * forwarded or echoed), and refuses text too long to be a chat message. It never reads message text into logs.
 */
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Translator } from '../content/translator';
import type { Logger } from '../logging/logger';
import { hashId } from '../logging/logger';
import type { BeaconState } from './state';
import { filterOutgoing } from './outgoingText';
import { setTurnLanguage } from './turnLanguage';

/** Longer than any chat message a person types; the HTTP body limit (256 KB) stops anything larger. */
export const MAX_TEXT_CHARS = 4000;

export class SafetyMiddleware implements Middleware {
  constructor(
    private readonly state: BeaconState,
    private readonly translator: Translator,
    private readonly defaultLocale: string,
    private readonly logger: Logger
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    filterOutgoing(context);
    const activity = context.activity;
    const profile = await this.state.profile.get(context, {});
    const language = this.translator.resolve(profile.language ?? activity.locale, this.defaultLocale);
    setTurnLanguage(context, language);
    if (activity.type !== ActivityTypes.Message) return next();

    const removed = stripAttachments(context);
    if (removed > 0) {
      this.logger.info({ event: 'attachments_removed', conversation: hashId(activity.conversation?.id), count: removed });
      await context.sendActivity(this.translator.t(language, 'input.attachmentRemoved'));
      if (!activity.text?.trim() && activity.value === undefined) return this.state.save(context);
    }
    if ((activity.text?.length ?? 0) > MAX_TEXT_CHARS) {
      this.logger.info({ event: 'text_too_long', conversation: hashId(activity.conversation?.id), length: activity.text?.length });
      await context.sendActivity(this.translator.t(language, 'input.tooLong'));
      return this.state.save(context);
    }
    return next();
  }
}

/**
 * Removes every attachment from the incoming activity and returns how many were files or images.
 * Teams attaches a text/html copy of each typed message; that one is not the user sending a file.
 */
function stripAttachments(context: TurnContext): number {
  const activity = context.activity;
  const attachments = activity.attachments ?? [];
  const files = attachments.filter((a) => a.contentType !== 'text/html').length;
  const channelData = activity.channelData as { beaconAttachmentsRemoved?: unknown } | undefined;
  const removedUpstream = typeof channelData?.beaconAttachmentsRemoved === 'number' ? channelData.beaconAttachmentsRemoved : 0;
  activity.attachments = [];
  return files + removedUpstream;
}
