/**
 * Property: whatever arrives — random text, button titles, numbers, stray card submissions — in whatever
 * script, the bot never throws, never answers with nothing, and always leaves a way on (buttons, a numbered
 * list, or a line that names the menu).
 */
import fc from 'fast-check';
import type { Activity } from 'botbuilder';
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
  return buttonsOf(replies).length > 0 || /\n1\. /.test(text) || /menu/i.test(text);
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
