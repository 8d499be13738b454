/**
 * The content checker: the real dialogs/ and locales/ have no errors (this is how `npm test` runs the checker),
 * and each rule catches its own small broken fixture (test/content/fixtures/<rule>/) with a message that names
 * the file and the key or step to fix. Each fixture breaks exactly one rule, so a rule that fires too widely
 * fails here as well as one that misses.
 */
import path from 'node:path';
import { checkContent, type ContentProblem } from '../../src/content/check/checkContent';
import { formatCoverage, formatProblems } from '../../src/content/check/report';
import { bannedTerms } from '../../src/content/check/terminologyRule';
import { asksWhatHappened } from '../../src/content/check/whatHappenedRule';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(__dirname, 'fixtures');

function checkFixture(name: string) {
  const dir = path.join(FIXTURES, name);
  return checkContent({ dialogsDir: path.join(dir, 'dialogs'), localesDir: path.join(dir, 'locales') });
}

const errorsOf = (problems: ContentProblem[]) => problems.filter((p) => p.severity === 'error');

describe('the real content', () => {
  it('has no errors in dialogs/ and locales/', async () => {
    const { problems } = await checkContent({ dialogsDir: path.join(ROOT, 'dialogs'), localesDir: path.join(ROOT, 'locales') });
    const errors = errorsOf(problems);
    if (errors.length > 0) throw new Error(`npm run content:check finds ${errors.length} error(s):\n\n${formatProblems(errors)}`);
  });
});

/** [rule, file the problem is in, where, words the message must contain (the key or step, and the fix)] */
const cases: [string, string, string, string[]][] = [
  ['parse', 'dialogs/s.json', 'steps.a', ['dialogs/s.json', 'steps.a']],
  ['step-target', 'dialogs/s.json', 'steps.a.next', ['dialogs/s.json', 'steps.a.next', '"b"', 'add a step']],
  ['call-target', 'dialogs/s.json', 'steps.a.script', ['dialogs/s.json', '"missing/script"', 'dialogs/missing/script.json']],
  ['unreachable-step', 'dialogs/s.json', 'steps.b', ['dialogs/s.json', 'step "b"', 'delete it']],
  ['loop-without-question', 'dialogs/s.json', 'steps.a', ['dialogs/s.json', '"a" → "b" → "a"', 'add an ask step']],
  ['missing-key', 'locales/fr/s.json', 'b', ['"b"', 'dialogs/s.json', 'steps.a.messages[1]', 'locales/fr/s.json', 'add the French text']],
  ['key-type', 'locales/en/s.json', 'ys', ['"ys"', 'locales/en/s.json', 'synonyms', 'JSON array']],
  ['variant-without-base', 'locales/en/s.json', 'b_under13', ['"b_under13"', 'locales/en/s.json', 'add "b"']],
  ['not-in-english', 'locales/fr/s.json', 'extra', ['"extra"', 'locales/fr/s.json', 'locales/en/s.json', 'unused / not in English']],
  ['unused-key', 'locales/en/s.json', 'old', ['"old"', 'locales/en/s.json', 'dialogs/s.json', 'delete it']],
  ['placeholders', 'locales/fr/s.json', 'a', ['"a"', 'locales/fr/s.json', 'lacks {{score}}', 'has {{points}}']],
  ['https-only', 'locales/en/s.json', 'a', ['"a"', 'locales/en/s.json', 'http://example.org/help', 'https://']],
  ['meta', 'dialogs/s.json', 'meta.translations', ['dialogs/s.json', 'French', '"fr": "needs-review"']],
  ['examples', 'locales/en/s.json', 'examples', ['dialogs/s.json', 'locales/en/s.json', 'has 11', 'at least 12']],
  ['terminology', 'locales/en/s.json', 'a', ['"a"', 'locales/en/s.json', 'child pornography', 'child sexual abuse material']],
  ['asks-what-happened', 'locales/en/s.json', 'p', ['"p"', 'locales/en/s.json', 'what happened', 'offer a helpline or a person']],
  ['way-on', 'dialogs/s.json', 'steps.done', ['dialogs/s.json', 'step "done"', 'core/next']],
  ['resume-outside-interruption', 'dialogs/s.json', 'steps.back', ['dialogs/s.json', 'step "back"', 'routable', 'use an "end" step']],
  ['message-run', 'dialogs/s.json', 'start', ['dialogs/s.json', '5 messages in a row', '"a" → "b"', 'at most 4', 'ask step']],
  ['lanzarote-sources', 'dialogs/lanzarote/s.json', 'meta.sources', ['dialogs/lanzarote/s.json', 'Article 23', '"b"', '"checkedAt"']],
  ['promise-words', 'locales/en/s.json', 'consent.privacy', ['"consent.privacy"', 'locales/en/s.json', 'promise', 'will try to talk to you about it first']]
];

