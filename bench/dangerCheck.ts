/**
 * The crisis check's own cost per message (it runs on every turn, before anything else): median and p99
 * microseconds of `LayeredDangerDetector.read` over the labelled messages of every language, short and long,
 * after a warm-up. In-process, so the figure is the check's alone, not the HTTP turn around it.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT_DIR } from '../src/beacon';
import { Translator } from '../src/content/translator';
import { readExamples } from '../src/safety/dangerExamples';
import { TRAINING_DIR } from '../src/safety/crisisSets';
import { LayeredDangerDetector } from '../src/safety/layeredDangerDetector';
import { median, percentile } from './stats';

export interface DangerCheckCost {
  messages: number;
  medianUs: number;
  p99Us: number;
}

export async function measureDangerCheck(rounds = 3): Promise<DangerCheckCost> {
  const translator = await Translator.load(path.join(ROOT_DIR, 'locales'));
  const detector = LayeredDangerDetector.create(translator, { trainingDir: path.join(ROOT_DIR, TRAINING_DIR) });
  const messages = [...readExamples(path.join(ROOT_DIR, TRAINING_DIR))].flatMap(([language, examples]) => examples.map((e) => [e.text, language] as const));
  for (const [text, language] of messages) detector.read(text, language);
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const [text, language] of messages) {
      const start = performance.now();
      detector.read(text, language);
      times.push((performance.now() - start) * 1000);
    }
  }
  return { messages: times.length, medianUs: median(times), p99Us: percentile(times, 99) };
}

if (require.main === module) {
  measureDangerCheck().then((cost) => process.stdout.write(`danger check: median ${cost.medianUs.toFixed(0)} µs, p99 ${cost.p99Us.toFixed(0)} µs per message (${cost.messages} messages)\n`));
}
