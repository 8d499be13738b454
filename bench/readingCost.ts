/**
 * The cost per message of the two readings every turn makes, in process (so the figure is the reading's alone,
 * not the HTTP turn around it): the crisis check (`LayeredDangerDetector.read`, before anything else) and the
 * whole understanding reading (`MessageReader.read`: danger, commands, meaning, facts, yes/no, topic). Median
 * and p99 microseconds over the labelled crisis messages of every language, short and long, after a warm-up.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT_DIR } from '../src/beacon';
import { ScriptLibrary } from '../src/content/scriptLibrary';
import { Translator } from '../src/content/translator';
import { createReader } from '../src/engine/createEngine';
import { SHIPPED_MODELS_DIR } from '../src/engine/shippedModels';
import { readExamples } from '../src/safety/dangerExamples';
import { TRAINING_DIR } from '../src/safety/crisisSets';
import { LayeredDangerDetector } from '../src/safety/layeredDangerDetector';
import { median, percentile } from './stats';

export interface PerMessageCost {
  messages: number;
  medianUs: number;
  p99Us: number;
}

export interface ReadingCosts {
  danger: PerMessageCost;
  understanding: PerMessageCost;
}

export async function measureReadings(rounds = 3): Promise<ReadingCosts> {
  const translator = await Translator.load(path.join(ROOT_DIR, 'locales'));
  const scripts = await ScriptLibrary.load(path.join(ROOT_DIR, 'dialogs'));
  // The build's models, as Beacon starts with (trained here if there are none).
  const cacheDir = SHIPPED_MODELS_DIR;
  const danger = LayeredDangerDetector.create(translator, { trainingDir: path.join(ROOT_DIR, TRAINING_DIR), cacheDir });
  const reader = await createReader({ translator, scripts, danger }, { cacheDir });
  const everyScript = new Set([...scripts.scripts.keys()]);
  const messages = [...readExamples(path.join(ROOT_DIR, TRAINING_DIR))].flatMap(([language, examples]) => examples.map((e) => [e.text, language] as const));
  const understanding = await timed(messages, rounds, (text, language) =>
    reader.read({ text, language, prompt: { kind: 'none' }, allowedFor: () => everyScript })
  );
  return { danger: await timed(messages, rounds, (text, language) => danger.read(text, language)), understanding };
}

async function timed(messages: ReadonlyArray<readonly [string, string]>, rounds: number, read: (text: string, language: string) => unknown): Promise<PerMessageCost> {
  for (const [text, language] of messages) await read(text, language);
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const [text, language] of messages) {
      const start = performance.now();
      const result = read(text, language);
      // Awaited only when it is a promise: a synchronous reading is not charged a trip through the event loop.
      if (result instanceof Promise) await result;
      times.push((performance.now() - start) * 1000);
    }
  }
  return { messages: times.length, medianUs: median(times), p99Us: percentile(times, 99) };
}

if (require.main === module) {
  measureReadings().then((costs) => {
    for (const [name, cost] of Object.entries(costs)) {
      process.stdout.write(`${name}: median ${cost.medianUs.toFixed(0)} µs, p99 ${cost.p99Us.toFixed(0)} µs per message (${cost.messages} messages)\n`);
    }
  });
}
