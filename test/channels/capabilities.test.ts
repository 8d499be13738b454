/**
 * The capability table: every channel Beacon runs on has an entry, unknown channels get the safe default, and the
 * entries cannot promise something the renderer cannot keep.
 */
import { capabilitiesFor, UNKNOWN_CHANNEL } from '../../src/channels/capabilities';

const CHANNELS = ['webchat', 'directline', 'msteams', 'telegram', 'facebook', 'slack', 'line', 'sms', 'email', 'emulator', 'test'];

describe('capabilitiesFor', () => {
  it.each(CHANNELS)('has its own entry for %s', (channelId) => {
    expect(capabilitiesFor(channelId)).not.toBe(UNKNOWN_CHANNEL);
  });

  it.each([undefined, '', 'kik', 'whatsapp'])('gives an unknown channel (%p) numbered plain text', (channelId) => {
    expect(capabilitiesFor(channelId)).toEqual({
      suggestedActions: 0,
      cards: 'none',
      cardButtons: 0,
      markdown: false,
      maxMessageLength: 1600,
      telLinks: false
    });
  });

  it('reads channel ids regardless of case and knows the Twilio adapter as SMS', () => {
    expect(capabilitiesFor('MSTeams')).toBe(capabilitiesFor('msteams'));
    expect(capabilitiesFor('twilio-sms')).toBe(capabilitiesFor('sms'));
  });

  it.each(CHANNELS)('keeps the %s entry consistent: no card buttons without cards, a usable length', (channelId) => {
    const caps = capabilitiesFor(channelId);
    if (caps.cards === 'none') expect(caps.cardButtons).toBe(0);
    expect(caps.maxMessageLength).toBeGreaterThanOrEqual(1600);
    expect(caps.suggestedActions).toBeGreaterThanOrEqual(0);
  });

  it('does not let a caller change the shared table', () => {
    expect(() => {
      (capabilitiesFor('webchat') as { markdown: boolean }).markdown = false;
    }).toThrow(TypeError);
    expect(capabilitiesFor('webchat').markdown).toBe(true);
  });
});
