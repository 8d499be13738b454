/**
 * The models the build trained reach the cache beside the data, so that a first start on an empty DATA_DIR
 * loads them instead of training; what the cache already has is kept, and a missing or unreadable build
 * folder only means the bot trains, as it did before.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedModelCache } from '../../src/engine/shippedModels';

const folder = () => mkdtempSync(path.join(os.tmpdir(), 'beacon-models-'));

it('copies the shipped models an empty cache lacks, and nothing else', () => {
  const shipped = folder();
  writeFileSync(path.join(shipped, 'router-0a1b.json'), '{"router":1}');
  writeFileSync(path.join(shipped, 'danger-2c3d.bin'), 'weights');
  writeFileSync(path.join(shipped, 'code.sha256'), 'fingerprint');
  const cache = path.join(folder(), 'cache');
  expect(seedModelCache(cache, shipped)).toBe(2);
  expect(readdirSync(cache).sort()).toEqual(['danger-2c3d.bin', 'router-0a1b.json']);
  expect(readFileSync(path.join(cache, 'router-0a1b.json'), 'utf8')).toBe('{"router":1}');
});

it('keeps a model the cache already has', () => {
  const shipped = folder();
  writeFileSync(path.join(shipped, 'router-0a1b.json'), '{"shipped":true}');
  const cache = folder();
  writeFileSync(path.join(cache, 'router-0a1b.json'), '{"kept":true}');
  expect(seedModelCache(cache, shipped)).toBe(0);
  expect(readFileSync(path.join(cache, 'router-0a1b.json'), 'utf8')).toBe('{"kept":true}');
});

it('copies nothing, and does not fail, when there are no shipped models', () => {
  const cache = folder();
  expect(seedModelCache(cache, path.join(cache, 'no-such-folder'))).toBe(0);
  expect(readdirSync(cache)).toEqual([]);
});
