/**
 * Commands by meaning, measured on the labelled dev set (commandMeaningDev.ts): other phrasings of each command,
 * and topic questions or statements that must not be read as a command. The test prints, per language and for a
 * few thresholds, how many commands were read right and how many non-commands were taken for a command; the
 * chosen MEANING_THRESHOLD must keep ≥ 80% of commands right and ≤ 10% of non-commands read as commands in every
 * language.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Translator } from '../../src/content/translator';
import { normalize } from '../../src/engine/normalize';
import { CommandMeaning, MEANING_THRESHOLD, meaningExamples, type MeaningCommand } from '../../src/understanding/commandMeaning';
import { DEV_SET } from './commandMeaningDev';

const THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9];

let translator: Translator;
let meaning: CommandMeaning;
/** language → the dev set's answers, with their scores, before any threshold. */
const answers = new Map<string, { expected: MeaningCommand | null; got?: { command: MeaningCommand; score: number } }[]>();

beforeAll(async () => {
  translator = await Translator.load(path.join(__dirname, '..', '..', 'locales'));
  meaning = await CommandMeaning.train(translator, { threshold: 0 });
  for (const [language, cases] of Object.entries(DEV_SET)) {
    const out = [];
    for (const [text, expected] of cases) out.push({ expected, got: await meaning.classify(text, language) });
    answers.set(language, out);
  }
});

function figures(language: string, threshold: number) {
  const all = answers.get(language) ?? [];
  const read = all.map(({ expected, got }) => ({ expected, command: got && got.score >= threshold ? got.command : null }));
  const commands = read.filter((r) => r.expected !== null);
  const others = read.filter((r) => r.expected === null);
  return {
    commands: commands.length,
    right: commands.filter((r) => r.command === r.expected).length,
    others: others.length,
    falseCommands: others.filter((r) => r.command !== null).length
  };
}

describe('commands by meaning on the dev set', () => {
  it('prints the figures per language and threshold', () => {
    const lines = ['language  threshold  commands right  non-commands read as a command'];
    for (const language of answers.keys()) {
      for (const threshold of THRESHOLDS) {
        const f = figures(language, threshold);
        const mark = threshold === MEANING_THRESHOLD ? ' ← chosen' : '';
        lines.push(`${language.padEnd(8)}  ${threshold.toFixed(1).padEnd(9)}  ${`${f.right}/${f.commands}`.padEnd(14)}  ${f.falseCommands}/${f.others}${mark}`);
      }
    }
    console.log(lines.join('\n'));
    expect(answers.size).toBe(translator.languages.length);
  });

  it.each(['en', 'fr', 'de', 'es', 'it', 'nl', 'pl', 'ro', 'tr', 'uk'])('reads at least 80%% of commands right and takes at most 10%% of other messages for one in %s', (language) => {
    const f = figures(language, MEANING_THRESHOLD);
    expect(f.commands).toBeGreaterThanOrEqual(20);
    expect(f.others).toBeGreaterThanOrEqual(12);
    expect(f.right / f.commands).toBeGreaterThanOrEqual(0.8);
    expect(f.falseCommands / f.others).toBeLessThanOrEqual(0.1);
  });

  it('never trains on a phrase of the dev set', () => {
    const trained = new Set(meaningExamples(translator).flatMap((e) => e.phrases.map((p) => `${e.language}|${normalize(p)}`)));
    const seen = Object.entries(DEV_SET).flatMap(([language, cases]) => cases.map(([text]) => `${language}|${normalize(text)}`)).filter((k) => trained.has(k));
    expect(seen).toEqual([]);
  });
});

describe('commands by meaning', () => {
  let chosen: CommandMeaning;
  beforeAll(async () => {
    chosen = await CommandMeaning.train(translator);
  });

  it.each([
    ['en', 'can I talk to a real person', 'person'],
    ['en', 'I need help, who can I call?', 'helplines'],
    ['en', 'leave me alone', 'stop'],
    ['en', 'what can you do', 'help'],
    ['en', "i'm in another country now", 'country'],
    ['fr', "je veux parler à quelqu'un", 'person'],
    ['fr', 'qui appeler', 'helplines'],
    ['fr', "j'arrête", 'stop'],
    ['de', 'kann ich mit einem menschen reden', 'person'],
    ['de', 'wen kann ich anrufen', 'helplines'],
    ['de', 'ich will aufhören', 'stop'],
    ['es', 'quiero hablar con alguien', 'person'],
    ['es', 'a quién puedo llamar', 'helplines'],
    ['it', 'posso parlare con una persona vera?', 'person'],
    ['it', 'chi posso chiamare', 'helplines'],
    ['fr', 'leave me alone', 'stop'],
    ['de', 'what can you do', 'help']
  ])('reads the %s %j as %s', async (language, text, command) => {
    expect((await chosen.classify(text, language))?.command).toBe(command);
  });

  it.each([
    ['en', 'someone wants to meet me'],
    ['en', 'he keeps asking me to call him'],
    ['fr', "quelqu'un veut que je l'appelle"],
    ['de', 'er will mich treffen'],
    ['es', 'un chico quiere hablar conmigo a solas'],
    ['it', 'mi ha chiesto di chiamarlo'],
    ['en', '14'],
    ['en', '']
  ])('does not take the %s %j for a command', async (language, text) => {
    expect(await chosen.classify(text, language)).toBeUndefined();
  });

  it('loads the same classifier from its cache at the next start', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'meaning-'));
    try {
      await CommandMeaning.train(translator, { cacheDir });
      expect(readdirSync(cacheDir)).toHaveLength(1);
      const again = await CommandMeaning.train(translator, { cacheDir });
      expect(await again.classify('who should i ring', 'en')).toEqual(await chosen.classify('who should i ring', 'en'));
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
