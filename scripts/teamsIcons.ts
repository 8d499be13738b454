/**
 * `npm run teams:icons`: draws Beacon's default Teams icons into deploymentTemplates/teams/ — color.png (192×192,
 * a white beacon light on the accent colour) and outline.png (32×32, white on transparent, as Teams requires).
 * A helpline replaces them with its own; `npm run teams:package` checks their size either way.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodePng } from './teams/png';

const ROOT_DIR = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
export const TEAMS_DIR = path.join(ROOT_DIR, 'deploymentTemplates', 'teams');

/** The manifest's accentColor, #1F6F78. */
const ACCENT = [0x1f, 0x6f, 0x78] as const;

/** Coverage (0..1) of a light with rays at (x, y) in a unit square: a ring, a dot, and four short rays. */
function beacon(x: number, y: number): number {
  const dx = x - 0.5;
  const dy = y - 0.5;
  const r = Math.hypot(dx, dy);
  const ring = r > 0.2 && r < 0.27;
  const dot = r < 0.1;
  const ray = r > 0.33 && r < 0.44 && (Math.abs(dx) < 0.035 || Math.abs(dy) < 0.035);
  return ring || dot || ray ? 1 : 0;
}

/** Draws at 4×4 samples per pixel so edges are smooth. */
function draw(size: number, background: readonly number[] | undefined): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let cover = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) cover += beacon((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
      }
      cover /= samples * samples;
      const i = (py * size + px) * 4;
      if (background) {
        for (let c = 0; c < 3; c += 1) rgba[i + c] = Math.round(background[c]! * (1 - cover) + 255 * cover);
        rgba[i + 3] = 255;
      } else {
        rgba.set([255, 255, 255, Math.round(255 * cover)], i);
      }
    }
  }
  return rgba;
}

export async function writeTeamsIcons(dir: string = TEAMS_DIR): Promise<void> {
  await writeFile(path.join(dir, 'color.png'), encodePng(192, 192, draw(192, ACCENT)));
  await writeFile(path.join(dir, 'outline.png'), encodePng(32, 32, draw(32, undefined)));
}

if (require.main === module) {
  writeTeamsIcons().then(
    () => console.log(`Wrote color.png and outline.png in ${path.relative(ROOT_DIR, TEAMS_DIR)}.`),
    (error: unknown) => {
      console.error('Could not write the Teams icons:', error);
      process.exitCode = 1;
    }
  );
}
