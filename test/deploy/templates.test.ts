/**
 * The Azure templates are checked here, since no Azure is at hand: every file parses; the template has the
 * shape of an ARM deployment template; every expression parses and every parameter, variable and dependsOn
 * target it names exists; secrets arrive only as secure parameters without defaults and reach the app only
 * through Key Vault; every app setting the template writes is a variable src/config.ts accepts, with
 * values that pass its production rules, for each store and instance count the template offers; and a
 * deployment that could not work (SQLite on several instances) is refused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../src/beacon';
import { configExamples, configSchema } from '../../src/config';
import {
  evaluateValue,
  functionsIn,
  isExpression,
  parseExpression,
  referencesIn,
  resourcePath,
  RuntimeValue,
  type Scope
} from './armExpression';

const DIR = path.join(ROOT_DIR, 'deploymentTemplates');
const TEMPLATE_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const PARAMETERS_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';
const TOP_LEVEL = ['$schema', 'contentVersion', 'apiProfile', 'metadata', 'parameters', 'variables', 'functions', 'resources', 'outputs'];
const SECURE = ['securestring', 'secureobject'];

interface Parameter {
  type: string;
  defaultValue?: unknown;
  allowedValues?: unknown[];
}
interface Resource {
  type: string;
  apiVersion: string;
  name: string;
  scope?: string;
  condition?: unknown;
  dependsOn?: string[];
  properties?: Record<string, unknown>;
}
interface Template {
  $schema: string;
  contentVersion: string;
  parameters: Record<string, Parameter>;
  variables: Record<string, unknown>;
  resources: Resource[];
  outputs: Record<string, { type: string; value: unknown }>;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? jsonFiles(path.join(dir, entry.name)) : entry.name.endsWith('.json') ? [path.join(dir, entry.name)] : []
  );
}

const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const template = read(path.join(DIR, 'azuredeploy.json')) as Template;
const exampleFile = read(path.join(DIR, 'parameters.example.json')) as { $schema: string; parameters: Record<string, { value: unknown }> };

/** Every expression string anywhere in `value`. */
function expressions(value: unknown): string[] {
  if (isExpression(value)) return [value];
  if (Array.isArray(value)) return value.flatMap(expressions);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [...expressions(k), ...expressions(v)]);
  return [];
}

/** The example parameters over the template's defaults, with overrides. */
function scopeFor(overrides: Record<string, unknown> = {}): Scope {
  const parameters: Record<string, unknown> = {};
  const partial: Scope = { parameters, variables: template.variables };
  for (const [name, p] of Object.entries(template.parameters)) {
    if (p.defaultValue !== undefined) parameters[name] = evaluateValue(p.defaultValue, partial);
  }
  for (const [name, { value }] of Object.entries(exampleFile.parameters)) parameters[name] = value;
  Object.assign(parameters, overrides);
  return partial;
}

function idOf(resource: Resource, scope: Scope): string {
  const local = resourcePath(resource.type, String(evaluateValue(resource.name, scope)).split('/'));
  return (resource.scope ? `${String(evaluateValue(resource.scope, scope))}/providers/${local}` : local).toLowerCase();
}

const webApp = template.resources.find((r) => r.type === 'Microsoft.Web/sites')!;
const appSettings = ((webApp.properties?.siteConfig as { appSettings: { name: string; value: unknown }[] }).appSettings);

/** The settings as App Service would hand them to the process: Key Vault references and values only Azure knows
 * at deployment count as present and take the config example. */
function environmentFor(scope: Scope): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { name, value } of appSettings) {
    const resolved = evaluateValue(value, scope);
    const runtime = resolved instanceof RuntimeValue || (typeof resolved === 'string' && resolved.startsWith('@Microsoft.KeyVault('));
    env[name] = runtime ? configExamples[name] ?? 'resolved-at-runtime-by-azure' : String(resolved);
  }
  return env;
}

