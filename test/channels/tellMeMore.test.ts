/**
 * On the phone widget a bot turn shows at most four bubbles; the rest comes with "Tell me more" (issue 17).
 * Played through the real bot on the widget's channel ('webchat'), with "help" when no country is known: in French
 * and Spanish it says five things (the commands, not in trouble, 116 111, 112, the country question); the words
 * that ask for the rest are checked in every shipped language.
 */
import type { Activity } from 'botbuilder';
import { asksForMore, splitBatch } from '../../src/bot/tellMeMore';
import { BotHarness, buttonsOf, textsOf } from '../support/botHarness';

const LANGUAGES = ['fr', 'es'];
const SHIPPED = ['en', 'fr', 'de', 'es', 'it'];

async function widgetChat(locale: string): Promise<BotHarness> {
  const harness = await BotHarness.create({ channelId: 'webchat', locale });
  await harness.send('hi');
  return harness;
}

/** A turn that says more than four things: "help" with no country known (the commands, 116 111, 112, the question). */
async function longTurn(harness: BotHarness): Promise<Partial<Activity>[]> {
  const { translator } = harness.bot;
  return harness.send(translator.list(harness.locale, 'common:commands.help')[0] ?? 'help');
}

describe.each(LANGUAGES)('Tell me more (%s)', (locale) => {
  it('shows at most four bubbles, the last with the "Tell me more" button', async () => {
    const harness = await widgetChat(locale);
    const replies = await longTurn(harness);
    const button = harness.bot.translator.t(locale, 'common:more.button');
    expect(textsOf(replies).length).toBeLessThanOrEqual(4);
    expect(buttonsOf(replies.slice(-1))).toContain(button);
  });

  it('the button gives the rest, ending with the question that was held back', async () => {
    const harness = await widgetChat(locale);
    const first = await longTurn(harness);
    const { translator } = harness.bot;
    const rest = await harness.send(translator.t(locale, 'common:more.button'));
    const prompt = translator.t(locale, 'helplines:country.prompt');
    expect(textsOf(first)).not.toContain(prompt);
    expect(textsOf(rest)).toContain(prompt);
    // Nothing is shown twice.
    for (const text of textsOf(rest)) expect(textsOf(first)).not.toContain(text);
  });

  it('typed "more" in the language works as the button does', async () => {
    const harness = await widgetChat(locale);
    await longTurn(harness);
    const typed = harness.bot.translator.list(locale, 'common:more.synonyms')[0] as string;
    const rest = await harness.send(typed.toUpperCase() + '!');
    expect(textsOf(rest)).toContain(harness.bot.translator.t(locale, 'helplines:country.prompt'));
  });
});

describe('Tell me more, when the user moves on', () => {
  it('the welcome is a batch of its own: the first question is never behind the button', async () => {
    const harness = await BotHarness.create({ channelId: 'webchat', locale: 'fr' });
    const replies = await harness.send('bonjour');
    expect(textsOf(replies).length).toBeGreaterThan(4);
    expect(buttonsOf(replies)).not.toContain(harness.bot.translator.t('fr', 'common:more.button'));
  });

  it('anything else is answered as usual and what waited is dropped, not shown later', async () => {
    const harness = await widgetChat('fr');
    await longTurn(harness);
    const answer = await harness.send('Deutschland');
    expect(textsOf(answer).join('\n')).toMatch(/112/);
    const after = await harness.send('plus');
    expect(textsOf(after)).not.toContain(harness.bot.translator.t('fr', 'helplines:country.prompt'));
  });

  it('channels without the phone limit get the whole turn at once', async () => {
    const harness = await BotHarness.create({ channelId: 'test', locale: 'fr' });
    await harness.send('hi');
    const replies = await longTurn(harness);
    expect(buttonsOf(replies)).not.toContain(harness.bot.translator.t('fr', 'common:more.button'));
    expect(textsOf(replies)).toContain(harness.bot.translator.t('fr', 'helplines:country.prompt'));
  });
});

describe('the words that ask for the rest', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await BotHarness.create({ channelId: 'webchat' });
  });

  it.each(SHIPPED)('in %s: the button title and "more", in any case and with punctuation, ask for the rest', (language) => {
    const { translator } = harness.bot;
    const words = [translator.t(language, 'common:more.button'), ...translator.list(language, 'common:more.synonyms')];
    expect(words.length).toBeGreaterThanOrEqual(3);
    for (const word of words) {
      expect(asksForMore(word, translator)).toBe(true);
      expect(asksForMore(`  ${word.toUpperCase()} !`, translator)).toBe(true);
    }
  });

  it('an ordinary answer, an empty message or no text does not', () => {
    const { translator } = harness.bot;
    for (const text of ['no more please, I need help', 'Deutschland', '', '   ', undefined]) expect(asksForMore(text, translator)).toBe(false);
  });
});

describe('splitting a batch', () => {
  const message = (text: string): Partial<Activity> => ({ type: 'message', text });

  it('keeps a question\'s own buttons and adds "Tell me more" after them', () => {
    const batch = [message('a'), message('b'), message('c'), { ...message('d?'), suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'Yes', value: 'Yes' }] } }, message('e')];
    const { now, waiting } = splitBatch(batch, 4, 'More');
    expect(buttonsOf(now)).toEqual(['Yes', 'More']);
    expect(waiting.map((w) => w.text)).toEqual(['e']);
  });

  it('never holds back a batch that carries channelData (a live chat starting or ending, a worker\'s message)', () => {
    const batch = [message('a'), message('b'), message('c'), message('d'), { ...message('e'), channelData: { beaconLiveChat: 'ended' } }];
    expect(splitBatch(batch, 4, 'More').now).toHaveLength(5);
  });

  it('keeps only how a held message is shown, nothing about the turn', () => {
    const batch = [message('a'), message('b'), message('c'), message('d'), { ...message('e'), id: 'x', from: { id: 'beacon', name: 'Beacon' }, locale: 'fr' }];
    expect(splitBatch(batch, 4, 'More').waiting).toEqual([{ type: 'message', text: 'e', locale: 'fr' }]);
  });
});
