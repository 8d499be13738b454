/**
 * The widget page and its files over HTTP, as a slow phone's browser meets them: Quick Exit is a plain link in
 * the page itself, the page's scripts come under content-hashed names cached for a year, compressed as the
 * browser asks, with validators so a second visit costs a 304; the CSP allows Web Chat's one nonce-less empty
 * style tag and its blob: workers, and nothing more; the title is neutral and can be set.
 */
import { get } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import type { RunningBeacon } from '../../src/beacon';
import { negotiate, StaticAsset } from '../../src/server/staticAsset';
import { startTestBeacon } from '../support/testBeacon';

let beacon: RunningBeacon;

beforeAll(async () => {
  beacon = await startTestBeacon({ QUICK_EXIT_URL: 'https://weather.example/', WIDGET_TITLE: 'Notes' });
});
afterAll(async () => {
  await beacon.close();
});

interface Raw { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

/** A GET without automatic decompression, so the bytes on the wire can be checked. */
function raw(route: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    get(`${beacon.url}${route}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

async function page(language = 'en-GB'): Promise<string> {
  return (await raw('/', { 'Accept-Language': language })).body.toString('utf8');
}

const scriptSrc = (html: string, name: string) => new RegExp(`src="(/${name}\\.[\\w-]{16}\\.js)"`).exec(html)?.[1];

describe('the widget page over HTTP', () => {
  it('has Quick Exit as a plain link to the exit page, and loads its handler before anything else', async () => {
    const html = await page();
    expect(html).toMatch(/<a class="quick-exit" id="quick-exit" href="https:\/\/weather\.example\/"/);
    const scripts = [...html.matchAll(/<script src="\/([\w-]+)\./g)].map((m) => m[1]);
    expect(scripts[0]).toBe('quick-exit');
    expect(html.indexOf('src="/quick-exit.')).toBeLessThan(html.indexOf('href="/widget.'));
  });

  it('shows the emergency number and "help" in the page itself, in all five languages', async () => {
    for (const [language, help] of [['en', 'help'], ['fr', 'aide'], ['de', 'Hilfe'], ['es', 'ayuda'], ['it', 'aiuto'], ['pl', 'pomoc']]) {
      const html = await page(language!);
      const line = /<p class="safety" id="safety-line">([^<]+)<\/p>/.exec(html)?.[1] ?? '';
      expect(line).toContain('112');
      expect(line).toContain(help);
    }
  });

  it('uses the configured neutral title', async () => {
    expect(await page('fr')).toContain('<title>Notes</title>');
  });

  it('allows the empty style tag by its hash and blob: workers in the CSP, and keeps a nonce', async () => {
    const csp = String((await raw('/')).headers['content-security-policy']);
    expect(csp).toMatch(/style-src 'self' 'nonce-[^']+' 'sha256-47DEQpj8HBSa\+\/TImW\+5JCeuQeRkm5NMpJWZG3hSuFU='/);
    expect(csp).toContain('worker-src blob:');
    expect(csp).not.toContain('unsafe-inline');
  });

  it('serves the page scripts compressed as asked, cached for a year under a hashed name, with a 304 on revalidation', async () => {
    const src = scriptSrc(await page(), 'widget')!;
    const br = await raw(src, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).toString('utf8')).toContain('beacon.conversation');
    const gzip = await raw(src, { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(brotliDecompressSync(br.body))).toBe(true);
    const plain = await raw(src);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const etag = String(br.headers.etag);
    expect(etag).toMatch(/^"[\w-]+-br"$/);
    expect(br.headers['last-modified']).toBeDefined();
    const again = await raw(src, { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('serves the Web Chat bundle under a hashed name with a strong validator, and at most gzip-sized once compressed', async () => {
    const src = scriptSrc(await page(), 'webchat')!;
    const first = await raw(src, { 'Accept-Encoding': 'gzip, br' });
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(first.headers.etag)).not.toMatch(/^W\//);
    expect((await raw(src, { 'If-None-Match': String(first.headers.etag), 'Accept-Encoding': 'gzip, br' })).status).toBe(304);
  });

  it('keeps embed.js under its plain name for other sites, revalidated on each use', async () => {
    const embed = await raw('/embed.js', { 'Accept-Encoding': 'gzip' });
    expect(embed.headers['cache-control']).toBe('no-cache');
    expect(embed.headers['content-encoding']).toBe('gzip');
  });
});

describe('a large static file', () => {
  it('is compressed once, in the background, into the cache directory, and then served compressed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'beacon-asset-'));
    const file = path.join(dir, 'big.js');
    writeFileSync(file, Array.from({ length: 40000 }, (_, i) => `var v${i} = ${i};`).join('\n'));
    const asset = new StaticAsset({ name: 'big.js', file, type: 'application/javascript', cacheDir: path.join(dir, 'cache') });
    expect(asset.hashedPath).toMatch(/^\/big\.[\w-]{16}\.js$/);
    while (!existsSync(path.join(dir, 'cache', `${asset.hashedPath.slice(1)}.br`))) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 1100));
    expect(asset.encodings()).toEqual(['br', 'gzip', 'identity']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('negotiates brotli first, then gzip, and honours q=0', () => {
    expect(negotiate('gzip, deflate, br', ['br', 'gzip', 'identity'])).toBe('br');
    expect(negotiate('br;q=0, gzip', ['br', 'gzip', 'identity'])).toBe('gzip');
    expect(negotiate('br', ['gzip', 'identity'])).toBe('identity');
    expect(negotiate(undefined, ['br', 'gzip', 'identity'])).toBe('identity');
    expect(negotiate('*', ['br', 'gzip', 'identity'])).toBe('br');
  });
});