describe.each(cases)('rule %s', (rule, file, where, words) => {
  it('reports its broken fixture, and nothing else', async () => {
    const errors = errorsOf((await checkFixture(rule)).problems);
    expect([...new Set(errors.map((p) => p.rule))]).toEqual([rule]);
    const problem = errors.find((p) => p.file === file && p.where.startsWith(where));
    expect(problem).toBeDefined();
    for (const word of words) expect(problem!.message).toContain(word);
  });
});

describe('the checker', () => {
  it('counts a run of bot messages only until the user is asked: four after a choice is fine', async () => {
    const errors = errorsOf((await checkFixture('message-run')).problems);
    expect(errors.map((p) => p.where)).toEqual(['start']);
  });

  it('asks for a checked date: an article held only by an unchecked source is still reported, one held by a checked source is not', async () => {
    const errors = errorsOf((await checkFixture('lanzarote-sources')).problems);
    expect(errors.map((p) => p.message.match(/cites Article (\d+)/)?.[1])).toEqual(['23']);
  });

  it('reads promise words only in texts about what stays private', async () => {
    const errors = errorsOf((await checkFixture('promise-words')).problems);
    expect(errors.map((p) => p.where)).toEqual(['consent.privacy']);
  });

  it('finds nothing wrong in a valid lesson that uses every kind of key, in two languages', async () => {
    const { problems } = await checkFixture('valid');
    expect(formatProblems(problems)).toBe('');
  });

  it('reports a broken locale file as well as a broken script', async () => {
    const { problems } = await checkFixture('parse');
    expect(problems.map((p) => `${p.rule} ${p.file} ${p.where}`)).toContain('parse locales/en/s.json (file)');
  });

  it('requires every English key of a code namespace in every language', async () => {
    const { problems } = await checkFixture('missing-key');
    const problem = problems.find((p) => p.file === 'locales/fr/common.json');
    expect(problem).toMatchObject({ rule: 'missing-key', where: 'engine.stop', severity: 'error' });
  });

  it('accepts the banned term inside quotation marks, as in a treaty article title', async () => {
    const { problems } = await checkFixture('terminology');
    expect(problems.map((p) => p.where)).toEqual(['a']);
  });

  it('does not flag a prompt that only mentions what happened, or says nobody has to tell', async () => {
    const { problems } = await checkFixture('asks-what-happened');
    expect(problems.map((p) => p.where)).toEqual(['p']);
  });

  it.each([
    ['Kinderpornografie ist verboten.', ['kinderpornografie']],
    ['La pédopornographie est un crime.', ['pedopornographie']],
    ['Ho trovato materiale pedopornografico.', ['pedopornografico']],
    ['La pedopornografía es un delito.', ['pedopornografia']],
    ['El artículo 20, «Delitos relativos a la pornografía infantil».', []],
    ['Art. 20 „Straftaten im Zusammenhang mit Kinderpornografie“', []]
  ])('finds the banned term in %j outside quotation marks only', (text, found) => {
    expect(bannedTerms(text)).toEqual(found);
  });

  it.each(['Que s’est-il passé ?', 'Raconte-moi ce qui s’est passé.', 'Was ist passiert?', '¿Qué pasó?', 'Cos’è successo?', 'What did he do?'])(
    'hears a question about what happened in %j',
    (text) => expect(asksWhatHappened(text)).toBeDefined()
  );

  it.each(['Tu n’as pas besoin de me dire ce qui s’est passé.', 'Was passiert, wenn ich anrufe?', 'Whatever happened, it is not your fault.'])(
    'lets %j pass',
    (text) => expect(asksWhatHappened(text)).toBeUndefined()
  );

  it('counts translated keys against English, and reviewed keys from meta.translations', async () => {
    const { coverage } = await checkFixture('missing-key');
    expect(coverage).toEqual([
      { language: 'en', total: 4, translated: 4, reviewed: 0 },
      { language: 'fr', total: 4, translated: 2, reviewed: 2 }
    ]);
    expect(formatCoverage(coverage)).toBe(
      ['language  translated  reviewed by a person', 'en        4/4 (100%)  0/4 (0%)', 'fr        2/4 (50%)   2/4 (50%)'].join('\n')
    );
  });

  it('prints problems grouped by file, each line with file, where, rule and message', async () => {
    const { problems } = await checkFixture('missing-key');
    const lines = formatProblems(problems).split('\n');
    expect(lines[0]).toMatch(/^locales\/fr\/common\.json {2}engine\.stop {2}\[missing-key\] error: /);
    expect(lines[1]).toBe('');
    expect(lines[2]).toMatch(/^locales\/fr\/s\.json {2}b {2}\[missing-key\] error: /);
  });
});
