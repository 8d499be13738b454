/**
 * The `understanding` rule over `locales/<lang>/understanding.json`: its broken fixture (test/content/fixtures/
 * understanding/) breaks this rule only, once per way, and the real locales pass it in every shipped language.
 */
import path from 'node:path';
import { checkContent, type ContentProblem } from '../../src/content/check/checkContent';
import { flatten } from '../../src/content/check/localeKeys';
import { readLocaleFiles } from '../../src/content/localeFiles';
import { REQUIRED_LISTS } from '../../src/understanding/understandingKeys';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURE = path.join(__dirname, 'fixtures', 'understanding');

async function fixtureErrors(): Promise<ContentProblem[]> {
  const { problems } = await checkContent({ dialogsDir: path.join(FIXTURE, 'dialogs'), localesDir: path.join(FIXTURE, 'locales') });
  return problems.filter((p) => p.severity === 'error');
}

describe('the understanding rule', () => {
  it('reports only its own problems in the broken fixture', async () => {
    expect([...new Set((await fixtureErrors()).map((p) => p.rule))]).toEqual(['understanding']);
  });

  it.each([
    ['a command with too few examples', 'locales/en/understanding.json', 'commands.stop', ['has 7 different examples', 'at least 8']],
    ['a command example that is also a routing example', 'locales/en/understanding.json', 'commands.person', ['"Who can I talk to?"', 'locales/en/lesson.json', 'keep it in one of them']],
    ['a phrase under two commands', 'locales/en/understanding.json', 'commands.back', ['"menu phrase one"', '"menu" and "back"']],
    ['a phrase that is both yes and no', 'locales/en/understanding.json', 'yes', ['"ok"', 'both "yes" and "no"']],
    ['a list written as one text', 'locales/fr/understanding.json', 'commands.menu', ['must be a list of phrases', 'JSON array']]
  ])('names the file, the key and the fix for %s', async (_what, file, where, words) => {
    const problem = (await fixtureErrors()).find((p) => p.file === file && p.where === where);
    expect(problem).toBeDefined();
    for (const word of words) expect(problem!.message).toContain(word);
  });

  it('finds nothing else wrong in the fixture', async () => {
    expect((await fixtureErrors()).map((p) => `${p.file} ${p.where}`).sort()).toEqual(
      ['commands.back', 'commands.person', 'commands.stop', 'yes'].map((k) => `locales/en/understanding.json ${k}`).concat('locales/fr/understanding.json commands.menu').sort()
    );
  });

  it('passes the real locales, which have every list in every shipped language', async () => {
    const { problems } = await checkContent({ dialogsDir: path.join(ROOT, 'dialogs'), localesDir: path.join(ROOT, 'locales') });
    const mine = problems.filter((p) => p.rule === 'understanding' || p.file.endsWith('/understanding.json'));
    expect(mine.map((p) => p.message)).toEqual([]);
    const resources = await readLocaleFiles(path.join(ROOT, 'locales'));
    for (const language of ['en', 'fr', 'de', 'es', 'it', 'nl', 'pl', 'ro', 'tr']) { // uk has no articles
      const lists = flatten(resources[language]?.['understanding'] ?? {});
      expect(REQUIRED_LISTS.filter((key) => !Array.isArray(lists.get(key)) || (lists.get(key) as unknown[]).length === 0)).toEqual([]);
    }
  });
});
