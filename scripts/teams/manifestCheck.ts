/**
 * Checks a filled-in Teams app manifest against the rules of the v1.22 schema that matter here (lengths, ids,
 * https addresses, bot scopes) and the icons against Teams' sizes, so a mistake shows up when packaging rather
 * than as a vague upload error in the Teams admin center. Each problem names the field and the fix.
 */
import { readPngHeader } from './png';

export const MANIFEST_VERSION = '1.22';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Manifest {
  $schema?: string;
  manifestVersion?: string;
  id?: string;
  version?: string;
  developer?: Record<string, string>;
  name?: { short?: string; full?: string };
  description?: { short?: string; full?: string };
  accentColor?: string;
  bots?: { botId?: string; scopes?: string[]; commandLists?: { commands?: { title: string; description: string }[] }[] }[];
  validDomains?: string[];
}

export function manifestProblems(manifest: Manifest): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  const text = JSON.stringify(manifest);
  check(!text.includes('${{'), `placeholders left unfilled: ${[...new Set(text.match(/\$\{\{\w+\}\}/g) ?? [])].join(', ')}`);
  check(manifest.manifestVersion === MANIFEST_VERSION, `manifestVersion must be "${MANIFEST_VERSION}"`);
  check(manifest.$schema?.includes(`/v${MANIFEST_VERSION}/`) ?? false, `$schema must point at the v${MANIFEST_VERSION} schema`);
  check(GUID.test(manifest.id ?? ''), 'id (the Teams app id) must be a GUID');
  check(/^\d+\.\d+\.\d+$/.test(manifest.version ?? ''), 'version must look like 1.0.0');
  for (const field of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
    check(/^https:\/\/\S+$/.test(manifest.developer?.[field] ?? ''), `developer.${field} must be an https:// address`);
  }
  check(within(manifest.developer?.name, 1, 32), 'developer.name must be 1 to 32 characters');
  check(within(manifest.name?.short, 1, 30), 'name.short must be 1 to 30 characters');
  check(within(manifest.name?.full, 1, 100), 'name.full must be 1 to 100 characters');
  check(within(manifest.description?.short, 1, 80), 'description.short must be 1 to 80 characters');
  check(within(manifest.description?.full, 1, 4000), 'description.full must be 1 to 4000 characters');
  check(/^#[0-9A-Fa-f]{6}$/.test(manifest.accentColor ?? ''), 'accentColor must be a colour like #1F6F78');
  const bot = manifest.bots?.[0];
  check(manifest.bots?.length === 1, 'bots must list exactly one bot');
  check(GUID.test(bot?.botId ?? ''), 'bots[0].botId must be the bot\'s Microsoft App ID (a GUID)');
  check((bot?.scopes ?? []).length > 0 && (bot?.scopes ?? []).every((s) => ['personal', 'team', 'groupChat'].includes(s)), 'bots[0].scopes must be personal, team or groupChat');
  for (const command of bot?.commandLists?.flatMap((l) => l.commands ?? []) ?? []) {
    check(within(command.title, 1, 32) && within(command.description, 1, 128), `command "${command.title}" needs a title of at most 32 and a description of at most 128 characters`);
  }
  for (const domain of manifest.validDomains ?? []) {
    check(/^[a-z0-9.*-]+(:\d+)?$/i.test(domain), `validDomains entry "${domain}" must be a host name without https:// or a path`);
  }
  return problems;
}

/** Teams: color icon 192×192, outline icon 32×32 with transparency (white on transparent). */
export function iconProblems(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  const c = readPngHeader(color);
  const o = readPngHeader(outline);
  if (!c || c.width !== 192 || c.height !== 192) problems.push('color.png must be a 192×192 PNG');
  if (!o || o.width !== 32 || o.height !== 32) problems.push('outline.png must be a 32×32 PNG');
  if (o && o.colorType !== 6 && o.colorType !== 4) problems.push('outline.png must have an alpha channel (white on transparent)');
  return problems;
}

function within(value: string | undefined, min: number, max: number): boolean {
  const length = [...(value ?? '')].length;
  return length >= min && length <= max;
}
