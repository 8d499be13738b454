/**
 * Run by `npm run build` after compiling: trains the models Beacon would otherwise train at start-up — the
 * router, the command meanings and the crisis model — into `dist/models/` (see `src/engine/shippedModels.ts`),
 * so a new instance is ready in about a second. The folder is trained anew whenever the compiled code changed
 * (a fingerprint of `dist/src`), since code, not only examples, shapes a model; otherwise it is kept.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../src/beacon';
import { ScriptLibrary } from '../src/content/scriptLibrary';
import { Translator } from '../src/content/translator';
import { createReader } from '../src/engine/createEngine';
import { SHIPPED_MODELS_DIR } from '../src/engine/shippedModels';
import { TRAINING_DIR } from '../src/safety/crisisSets';
import { LayeredDangerDetector } from '../src/safety/layeredDangerDetector';

const FINGERPRINT = 'code.sha256';

function codeFingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.js')) hash.update(entry.name).update(readFileSync(file));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

async function main(): Promise<void> {
  const started = performance.now();
  const fingerprint = codeFingerprint(path.join(__dirname, '..', 'src'));
  const fingerprintFile = path.join(SHIPPED_MODELS_DIR, FINGERPRINT);
  const known = existsSync(fingerprintFile) ? readFileSync(fingerprintFile, 'utf8') : undefined;
  if (known !== fingerprint) rmSync(SHIPPED_MODELS_DIR, { recursive: true, force: true });
  mkdirSync(SHIPPED_MODELS_DIR, { recursive: true });
  const translator = await Translator.load(path.join(ROOT_DIR, 'locales'));
  const scripts = await ScriptLibrary.load(path.join(ROOT_DIR, 'dialogs'));
  const cacheDir = SHIPPED_MODELS_DIR;
  const danger = LayeredDangerDetector.create(translator, { trainingDir: path.join(ROOT_DIR, TRAINING_DIR), cacheDir });
  await createReader({ translator, scripts, danger }, { cacheDir });
  writeFileSync(fingerprintFile, fingerprint);
  const files = readdirSync(SHIPPED_MODELS_DIR).filter((f) => f !== FINGERPRINT).length;
  process.stderr.write(`models: ${files} in ${path.relative(ROOT_DIR, SHIPPED_MODELS_DIR)} (${known === fingerprint ? 'code unchanged' : 'trained'}, ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Training the shipped models failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