describe('deploymentTemplates/', () => {
  it.each(jsonFiles(DIR).map((f) => path.relative(DIR, f)))('%s parses as JSON', (file) => {
    expect(() => read(path.join(DIR, file))).not.toThrow();
  });

  it('azuredeploy.json has the shape of an ARM deployment template', () => {
    expect(template.$schema).toBe(TEMPLATE_SCHEMA);
    expect(template.contentVersion).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(Object.keys(template).filter((k) => !TOP_LEVEL.includes(k))).toEqual([]);
    expect(template.resources.length).toBeGreaterThan(0);
    for (const resource of template.resources) {
      expect(resource.type).toMatch(/^[A-Za-z]+\.[A-Za-z]+(\/[A-Za-z]+)+$/);
      expect(resource.apiVersion).toMatch(/^\d{4}-\d{2}-\d{2}(-preview)?$/);
      expect(typeof resource.name).toBe('string');
    }
    for (const [name, parameter] of Object.entries(template.parameters)) {
      expect([name, ['string', 'securestring', 'int', 'bool', 'object', 'secureobject', 'array'].includes(parameter.type.toLowerCase())]).toEqual([name, true]);
    }
  });

  it('every expression parses and calls only functions ARM has', () => {
    const known = new Set(['parameters', 'variables', 'concat', 'format', 'toLower', 'toUpper', 'take', 'equals', 'not', 'and', 'or', 'greater', 'int', 'uriComponent', 'empty', 'string', 'if', 'uniqueString', 'guid', 'resourceGroup', 'subscription', 'environment', 'resourceId', 'subscriptionResourceId', 'extensionResourceId', 'reference', 'listKeys', 'listChannelWithKeys']);
    for (const text of expressions(template)) {
      const node = parseExpression(text.slice(1, -1));
      expect(functionsIn(node).filter((f) => !known.has(f))).toEqual([]);
    }
  });

  it('every parameters(…) and variables(…) reference names one that exists, and each one is used', () => {
    const nodes = expressions(template).map((text) => parseExpression(text.slice(1, -1)));
    const usedParameters = new Set(nodes.flatMap((n) => referencesIn(n, 'parameters')));
    const usedVariables = new Set(nodes.flatMap((n) => referencesIn(n, 'variables')));
    expect([...usedParameters].filter((p) => !(p in template.parameters))).toEqual([]);
    expect([...usedVariables].filter((v) => !(v in template.variables))).toEqual([]);
    expect(Object.keys(template.parameters).filter((p) => !usedParameters.has(p))).toEqual([]);
    expect(Object.keys(template.variables).filter((v) => !usedVariables.has(v))).toEqual([]);
  });

  it('every dependsOn target is a resource of this template', () => {
    const scope = scopeFor();
    const ids = new Set(template.resources.map((r) => idOf(r, scope)));
    expect(ids.size).toBe(template.resources.length);
    for (const resource of template.resources) {
      for (const target of resource.dependsOn ?? []) {
        expect([resource.name, target, ids.has(String(evaluateValue(target, scope)).toLowerCase())]).toEqual([resource.name, target, true]);
      }
    }
  });

  it('takes secrets only as secure parameters without defaults, and never puts one in an output', () => {
    const secure = Object.entries(template.parameters).filter(([, p]) => SECURE.includes(p.type.toLowerCase()));
    expect(secure.length).toBeGreaterThanOrEqual(8);
    for (const [name, parameter] of secure) expect([name, parameter.defaultValue]).toEqual([name, undefined]);
    const names = new Set(secure.map(([name]) => name));
    const outputRefs = expressions(template.outputs).flatMap((t) => referencesIn(parseExpression(t.slice(1, -1)), 'parameters'));
    expect(outputRefs.filter((p) => names.has(p))).toEqual([]);
    // The app reads secrets from Key Vault references, never from a parameter written into a setting.
    const settingRefs = expressions(appSettings).flatMap((t) => referencesIn(parseExpression(t.slice(1, -1)), 'parameters'));
    expect(settingRefs.filter((p) => names.has(p))).toEqual([]);
  });

  it('parameters.example.json sets only parameters the template has, and every one without a default', () => {
    expect(exampleFile.$schema).toBe(PARAMETERS_SCHEMA);
    expect(Object.keys(exampleFile.parameters).filter((p) => !(p in template.parameters))).toEqual([]);
    const required = Object.entries(template.parameters).filter(([, p]) => p.defaultValue === undefined).map(([name]) => name);
    expect(required.filter((p) => !(p in exampleFile.parameters))).toEqual([]);
    for (const [name, { value }] of Object.entries(exampleFile.parameters)) {
      const allowed = template.parameters[name]?.allowedValues;
      if (allowed) expect([name, allowed.includes(value)]).toEqual([name, true]);
    }
  });
});

