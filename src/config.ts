/**
 * The whole environment, read once and validated with zod. This is the only file that reads `process.env`.
 * A bad value stops the process with a message that names the variable, says what is wrong and gives a valid
 * example, so an operator can fix it without reading code.
 */
import path from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod/v4';
import { contentConfigExamples, contentConfigShape } from './content/pseudoLocale';
import { handoffConfigShape } from './handoff/handoffConfig';
import { teamsConfigExamples, teamsConfigShape } from './handoff/teams/teamsConfig';
import { webConfigExamples, webConfigShape } from './server/webConfig';

const appTypes = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

/** Each variable with a valid example, used in error messages. */
export const configExamples: Record<string, string> = {
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppId: '00000000-0000-0000-0000-000000000000',
  MicrosoftAppPassword: '(the client secret from the Azure portal)',
  MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000000',
  PORT: '3978',
  BEACON_ENV: 'local',
  STORAGE: 'sqlite',
  DATA_DIR: './.data',
  DEFAULT_LOCALE: 'en',
  QUICK_EXIT_URL: 'https://www.google.com/',
  WIDGET_TITLE: 'Chat',
  LOG_LEVEL: 'info',
  SHUTDOWN_GRACE_MS: '10000',
  STATE_TTL_DAYS: '7',
  REDIS_URL: 'rediss://:(access key)@beacon.redis.cache.windows.net:6380',
  BLOB_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=beacon;AccountKey=…;EndpointSuffix=core.windows.net',
  BLOB_ACCOUNT_URL: 'https://beacon.blob.core.windows.net',
  BLOB_CONTAINER: 'beacon-state',
  COSMOS_ENDPOINT: 'https://beacon-state.documents.azure.com:443/',
  COSMOS_KEY: '(the account key; empty: the managed identity)',
  COSMOS_DATABASE: 'beacon',
  COSMOS_CONTAINER: 'state',
  HANDOFF_MODE: 'console',
  HANDOFF_COUNTRIES: 'BE,FR,LU',
  HANDOFF_LANGUAGES: 'en,fr',
  HANDOFF_HOURS: 'mon-fri 09:00-17:00, sat 10:00-14:00',
  HANDOFF_TIMEZONE: 'Europe/Brussels',
  HANDOFF_RETENTION_DAYS: '0',
  HANDOFF_AVERAGE_CHAT_MINUTES: '15',
  HANDOFF_POSITION_UPDATE_SECONDS: '30',
  HANDOFF_LEFT_GRACE_SECONDS: '90',
  HANDOFF_CATEGORY_LIMIT: '3',
  HANDOFF_MAX_CHATS_PER_WORKER: '3',
  HANDOFF_PREVIOUS_CONTACT_DAYS: '30',
  CONSOLE_IDLE_MINUTES: '30',
  CONSOLE_MAX_FAILED_LOGINS: '5',
  CONSOLE_LOCKOUT_MINUTES: '15',
  ...teamsConfigExamples,
  ...webConfigExamples,
  ...contentConfigExamples
};

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const configSchema = z
  .object({
    MicrosoftAppType: z.preprocess(emptyToUndefined, z.enum(appTypes).default('SingleTenant')),
    MicrosoftAppId: z.preprocess(emptyToUndefined, z.string().regex(guid, 'must be a GUID').optional()),
    MicrosoftAppPassword: z.preprocess(emptyToUndefined, z.string().optional()),
    MicrosoftAppTenantId: z.preprocess(emptyToUndefined, z.string().regex(guid, 'must be a GUID').optional()),
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
    BEACON_ENV: z.preprocess(emptyToUndefined, z.enum(['local', 'production']).default('local')),
    STORAGE: z.preprocess(emptyToUndefined, z.enum(['sqlite', 'memory', 'blob', 'cosmos']).default('sqlite')),
    /** STORAGE=blob: a connection string (keys), or the account URL reached with the managed identity. */
    BLOB_CONNECTION_STRING: z.preprocess(emptyToUndefined, z.string().optional()),
    BLOB_ACCOUNT_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/, error: 'must be an http(s):// address' }).optional()),
    BLOB_CONTAINER: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/, 'must be 3–63 lowercase letters, digits and single hyphens')
        .default('beacon-state')
    ),
    /** STORAGE=cosmos: the account (a key, or the managed identity when COSMOS_KEY is empty), database and container. */
    COSMOS_ENDPOINT: z.preprocess(emptyToUndefined, z.url({ protocol: /^https$/, error: 'must be an https:// address' }).optional()),
    COSMOS_KEY: z.preprocess(emptyToUndefined, z.string().optional()),
    COSMOS_DATABASE: z.preprocess(emptyToUndefined, z.string().regex(/^[^/\\?#]{1,255}$/, 'must be 1–255 characters without / \\ ? #').default('beacon')),
    COSMOS_CONTAINER: z.preprocess(emptyToUndefined, z.string().regex(/^[^/\\?#]{1,255}$/, 'must be 1–255 characters without / \\ ? #').default('state')),
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./.data')),
    DEFAULT_LOCALE: z.preprocess(
      emptyToUndefined,
      z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a language code like "en" or "fr-BE"').default('en')
    ),
    QUICK_EXIT_URL: z.preprocess(
      emptyToUndefined,
      z.url({ protocol: /^https$/, error: 'must be an https:// address' }).default('https://www.google.com/')
    ),
    /** The widget page's title in every language; it stays in the browser's history, so keep it neutral. */
    WIDGET_TITLE: z.preprocess(emptyToUndefined, z.string().max(60, 'must be at most 60 characters').optional()),
    LOG_LEVEL: z.preprocess(
      emptyToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
    ),
    SHUTDOWN_GRACE_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(120000).default(10000)),
    STATE_TTL_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(3650).default(7)),
    /** N instances: the handoff hub, console sessions, accounts and limits shared through this Redis. Absent: one process. */
    REDIS_URL: z.preprocess(
      emptyToUndefined,
      z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// address' }).optional()
    ),
    ...handoffConfigShape,
    ...teamsConfigShape,
    ...webConfigShape,
    ...contentConfigShape
  })
  .superRefine((env, ctx) => {
    if (env.STORAGE === 'blob' && !env.BLOB_CONNECTION_STRING && !env.BLOB_ACCOUNT_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['BLOB_CONNECTION_STRING'],
        message: 'or BLOB_ACCOUNT_URL is required when STORAGE=blob'
      });
    }
    if (env.STORAGE === 'cosmos' && !env.COSMOS_ENDPOINT) {
      ctx.addIssue({ code: 'custom', path: ['COSMOS_ENDPOINT'], message: 'is required when STORAGE=cosmos' });
    }
    if (env.BEACON_ENV !== 'production') return;
    if (env.CONTENT_PSEUDO) {
      ctx.addIssue({ code: 'custom', path: ['CONTENT_PSEUDO'], message: 'must be off when BEACON_ENV=production (it is for translators only)' });
    }
    if (!env.MicrosoftAppId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppId'],
        message: 'is required when BEACON_ENV=production (without it, Bot Framework authentication is off)'
      });
    }
    if (env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: `is required when BEACON_ENV=production and MicrosoftAppType=${env.MicrosoftAppType}`
      });
    }
    if (env.MicrosoftAppType !== 'MultiTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: `is required when BEACON_ENV=production and MicrosoftAppType=${env.MicrosoftAppType}`
      });
    }
  });

export type RawConfig = z.infer<typeof configSchema>;

export interface Config extends RawConfig {
  /** DATA_DIR resolved against the working directory. */
  dataDir: string;
  /** True when Bot Framework authentication is off (local defaults only). */
  authDisabled: boolean;
}

/** Raised for an invalid environment; its message lists every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Beacon cannot start: the environment is not valid.\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (by default `process.env` after loading `.env`). Throws `ConfigError`. */
export function loadConfig(env: NodeJS.ProcessEnv = readEnvironment()): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '(environment)');
      const example = configExamples[name];
      return `${name} ${issue.message}${example ? ` (for example ${name}=${example})` : ''}`;
    });
    throw new ConfigError(problems);
  }
  const raw = parsed.data;
  return { ...raw, dataDir: path.resolve(raw.DATA_DIR), authDisabled: !raw.MicrosoftAppId };
}

function readEnvironment(): NodeJS.ProcessEnv {
  dotenv.config({ quiet: true });
  return process.env;
}
