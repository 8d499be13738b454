/**
 * Message activities as each Azure Bot Service channel delivers them to the bot: channelId, serviceUrl, the
 * from / recipient / conversation ids in each channel's own format, and the channelData each one attaches.
 * Shapes follow the Bot Framework channel docs and captured traffic; ids are made up. Used by matrix.test.ts to
 * play the same conversation on every channel through the real bot.
 */
import type { Activity } from 'botbuilder';

const TENANT = '72f988bf-0000-4000-8000-2d7cd011db47';
const BOT_APP_ID = '8c1f5d7e-1111-4222-8333-444455556666';
let sequence = 0;

/** Builds the activity a channel would post for `text`, in one conversation per channel. */
export type ChannelMessage = (text: string) => Partial<Activity>;

export const CHANNEL_MESSAGES: Record<string, ChannelMessage> = {
  // The Azure "Web Chat" channel (webchat.botframework.com embed).
  webchat: (text) => ({
    ...common('webchat', 'https://webchat.botframework.com/', text),
    from: { id: 'a1b2c3d4e5f6a7b8', name: 'You' },
    recipient: { id: 'beacon-prod@Bzkx3pQqz1A', name: 'Beacon' },
    conversation: { id: 'BVwT7cFh2N1Bq8tQY3oR4x-eu' } as Activity['conversation'],
    locale: 'en-GB',
    textFormat: 'plain',
    entities: [{ type: 'ClientCapabilities', requiresBotState: true, supportsListening: true, supportsTts: true }],
    channelData: { clientActivityID: `1718000000000${sequence}`, clientTimestamp: '2025-06-10T09:00:00.000Z' }
  }),
  // Beacon's own widget in production: Web Chat over the Direct Line channel, with a token from /api/directline/token.
  directline: (text) => ({
    ...common('directline', 'https://europe.directline.botframework.com/', text),
    from: { id: 'dl_3f0c9a52-7b1e-4d8a-9c61-2b7f0e5d4a13', name: '' },
    recipient: { id: 'beacon-prod', name: 'Beacon' },
    conversation: { id: 'KXmV1gXN7vf9gW5xJG3uT3-eu' } as Activity['conversation'],
    locale: 'en-GB',
    textFormat: 'plain',
    channelData: { clientActivityID: `1718000000001${sequence}`, clientTimestamp: '2025-06-10T09:00:00.000Z' }
  }),
  // A parent in a personal (1:1) chat with the Teams app.
  msteams: (text) => ({
    ...common('msteams', 'https://smba.trafficmanager.net/emea/', text),
    from: { id: '29:1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789', name: 'Sam Parent', aadObjectId: '6b1c4e2a-0000-4000-8000-1234567890ab' },
    recipient: { id: `28:${BOT_APP_ID}`, name: 'Beacon' },
    conversation: { conversationType: 'personal', tenantId: TENANT, id: 'a:1XyZpersonalChatId' } as Activity['conversation'],
    locale: 'en-GB',
    localTimezone: 'Europe/Brussels',
    textFormat: 'plain',
    channelData: { tenant: { id: TENANT } },
    entities: [{ type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/Brussels' }]
  }),
  telegram: (text) => ({
    ...common('telegram', 'https://telegram.botframework.com/', text),
    from: { id: '123456789', name: 'Sam' },
    recipient: { id: 'BeaconHelpBot', name: 'Beacon' },
    conversation: { id: '123456789', isGroup: false } as Activity['conversation'],
    channelData: {
      update_id: 800000000 + sequence,
      message: {
        message_id: sequence,
        from: { id: 123456789, is_bot: false, first_name: 'Sam', language_code: 'en' },
        chat: { id: 123456789, first_name: 'Sam', type: 'private' },
        date: 1718000000,
        text
      }
    }
  }),
  // Messenger: the page-scoped user id (PSID), the page as recipient; a quick-reply tap arrives as its title.
  facebook: (text) => ({
    ...common('facebook', 'https://facebook.botframework.com/', text),
    from: { id: '7025391234567890', name: '' },
    recipient: { id: '104567890123456', name: 'Beacon' },
    conversation: { id: '7025391234567890-104567890123456', isGroup: false } as Activity['conversation'],
    channelData: {
      sender: { id: '7025391234567890' },
      recipient: { id: '104567890123456' },
      timestamp: 1718000000000,
      message: { mid: `m_${sequence}`, text }
    }
  }),
  // Slack direct message; the channel passes the workspace's bot token in channelData, one more reason to never log it.
  slack: (text) => ({
    ...common('slack', 'https://slack.botframework.com/', text),
    from: { id: 'U07ABCDEF:T01HELPLN', name: 'sam' },
    recipient: { id: 'B07BEACON:T01HELPLN', name: 'beacon' },
    conversation: { id: 'B07BEACON:T01HELPLN:D07DMCHAN', isGroup: false } as Activity['conversation'],
    channelData: {
      SlackMessage: {
        type: 'event_callback',
        team_id: 'T01HELPLN',
        api_app_id: 'A07BEACON',
        event: { type: 'message', channel_type: 'im', user: 'U07ABCDEF', text, ts: `1718000000.0001${sequence}`, channel: 'D07DMCHAN' },
        event_id: `Ev07${sequence}`,
        event_time: 1718000000
      },
      ApiToken: 'xoxb-not-a-real-token'
    }
  }),
  // Twilio SMS through Azure Bot Service: phone numbers as ids.
  sms: (text) => ({
    ...common('sms', 'https://sms.botframework.com/', text),
    from: { id: '+32470123456', name: '+32470123456' },
    recipient: { id: '+3225550100', name: '+3225550100' },
    conversation: { id: '+32470123456', isGroup: false } as Activity['conversation']
  }),
  // Email (Microsoft 365 mailbox): the plain-text body as text, subject and HTML body in channelData.
  email: (text) => ({
    ...common('email', 'https://email.botframework.com/', text),
    from: { id: 'parent@example.org', name: 'A Parent' },
    recipient: { id: 'beacon@helpline.example', name: 'Beacon' },
    conversation: { id: 'parent@example.org', isGroup: false } as Activity['conversation'],
    textFormat: 'plain',
    channelData: { subject: 'Worried about my son', importance: 'normal', htmlBody: `<p>${text}</p>` }
  })
};

/** A message in a Teams channel of the helpline's team: the bot must be @mentioned there. */
export function teamsChannelMessage(text: string): Partial<Activity> {
  const channel = '19:a1b2c3helpline@thread.tacv2';
  const mention = '<at>Beacon</at>';
  return {
    ...CHANNEL_MESSAGES.msteams!(`${mention} ${text}`),
    conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT, id: `${channel};messageid=1718000000000`, name: '' },
    channelData: { teamsChannelId: channel, teamsTeamId: '19:teamhelpline@thread.tacv2', channel: { id: channel }, team: { id: '19:teamhelpline@thread.tacv2' }, tenant: { id: TENANT } },
    entities: [{ type: 'mention', text: mention, mentioned: { id: `28:${BOT_APP_ID}`, name: 'Beacon' } }]
  };
}

function common(channelId: string, serviceUrl: string, text: string): Partial<Activity> {
  sequence += 1;
  return { type: 'message', id: `${channelId}-${sequence}`, channelId, serviceUrl, text, timestamp: new Date('2025-06-10T09:00:00Z') };
}