describe('the app settings the template writes', () => {
  const settingNames = appSettings.map((s) => s.name);
  const accepted = Object.keys(configSchema.shape);

  // Read by the Azure SDK, not by src/config.ts: DefaultAzureCredential picks the user-assigned identity by it.
  const sdkSettings = ['AZURE_CLIENT_ID'];

  it('are variables src/config.ts accepts, each written once', () => {
    expect(settingNames.filter((n) => !accepted.includes(n) && !sdkSettings.includes(n))).toEqual([]);
    expect(new Set(settingNames).size).toBe(settingNames.length);
  });

  it.each([
    ['a user-assigned managed identity', { appType: 'UserAssignedMSI' }],
    ['a single-tenant app registration', { appType: 'SingleTenant', appId: '22222222-3333-4444-5555-666666666666', appSecret: 'x' }],
    ['the European Direct Line', { botRegion: 'westeurope' }]
  ])('pass the production rules of src/config.ts with %s', (_what, overrides) => {
    const result = configSchema.safeParse(environmentFor(scopeFor(overrides)));
    expect(result.success ? [] : result.error.issues.map((i) => `${String(i.path[0])} ${i.message}`)).toEqual([]);
    expect(result.data?.BEACON_ENV).toBe('production');
  });

  it('reference the app password and the Direct Line secret in Key Vault', () => {
    const scope = scopeFor({ appType: 'SingleTenant', appId: '22222222-3333-4444-5555-666666666666' });
    const value = (name: string) => evaluateValue(appSettings.find((s) => s.name === name)?.value, scope);
    expect(value('MicrosoftAppPassword')).toMatch(/^@Microsoft\.KeyVault\(SecretUri=https:\/\/kv-[a-f0-9]+\.vault\.azure\.net\/secrets\/microsoft-app-password\/\)$/);
    expect(value('DIRECTLINE_SECRET')).toMatch(/^@Microsoft\.KeyVault\(SecretUri=https:\/\/kv-.*\/secrets\/directline-secret\/\)$/);
    expect(value('DIRECTLINE_ENDPOINT')).toBe('https://directline.botframework.com');
  });

  it('turn WebSockets on: the console\'s live events and the local Direct Line stream are WebSockets', () => {
    expect((webApp.properties?.siteConfig as { webSocketsEnabled?: unknown }).webSocketsEnabled).toBe(true);
  });

  it('point a European bot at the European Direct Line', () => {
    const scope = scopeFor({ botRegion: 'westeurope' });
    expect(evaluateValue(appSettings.find((s) => s.name === 'DIRECTLINE_ENDPOINT')?.value, scope)).toBe('https://europe.directline.botframework.com');
  });
});

