/**
 * Property: whatever arrives — random text, button titles, numbers, stray card submissions — in whatever
 * script, the bot never throws, never answers with nothing, and always leaves a way on (buttons, a numbered
 * list, or a line that names the menu).
 */
import fc from 'fast-check';
import type { Activity } from 'botbuilder';
import { ROOT_DIR } from '../../src/beacon';
import { normalize } from '../../src/engine/normalize';
import { ConversationDriver } from '../../src/understanding/eval/conversationDriver';
import { BotHarness, buttonsOf, textsOf } from '../support/botHarness';

const scriptIds: string[] = [];
const titles: string[] = [];

beforeAll(async () => {
  const harness = await BotHarness.create();
  const { scripts, translator } = harness.bot;
  scriptIds.push(...scripts.scripts.keys());
  for (const script of scripts.scripts.values()) {
    for (const step of Object.values(script.steps)) {
      if (step.type === 'ask') for (const c of step.choices) titles.push(translator.t('en', c.title.includes(':') ? c.title : `${script.id}:${c.title}`));
    }
  }
});

const input = (): fc.Arbitrary<Partial<Activity>> =>
  fc.oneof(
    fc.string({ maxLength: 80 }).map((text) => ({ type: 'message', text })),
    fc.constantFrom(...titles).map((text) => ({ type: 'message', text })),
    fc.integer({ min: -2, max: 15 }).map((n) => ({ type: 'message', text: String(n) })),
    fc.jsonValue().map((value) => ({ type: 'message', text: '', value })),
    fc.constantFrom('menu', 'back', 'stop', 'help', 'talk to a person', 'français', 'langue', 'english').map((text) => ({ type: 'message', text }))
  );

function leavesAWayOn(replies: Partial<Activity>[]): boolean {
  const text = textsOf(replies).join('\n');
  return buttonsOf(replies).length > 0 || /\n1\. /.test(text) || /\bmenu\b/.test(normalize(text));
}

it('never throws, never goes silent, always leaves a way on', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...scriptIds), fc.array(input(), { minLength: 1, maxLength: 6 }), fc.constantFrom('en', 'fr'), async (script, inputs, locale) => {
      const harness = await BotHarness.create({ locale });
      await harness.start(script, { audience: 'young_person', ageBand: 'under13' });
      for (const activity of inputs) {
        const replies = await harness.send(activity);
        const said = textsOf(replies);
        if (said.length === 0) throw new Error(`no reply to ${JSON.stringify(activity)} in ${script}`);
        if (said.some((t) => /went wrong on my side/.test(t))) throw new Error(`error reply to ${JSON.stringify(activity)} in ${script}`);
        if (!leavesAWayOn(replies)) throw new Error(`no way on after ${JSON.stringify(activity)} in ${script}: ${said.join(' | ')}`);
      }
    }),
    { numRuns: 150 }
  );
});

/**
 * Property (typing): random sentences typed at every kind of prompt never get "I didn't catch that" (or "I'm not
 * sure I understood") twice in a row, and never lose the user's place: the script they were in is still on the
 * stack afterwards (or its step moved on by itself, keeping what was below), unless they asked for a command,
 * answered the question or the crisis check interrupted.
 */
const WORDS = [
  'hi', 'he', 'my', 'mum', 'game', 'pics', 'sent', 'online', 'friend', 'why', 'what', 'is', 'this', 'ok', 'no', 'yes', 'maybe',
  'school', 'snap', 'roblox', 'help', 'money', 'told', 'scared', 'weird', 'asdf', 'lol', 'belgium', '14', 'je', 'suis', 'mon',
  'fils', 'jeu', 'photo', 'ça', 'va', 'pourquoi', 'quoi', 'prof', 'france', 'chat', 'video', 'hmm', '???', '🙂', 'idk', 'k'
];
const sentence = (): fc.Arbitrary<string> => fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 9 }).map((w) => w.join(' '));
const PLACES = ['audience', 'age', 'menu', 'lesson', 'country', 'danger'] as const;

describe('typing at any prompt', () => {
  let driver: ConversationDriver;
  beforeAll(async () => {
    driver = await ConversationDriver.create(ROOT_DIR);
  });

  it('never says "not understood" twice in a row and never loses the user\'s place', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PLACES), fc.constantFrom('child', 'parent') as fc.Arbitrary<'child' | 'parent'>, fc.constantFrom('en', 'fr'), fc.array(sentence(), { minLength: 1, maxLength: 5 }), async (kind, speaker, language, sentences) => {
        const conversation = await driver.at(kind, speaker, language);
        const { translator } = driver.bot;
        const notUnderstood = [translator.t(language, 'engine.notUnderstood'), translator.t(language, 'engine.noTopic')];
        let start = conversation.last?.stack ?? [];
        let missedBefore = false;
        for (const text of sentences) {
          const outcome = await conversation.send(text);
          const missed = outcome.texts.some((t) => notUnderstood.includes(t));
          if (missed && missedBefore) throw new Error(`"not understood" twice in a row at ${kind} (${language}): ${sentences.join(' / ')}`);
          missedBefore = missed;
          const action = outcome.trace.action?.kind;
          if (action === 'command' || action === 'crisis' || action === 'answer') return;
          // The step may also move on by itself (the country question after two tries): what was below stays.
          const place = start.at(-1);
          const below = start.slice(0, -1);
          const movedOn = action === 'continue' && below.length > 0 && below.every((id, i) => outcome.stack[i] === id);
          if (place && !outcome.stack.includes(place) && !movedOn) throw new Error(`lost the place ${place} at ${kind} (${language}) after "${text}": ${outcome.stack.join(' > ')}`);
          if (place && !outcome.stack.includes(place)) start = outcome.stack;
        }
      }),
      { numRuns: 120 }
    );
  });
});
