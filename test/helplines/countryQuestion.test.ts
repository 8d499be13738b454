/**
 * "Which country are you in?": suggestions from the locale's region first (never from the IP address), a way
 * to skip, the emergency line before the question, and the answer kept in the user's profile.
 */
import { BotHarness, buttonsOf, textsOf } from '../support/botHarness';

async function askedCountry(locale: string): Promise<{ harness: BotHarness; buttons: string[]; texts: string[] }> {
  const harness = await BotHarness.create({ locale, fresh: true });
  await harness.start('core/country', { audience: 'young_person' });
  const replies = await harness.send(harness.bot.translator.list(harness.bot.translator.resolve(locale), 'helplines:commands.country')[0]!);
  return { harness, buttons: buttonsOf(replies), texts: textsOf(replies) };
}

describe('the country question', () => {
  it('suggests Belgium first for fr-BE, in French, with a way to skip, after the 112 line', async () => {
    const { buttons, texts } = await askedCountry('fr-BE');
    expect(buttons).toEqual(['Belgique', 'France', 'Monaco', 'Suisse', 'Passer']);
    expect(texts[0]).toMatch(/appelle le 112/);
  });

  it('suggests Ireland first for en-IE', async () => {
    const { buttons, texts } = await askedCountry('en-IE');
    expect(buttons.slice(0, 2)).toEqual(['Ireland', 'United Kingdom']);
    expect(buttons.at(-1)).toBe('Skip');
    expect(texts[0]).toMatch(/call 112/);
  });

  it('keeps the answer in the profile, so the next helplines step does not ask again', async () => {
    const { harness } = await askedCountry('en-GB');
    expect(textsOf(await harness.send('UK'))[0]).toMatch(/\(United Kingdom\)/);
    const texts = textsOf(await harness.start('core/helplines', { audience: 'young_person', country: 'GB' }));
    expect(texts[0]).toMatch(/^\*\*United Kingdom\*\*/);
  });
});
