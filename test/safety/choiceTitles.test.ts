/**
 * Beacon's own button titles that read as danger. A tap on a button of the open question is an answer, not a
 * disclosure, so the crisis check lets it through (scriptConversation.ts): the author decided where it leads.
 * That is only safe when each such choice leads to the emergency number or to the lesson about that very
 * situation, so every one is listed here with where it goes, and a new one fails this test until reviewed.
 */
import path from 'node:path';
import { ROOT_DIR } from '../../src/beacon';
import { ScriptLibrary } from '../../src/content/scriptLibrary';
import { Translator } from '../../src/content/translator';
import { PhraseDangerDetector } from '../../src/safety/phraseDangerDetector';

/** `script:key` of a title that reads as danger in some language → why tapping it safely skips the crisis check. */
const REVIEWED: Record<string, string> = {
  'parent/reporting:what.danger': 'leads straight to "call the emergency number now" and an urgent helplines step',
  'youth/sextortion:title': 'opens the sextortion lesson: do not pay, keep evidence, report, the helplines',
  'parent/disclosure:danger.yes': 'leads straight to an urgent helplines step (emergency number first)',
  'core/urgent-sextortion:title': 'the urgent sextortion steps themselves: do not pay, keep evidence, report, then the helplines',
  'youth/is-this-ok:now.threat': '"Someone is threatening me" after the checker: opens the sextortion steps, then the helplines',
  'core/crisis:check.danger': '"Yes, I\'m in danger" in the crisis script: the emergency number is already shown, then the line for the danger',
  'core/crisis:safe.no': '"I\'m not safe" in the crisis script (Polish: "Grozi mi niebezpieczeństwo"): the emergency number again, then a person'
};

it('every button title that reads as danger has been reviewed', async () => {
  const translator = await Translator.load(path.join(ROOT_DIR, 'locales'));
  const scripts = await ScriptLibrary.load(path.join(ROOT_DIR, 'dialogs'));
  const detector = new PhraseDangerDetector(translator);
  const keys = new Set<string>();
  for (const script of scripts.scripts.values()) {
    const qualify = (key: string) => (key.includes(':') ? key : `${script.id}:${key}`);
    keys.add(qualify(script.title));
    for (const step of Object.values(script.steps)) {
      if (step.type === 'ask') step.choices.forEach((c) => keys.add(qualify(c.title)));
      if (step.type === 'quiz') step.questions.forEach((q) => q.answers.forEach((a) => keys.add(qualify(a.title))));
    }
  }
  const flagged = new Set<string>();
  for (const language of translator.languages) {
    for (const key of keys) if (detector.isDanger(translator.t(language, key), language)) flagged.add(key);
  }
  expect([...flagged].sort()).toEqual(Object.keys(REVIEWED).filter((k) => flagged.has(k)).sort());
  console.log(`button titles that read as danger: ${[...flagged].sort().join(', ') || 'none'}`);
});