describe('the store and the number of instances', () => {
  const plan = template.resources.find((r) => r.type === 'Microsoft.Web/serverfarms')! as Resource & { sku: { capacity?: unknown } };
  const ofType = (type: string) => template.resources.filter((r) => r.type === type);
  const one = (type: string) => ofType(type)[0]!;
  const deployed = (resource: Resource, scope: Scope) => resource.condition === undefined || evaluateValue(resource.condition, scope) === true;
  const setting = (name: string, scope: Scope) => evaluateValue(appSettings.find((s) => s.name === name)?.value, scope);
  const webAppNeeds = (resource: Resource, scope: Scope) =>
    (webApp.dependsOn ?? []).some((d) => String(evaluateValue(d, scope)).toLowerCase() === idOf(resource, scope));

  it.each([
    ['SQLite on one instance (the default)', {}, 'sqlite', 1],
    ['Blob Storage', { storage: 'blob' }, 'blob', 1],
    ['Cosmos DB', { storage: 'cosmos' }, 'cosmos', 1],
    ['Cosmos DB on 3 instances with Redis', { storage: 'cosmos', instanceCount: 3 }, 'cosmos', 3],
    ['Blob Storage on 3 instances with Redis', { storage: 'blob', instanceCount: 3 }, 'blob', 3],
    ['SQLite on one instance with Redis asked for', { deployRedis: true }, 'sqlite', 1]
  ])('%s: the settings pass src/config.ts and the plan runs that many instances', (_what, overrides, storage, instances) => {
    const scope = scopeFor(overrides);
    const result = configSchema.safeParse(environmentFor(scope));
    expect(result.success ? [] : result.error.issues.map((i) => `${String(i.path[0])} ${i.message}`)).toEqual([]);
    expect(result.data?.STORAGE).toBe(storage);
    expect(evaluateValue(plan.sku.capacity, scope)).toBe(instances);
    // Several instances share the handoff hub only through Redis; the cache is deployed whenever REDIS_URL is set.
    const redis = deployed(one('Microsoft.Cache/redis'), scope);
    expect(redis).toBe(instances > 1 || 'deployRedis' in overrides);
    expect(result.data?.REDIS_URL !== undefined).toBe(redis);
    expect(deployed(one('Microsoft.Storage/storageAccounts'), scope)).toBe(storage === 'blob');
    expect(deployed(one('Microsoft.DocumentDB/databaseAccounts'), scope)).toBe(storage === 'cosmos');
  });

  it('refuses SQLite on more than one instance, since each instance would keep its own file', () => {
    expect(() => evaluateValue(plan.sku.capacity, scopeFor({ instanceCount: 3 }))).toThrow(/needs storage blob or cosmos/);
    expect(() => evaluateValue(plan.sku.capacity, scopeFor({ storage: 'sqlite', instanceCount: 2 }))).toThrow(/needs storage blob or cosmos/);
    expect(template.parameters.instanceCount).toMatchObject({ type: 'int', defaultValue: 1, minValue: 1, maxValue: 10 });
  });

  it('blob: the app reaches the deployed account and container with its identity, which may write blobs before it starts', () => {
    const scope = scopeFor({ storage: 'blob' });
    const account = one('Microsoft.Storage/storageAccounts');
    const container = one('Microsoft.Storage/storageAccounts/blobServices/containers');
    const role = ofType('Microsoft.Authorization/roleAssignments').find((r) => String(r.scope).includes('Microsoft.Storage'))!;
    expect(setting('BLOB_ACCOUNT_URL', scope)).toBe(`https://${String(evaluateValue(account.name, scope))}.blob.core.windows.net`);
    expect(String(evaluateValue(container.name, scope)).split('/').pop()).toBe(setting('BLOB_CONTAINER', scope));
    expect([deployed(container, scope), deployed(role, scope)]).toEqual([true, true]);
    expect(String(evaluateValue(role.properties?.roleDefinitionId, scope))).toMatch(/\/ba92f5b4-2d11-453d-a403-e96b0029c9fe$/);
    expect(String(evaluateValue(role.scope, scope))).toBe(`Microsoft.Storage/storageAccounts/${String(evaluateValue(account.name, scope))}`);
    expect([webAppNeeds(role, scope), webAppNeeds(container, scope)]).toEqual([true, true]);
    expect(setting('BLOB_CONNECTION_STRING', scope)).toBeUndefined();
  });

  it('cosmos: the database and container exist before the app starts, and its identity has the data role without keys', () => {
    const scope = scopeFor({ storage: 'cosmos' });
    const accountName = String(evaluateValue(one('Microsoft.DocumentDB/databaseAccounts').name, scope));
    const database = one('Microsoft.DocumentDB/databaseAccounts/sqlDatabases');
    const container = one('Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers');
    const role = one('Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments');
    expect(String(evaluateValue(database.name, scope))).toBe(`${accountName}/${String(setting('COSMOS_DATABASE', scope))}`);
    expect(String(evaluateValue(container.name, scope))).toBe(`${accountName}/${String(setting('COSMOS_DATABASE', scope))}/${String(setting('COSMOS_CONTAINER', scope))}`);
    expect(evaluateValue(container.properties?.resource, scope)).toMatchObject({ partitionKey: { paths: ['/id'] } });
    expect(String(evaluateValue(role.properties?.roleDefinitionId, scope))).toMatch(
      new RegExp(`databaseAccounts/${accountName}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002$`)
    );
    expect([deployed(database, scope), deployed(container, scope), deployed(role, scope)]).toEqual([true, true, true]);
    expect([webAppNeeds(role, scope), webAppNeeds(container, scope)]).toEqual([true, true]);
    expect(setting('COSMOS_KEY', scope)).toBeUndefined();
    // The endpoint is the account's own, known once Azure has created it.
    const endpoint = evaluateValue(appSettings.find((s) => s.name === 'COSMOS_ENDPOINT')?.value, {
      ...scope,
      azure: (fn, args) => (fn === 'reference' && String(args[0]).includes(`databaseAccounts/${accountName}`) ? { documentEndpoint: `https://${accountName}.documents.azure.com:443/` } : undefined)
    });
    expect(endpoint).toBe(`https://${accountName}.documents.azure.com:443/`);
  });

  it('Redis: the app gets REDIS_URL from Key Vault, written from the cache\'s key, and the URL keeps a key with / + =', () => {
    const scope = scopeFor({ storage: 'blob', instanceCount: 3 });
    expect(setting('REDIS_URL', scope)).toMatch(/^@Microsoft\.KeyVault\(SecretUri=https:\/\/kv-[a-f0-9]+\.vault\.azure\.net\/secrets\/redis-url\/\)$/);
    const secret = ofType('Microsoft.KeyVault/vaults/secrets').find((r) => String(evaluateValue(r.name, scope)).endsWith('/redis-url'))!;
    expect([deployed(secret, scope), webAppNeeds(secret, scope)]).toEqual([true, true]);
    const key = 'ab/c+d=';
    const url = String(
      evaluateValue(secret.properties?.value, {
        ...scope,
        azure: (fn) => (fn === 'listKeys' ? { primaryKey: key } : { hostName: 'beacon.redis.cache.windows.net', sslPort: 6380 })
      })
    );
    expect(configSchema.shape.REDIS_URL.safeParse(url).success).toBe(true);
    const parsed = new URL(url);
    expect([parsed.protocol, parsed.hostname, parsed.port, decodeURIComponent(parsed.password)]).toEqual(['rediss:', 'beacon.redis.cache.windows.net', '6380', key]);
    // One instance without deployRedis: no cache, no secret, no setting.
    const single = scopeFor({ storage: 'blob' });
    expect([deployed(secret, single), setting('REDIS_URL', single)]).toEqual([false, '']);
  });

  it('the Blob Storage and Cosmos DB identity is the app\'s user-assigned identity', () => {
    expect(String(appSettings.find((s) => s.name === 'AZURE_CLIENT_ID')?.value)).toContain("userAssignedIdentities', variables('identityName')");
  });
});
