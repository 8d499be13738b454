/**
 * The helpline's Teams channel, validated by `config.ts` with the rest. An operator copies the channel's link
 * from Teams ("…" beside the channel → "Get link to channel"): it names the channel conversation id and the
 * tenant. The service address is Teams' public proactive endpoint unless told otherwise (a government cloud,
 * or a test's fake Bot Connector on this machine); once Teams has sent a turn from the channel, that turn's
 * address is kept and preferred, as Microsoft advises.
 */
import { z } from 'zod/v4';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Teams' public cloud endpoint for proactive messages (Microsoft's `TeamsServiceEndpoints.publicGlobal`). */
export const DEFAULT_TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

export interface TeamsChannelSettings {
  /** The channel's conversation id, `19:…@thread.tacv2` (or `@thread.skype` for older teams). */
  channelId: string;
  tenantId: string;
  serviceUrl: string;
}

export const teamsConfigExamples: Record<string, string> = {
  HANDOFF_TEAMS_CHANNEL:
    'https://teams.microsoft.com/l/channel/19%3Aa1b2c3%40thread.tacv2/Helpline?groupId=6b1c4e2a-0000-4000-8000-1234567890ab&tenantId=72f988bf-0000-4000-8000-2d7cd011db47',
  HANDOFF_TEAMS_SERVICE_URL: DEFAULT_TEAMS_SERVICE_URL
};

/** The channel link → channel id and tenant; undefined when it is not a Teams channel link with both. */
export function parseChannelLink(link: string): { channelId: string; tenantId: string } | undefined {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  const match = /^\/l\/channel\/([^/]+)/.exec(url.pathname);
  const tenantId = url.searchParams.get('tenantId') ?? '';
  if (url.protocol !== 'https:' || !match || !guid.test(tenantId)) return undefined;
  let channelId: string;
  try {
    channelId = decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
  return /^19:[^;\s]+@thread\.(tacv2|skype)$/.test(channelId) ? { channelId, tenantId } : undefined;
}

/** https, or plain http to this machine only (a test's fake Bot Connector). */
function isServiceUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname));
  } catch {
    return false;
  }
}

export const teamsConfigShape = {
  /** Empty: no Teams channel; waiting users are seen in the web console only. */
  HANDOFF_TEAMS_CHANNEL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((v) => parseChannelLink(v) !== undefined, {
        message: 'must be the link Teams gives for a channel ("Get link to channel"), with the 19:…@thread.tacv2 channel id and a tenantId'
      })
      .optional()
  ),
  HANDOFF_TEAMS_SERVICE_URL: z.preprocess(
    emptyToUndefined,
    z.string().default(DEFAULT_TEAMS_SERVICE_URL).refine(isServiceUrl, { message: 'must be an https:// address like https://smba.trafficmanager.net/teams/' })
  )
};

export function teamsChannelSettings(config: { HANDOFF_TEAMS_CHANNEL?: string; HANDOFF_TEAMS_SERVICE_URL: string }): TeamsChannelSettings | undefined {
  const parsed = config.HANDOFF_TEAMS_CHANNEL ? parseChannelLink(config.HANDOFF_TEAMS_CHANNEL) : undefined;
  return parsed ? { ...parsed, serviceUrl: config.HANDOFF_TEAMS_SERVICE_URL } : undefined;
}

/** The link an operator would paste, rebuilt from a channel id and tenant (logged when Beacon joins a team). */
export function channelLink(channelId: string, tenantId: string): string {
  return `https://teams.microsoft.com/l/channel/${encodeURIComponent(channelId)}/Beacon?tenantId=${encodeURIComponent(tenantId)}`;
}
