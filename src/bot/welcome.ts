/**
 * The greeting: that Beacon is a bot, what it can help with, what stays private, and how to leave.
 * Sent once per conversation, on the channel's conversation start or on the first message, whichever comes first.
 */
import type { TurnContext } from 'botbuilder';
import type { Translator } from '../content/translator';
import type { BeaconState } from './state';
import { turnLanguage } from './turnLanguage';

export const WELCOME_KEYS = ['welcome.bot', 'welcome.help', 'welcome.privacy', 'welcome.leave'] as const;

/** Sends the welcome unless this conversation already had it; returns true when it was sent now. */
export async function greetOnce(context: TurnContext, state: BeaconState, translator: Translator): Promise<boolean> {
  const data = await state.conversationData.get(context, {});
  if (data.greeted) return false;
  data.greeted = true;
  await state.conversationData.set(context, data);
  const language = turnLanguage(context);
  await context.sendActivities(
    WELCOME_KEYS.map((key) => ({ type: 'message', text: translator.t(language, key), locale: language }))
  );
  return true;
}
