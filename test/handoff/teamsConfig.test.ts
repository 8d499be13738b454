/**
 * HANDOFF_TEAMS_CHANNEL and HANDOFF_TEAMS_SERVICE_URL as an operator writes them: the channel link Teams gives
 * ("Get link to channel") is read into the channel id and tenant; anything else stops the start with a message
 * that names the variable and shows a valid example.
 */
import { ConfigError, loadConfig } from '../../src/config';
import { DEFAULT_TEAMS_SERVICE_URL, channelLink, parseChannelLink, teamsChannelSettings } from '../../src/handoff/teams/teamsConfig';
import { CHANNEL, CHANNEL_LINK, TENANT } from './teamsConnector';

const problems = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('the Teams channel settings', () => {
  it('read the channel id and tenant from the link Teams gives, with Teams’ public service address by default', () => {
    expect(teamsChannelSettings(loadConfig({ HANDOFF_TEAMS_CHANNEL: CHANNEL_LINK }))).toEqual({ channelId: CHANNEL, tenantId: TENANT, serviceUrl: DEFAULT_TEAMS_SERVICE_URL });
    expect(parseChannelLink(channelLink(CHANNEL, TENANT))).toEqual({ channelId: CHANNEL, tenantId: TENANT });
  });

  it('are off when the variable is empty', () => {
    expect(teamsChannelSettings(loadConfig({ HANDOFF_TEAMS_CHANNEL: '' }))).toBeUndefined();
  });

  it.each([
    ['a team link instead of a channel link', 'https://teams.microsoft.com/l/team/19%3Aabc%40thread.tacv2/conversations?groupId=x&tenantId=' + TENANT],
    ['a link without the tenant', `https://teams.microsoft.com/l/channel/${encodeURIComponent(CHANNEL)}/Helpline?groupId=x`],
    ['a bare channel id', CHANNEL]
  ])('refuse %s, naming the variable and giving an example', (_what, value) => {
    const [problem] = problems({ HANDOFF_TEAMS_CHANNEL: value });
    expect(problem).toMatch(/^HANDOFF_TEAMS_CHANNEL must be the link Teams gives for a channel .*\(for example HANDOFF_TEAMS_CHANNEL=https:\/\/teams\.microsoft\.com\/l\/channel\//);
  });

  it('accept an https service address, or http to this machine only', () => {
    expect(problems({ HANDOFF_TEAMS_SERVICE_URL: 'https://smba.infra.gcc.teams.microsoft.com/teams' })).toEqual([]);
    expect(problems({ HANDOFF_TEAMS_SERVICE_URL: 'http://127.0.0.1:4000/' })).toEqual([]);
    expect(problems({ HANDOFF_TEAMS_SERVICE_URL: 'http://smba.example.org/' })[0]).toMatch(/^HANDOFF_TEAMS_SERVICE_URL must be an https:\/\/ address/);
  });
});
