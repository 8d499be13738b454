/**
 * Sends what a step says, shaped for the user's channel: plain messages, and questions with choices as
 * buttons or numbered lists (see src/channels). Every outgoing message carries the turn's language.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { renderChoices, renderLinks, renderText } from '../channels/renderer';

export interface ChoiceOption {
  title: string;
  value: string;
}

/** `channelData` (optional) travels on every message, e.g. to tell the widget a live chat has started. */
export async function sendTexts(context: TurnContext, texts: string[], language: string, channelData?: Record<string, unknown>): Promise<void> {
  const activities = texts.flatMap((text) => renderText(text, context.activity.channelId));
  await send(context, channelData ? activities.map((a) => ({ ...a, channelData: { ...(a.channelData as object), ...channelData } })) : activities, language);
}

export async function sendLinks(context: TurnContext, links: { title: string; url: string }[], language: string): Promise<void> {
  if (links.length === 0) return;
  await send(context, renderLinks(links, context.activity.channelId), language);
}

export async function sendChoices(
  context: TurnContext,
  prompt: string,
  choices: ChoiceOption[],
  language: string,
  numberedHint: string
): Promise<void> {
  await send(context, renderChoices(prompt, choices, context.activity.channelId, { numberedHint }), language);
}

async function send(context: TurnContext, activities: Partial<Activity>[], language: string): Promise<void> {
  if (activities.length === 0) return;
  await context.sendActivities(activities.map((a) => ({ type: 'message', ...a, locale: language })));
}
