/**
 * The adapter's error handler: logs where the turn failed (a hash of the conversation id, the activity type,
 * the error) — never the message text — and gives the user a calm, translated message with the emergency line.
 */
import type { TurnContext } from 'botbuilder';
import type { Translator } from '../content/translator';
import type { Logger } from '../logging/logger';
import { scrubIds } from '../logging/consoleCapture';
import { hashId } from '../logging/logger';
import { turnLanguage } from './turnLanguage';

export function createTurnErrorHandler(translator: Translator, logger: Logger, defaultLocale: string) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const activity = context.activity;
    logger.error(
      {
        event: 'turn_error',
        conversation: hashId(activity.conversation?.id),
        channel: activity.channelId,
        activityType: activity.type,
        err: { name: error.name, message: scrubIds(error.message), stack: error.stack ? scrubIds(error.stack) : undefined }
      },
      'a turn failed'
    );
    // The middleware may not have run (the failure can be in it): fall back to the activity's locale.
    const lang = turnLanguage(context, translator.resolve(activity.locale, defaultLocale));
    try {
      await context.sendActivity(translator.t(lang, 'error.apology'));
      await context.sendActivity(translator.t(lang, 'error.emergency'));
    } catch (sendError) {
      logger.error({ event: 'turn_error_reply_failed', conversation: hashId(activity.conversation?.id), err: scrubIds(String(sendError)) });
    }
  };
}
