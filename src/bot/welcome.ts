/**
 * The greeting: that Beacon is a bot, what it can help with, what stays private, and how to leave.
 * Sent once per conversation, on the channel's conversation start or on the first message, whichever comes first.
 */
import type { TurnContext } from 'botbuilder';
import { capabilitiesFor } from '../channels/capabilities';
import type { Translator } from '../content/translator';
import type { BeaconState } from './state';
import { turnLanguage } from './turnLanguage';

/** The widget's welcome names its Quick Exit button; other channels have none, so they say how to stop. */
export function welcomeKeys(channelId: string | undefined): string[] {
  const leave = capabilitiesFor(channelId).quickExit ? 'welcome.leave' : 'welcome.leaveChat';
  return ['welcome.bot', 'welcome.help', 'welcome.privacy', leave];
}

/** Sends the welcome unless this conversation already had it; returns true when it was sent now. */
export async function greetOnce(context: TurnContext, state: BeaconState, translator: Translator): Promise<boolean> {
  const data = await state.conversationData.get(context, {});
  if (data.greeted) return false;
  data.greeted = true;
  await state.conversationData.set(context, data);
  const language = turnLanguage(context);
  await context.sendActivities(
    welcomeKeys(context.activity.channelId).map((key) => ({ type: 'message', text: translator.t(language, key), locale: language }))
  );
  return true;
}
