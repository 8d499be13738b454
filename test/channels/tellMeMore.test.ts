/**
 * On the phone widget a bot turn shows at most four messages and the question they lead to; the rest comes with
 * "Tell me more" (issue 17). The bot is Beacon's real router, state and texts on the widget's channel ('webchat'),
 * with a conversation handler that says seven things and then asks, so the case is the same in every language.
 */
import { ActivityTypes, MemoryStorage, MessageFactory, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { BeaconBot } from '../../src/bot/beaconBot';
import { BeaconState } from '../../src/bot/state';
import { asksForMore, splitBatch } from '../../src/bot/tellMeMore';
import type { Translator } from '../../src/content/translator';
import { BotHarness, buttonsOf, textsOf } from '../support/botHarness';

const SHIPPED = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pl'];
const SAID = ['one', 'two', 'three', 'four', 'five', 'six', 'seven'];
const QUESTION = 'Which one?';

let translator: Translator;
beforeAll(async () => {
  translator = (await BotHarness.create()).bot.translator;
});

/** A conversation on `channelId` whose every answer (after "long") is seven messages and a question. */
function chat(channelId: string, locale: string): (text: string) => Promise<Partial<Activity>[]> {
  const handler = {
    onStart: async () => undefined,
    onMessage: async (context: TurnContext) => {
      if (context.activity.text !== 'long') {
        await context.sendActivity(MessageFactory.text(`you said ${context.activity.text}`));
        return;
      }
      await context.sendActivities(SAID.map((text) => ({ type: ActivityTypes.Message, text, locale })));
      await context.sendActivity(MessageFactory.suggestedActions(['A', 'B'], QUESTION));
    }
  };
  const bot = new BeaconBot(new BeaconState(new MemoryStorage()), translator, handler);
  const adapter = new TestAdapter(async () => undefined, { channelId, conversation: { id: `c-${Math.random()}`, isGroup: false, conversationType: 'personal', name: '' } });
  let n = 0;
  return async (text) => {
    n += 1;
    await adapter.processActivity({ type: 'message', text, locale, channelId, id: String(n), from: { id: 'u', name: 'u' }, recipient: { id: 'b', name: 'b' } }, (context) => bot.run(context));
    return adapter.activeQueue.splice(0);
  };
}

describe.each(SHIPPED)('Tell me more (%s)', (locale) => {
  it('shows four messages, the last with the button; the button gives the rest, the question last', async () => {
    const send = chat('webchat', locale);
    await send('hi'); // the welcome
    const button = translator.t(locale, 'common:more.button');
    const first = await send('long');
    expect(textsOf(first)).toEqual(SAID.slice(0, 4));
    expect(buttonsOf(first)).toEqual([button]);
    const rest = await send(button);
    expect(textsOf(rest)).toEqual([...SAID.slice(4), QUESTION]);
    expect(buttonsOf(rest)).toEqual(['A', 'B']);
  });

  it('typed "more" in the language, in capitals with punctuation, works as the button does', async () => {
    const send = chat('webchat', locale);
    await send('hi');
    await send('long');
    const typed = translator.list(locale, 'common:more.synonyms')[0] as string;
    expect(textsOf(await send(`${typed.toUpperCase()}!`))).toEqual([...SAID.slice(4), QUESTION]);
  });
});

describe('Tell me more, when the user moves on', () => {
  it('anything else is answered as usual, and what waited is dropped, not shown later', async () => {
    const send = chat('webchat', 'en');
    await send('hi');
    await send('long');
    expect(textsOf(await send('something else'))).toEqual(['you said something else']);
    expect(textsOf(await send('more'))).toEqual(['you said more']);
  });

  it('the welcome is a batch of its own: the first answer is not cut because the welcome came before it', async () => {
    const send = chat('webchat', 'fr');
    const replies = await send('bonjour');
    expect(buttonsOf(replies)).not.toContain(translator.t('fr', 'common:more.button'));
  });

  it('channels without the phone limit get the whole turn at once', async () => {
    const send = chat('test', 'en');
    await send('hi');
    expect(textsOf(await send('long'))).toEqual([...SAID, QUESTION]);
  });
});

describe('the words that ask for the rest', () => {
  it.each(SHIPPED)('in %s: the button title and "more", in any case and with punctuation, ask for the rest', (language) => {
    const words = [translator.t(language, 'common:more.button'), ...translator.list(language, 'common:more.synonyms')];
    expect(words.length).toBeGreaterThanOrEqual(3);
    for (const word of words) {
      expect(asksForMore(word, translator)).toBe(true);
      expect(asksForMore(`  ${word.toUpperCase()} !`, translator)).toBe(true);
    }
  });

  it('an ordinary answer, an empty message or no text does not', () => {
    for (const text of ['no more please, I need help', 'Deutschland', '', '   ', undefined]) expect(asksForMore(text, translator)).toBe(false);
  });
});

describe('splitting a batch', () => {
  const message = (text: string): Partial<Activity> => ({ type: 'message', text });

  it('four messages and the question they lead to go out whole, as the content checker counts', () => {
    const batch = [message('a'), message('b'), message('c'), message('d'), { ...message('e?'), inputHint: 'expectingInput' }];
    expect(splitBatch(batch, 4, 'More')).toEqual({ now: batch, waiting: [] });
  });

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
