/**
 * Where in Teams a turn comes from. Beacon's child-safety conversation belongs in a personal chat: in a team's
 * channel or a group chat every message is seen by everyone there. It answers in personal chats and in the
 * helpline's own channel (HANDOFF_TEAMS_CHANNEL, where workers take conversations); anywhere else it says once,
 * briefly, that it works in a personal chat, and nothing more.
 */
import type { Activity } from 'botbuilder';

export type TeamsPlace = 'notTeams' | 'personal' | 'helpline' | 'elsewhere';

export function teamsPlace(activity: Partial<Activity>, helplineChannelId: string | undefined): TeamsPlace {
  if (activity.channelId !== 'msteams') return 'notTeams';
  const conversation = activity.conversation;
  if (conversation?.conversationType === 'personal' || (conversation && !conversation.conversationType && !conversation.isGroup)) return 'personal';
  const base = conversation?.id?.split(';')[0];
  if (helplineChannelId && base === helplineChannelId) return 'helpline';
  return 'elsewhere';
}

/** The place's key for "said once": the channel or group chat, not the thread. */
export function placeKey(activity: Partial<Activity>): string {
  return activity.conversation?.id?.split(';')[0] ?? '';
}

/** Beacon itself was added (a team install): the install is still logged, nobody is greeted. */
export function onlyBotAdded(activity: Partial<Activity>): boolean {
  const added = activity.membersAdded ?? [];
  return activity.type === 'conversationUpdate' && added.length > 0 && added.every((m) => m.id === activity.recipient?.id);
}
