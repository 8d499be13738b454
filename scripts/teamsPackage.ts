/**
 * `npm run teams:package -- --bot-id <MicrosoftAppId> --domain <web app host>` builds dist/beacon-teams.zip, the
 * Teams app package (manifest.json, color.png, outline.png) that a Teams admin uploads. It fills the manifest's
 * placeholders, checks the result and the icons, and zips them. The Teams app id defaults to one derived from the
 * bot id, so packaging again gives the same app (a new id would be a second app in Teams).
 *   Optional: --app-id <guid> --developer <name> --website-url --privacy-url --terms-url <https://…> --out <file>
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { iconProblems, manifestProblems } from './teams/manifestCheck';
import { writeZip } from './teams/zip';

const ROOT_DIR = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

export interface TeamsPackageOptions {
  botId: string;
  domain: string;
  appId?: string;
  developerName?: string;
  websiteUrl?: string;
  privacyUrl?: string;
  termsUrl?: string;
  sourceDir?: string;
  outFile?: string;
}

export class TeamsPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Teams package was not built:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TeamsPackageError';
  }
}

/** A stable GUID from the bot id (name-based, SHA-1, version 5 layout). */
export function teamsAppIdFor(botId: string): string {
  const h = createHash('sha1').update(`beacon-teams-app:${botId.toLowerCase()}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function buildTeamsPackage(options: TeamsPackageOptions): Promise<{ file: string; manifest: unknown }> {
  const sourceDir = options.sourceDir ?? path.join(ROOT_DIR, 'deploymentTemplates', 'teams');
  const outFile = options.outFile ?? path.join(ROOT_DIR, 'dist', 'beacon-teams.zip');
  const domain = options.domain.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  const websiteUrl = options.websiteUrl ?? `https://${domain}/`;
  const values: Record<string, string> = {
    TEAMS_APP_ID: options.appId ?? teamsAppIdFor(options.botId),
    BOT_ID: options.botId,
    BOT_DOMAIN: domain,
    DEVELOPER_NAME: options.developerName ?? 'Beacon',
    WEBSITE_URL: websiteUrl,
    PRIVACY_URL: options.privacyUrl ?? websiteUrl,
    TERMS_URL: options.termsUrl ?? websiteUrl
  };
  const template = await readFile(path.join(sourceDir, 'manifest.json'), 'utf8');
  // Values are JSON-escaped, so a name with a quote cannot break the manifest.
  const filled = template.replace(/\$\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? JSON.stringify(values[name]).slice(1, -1) : whole));
  const manifest = JSON.parse(filled) as Parameters<typeof manifestProblems>[0];
  const color = await readFile(path.join(sourceDir, 'color.png'));
  const outline = await readFile(path.join(sourceDir, 'outline.png'));
  const problems = [...manifestProblems(manifest), ...iconProblems(color, outline)];
  if (problems.length > 0) throw new TeamsPackageError(problems);
  const zip = writeZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: 'color.png', data: color },
    { name: 'outline.png', data: outline }
  ]);
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, zip);
  return { file: outFile, manifest };
}

function optionsFromArgs(args: string[]): TeamsPackageOptions {
  const { values } = parseArgs({
    args,
    options: {
      'bot-id': { type: 'string' },
      domain: { type: 'string' },
      'app-id': { type: 'string' },
      developer: { type: 'string' },
      'website-url': { type: 'string' },
      'privacy-url': { type: 'string' },
      'terms-url': { type: 'string' },
      out: { type: 'string' }
    }
  });
  const missing = ['bot-id', 'domain'].filter((name) => !values[name as 'bot-id' | 'domain']);
  if (missing.length > 0) {
    throw new TeamsPackageError(missing.map((name) => `--${name} is required (npm run teams:package -- --bot-id <MicrosoftAppId> --domain <app>.azurewebsites.net)`));
  }
  return {
    botId: values['bot-id']!,
    domain: values.domain!,
    appId: values['app-id'],
    developerName: values.developer,
    websiteUrl: values['website-url'],
    privacyUrl: values['privacy-url'],
    termsUrl: values['terms-url'],
    outFile: values.out && path.resolve(values.out)
  };
}

if (require.main === module) {
  Promise.resolve()
    .then(() => buildTeamsPackage(optionsFromArgs(process.argv.slice(2))))
    .then(
      ({ file }) => console.log(`Wrote ${path.relative(process.cwd(), file)}. Upload it in Teams (Apps → Manage your apps → Upload an app) or the Teams admin center.`),
      (error: unknown) => {
        console.error(error instanceof TeamsPackageError ? error.message : `Could not build the Teams package: ${String(error)}`);
        process.exitCode = 1;
      }
    );
}
