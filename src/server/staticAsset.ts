/**
 * One static file of the widget, served the way a slow phone needs it: under a content-hashed name that may be
 * cached for a year, compressed with brotli or gzip as the browser asks (Accept-Encoding), with a strong ETag and
 * Last-Modified so a revalidation costs a 304, not the file again. Compression happens once per file version,
 * never per request: small files are compressed at start, in memory; a large one (Web Chat's 3.9 MB bundle,
 * where brotli at its best level takes half a minute of CPU) is compressed by a detached background process into
 * a cache directory, and served uncompressed or gzipped only until that is done. The cache is keyed by the
 * file's hash, so a new version never meets a stale copy.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Request, Response } from 'restify';

export type Encoding = 'br' | 'gzip' | 'identity';

/** Files above this size are compressed in the background, into the cache directory. */
const BACKGROUND_BYTES = 256 * 1024;
/** How often a request may look in the cache for a background result that is not there yet. */
const CACHE_LOOK_MS = 1000;

/** The detached compressor: reads argv[1], writes argv[2].gz and argv[2].br through a temporary name each. */
const COMPRESSOR = `
const fs = require('node:fs'), zlib = require('node:zlib');
const [source, target] = process.argv.slice(1);
const body = fs.readFileSync(source);
const write = (ext, data) => { const tmp = target + ext + '.' + process.pid; fs.writeFileSync(tmp, data); fs.renameSync(tmp, target + ext); };
if (!fs.existsSync(target + '.gz')) write('.gz', zlib.gzipSync(body, { level: 9 }));
if (!fs.existsSync(target + '.br')) write('.br', zlib.brotliCompressSync(body, { params: {
  [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
fs.rmSync(target + '.lock', { force: true });
`;
/** A compressor younger than this is taken to be still at work (its lock file says when it started). */
const LOCK_MS = 5 * 60 * 1000;

export interface AssetOptions {
  /** The name the page uses, before hashing ("webchat.js" becomes "webchat.<hash>.js"). */
  name: string;
  file: string;
  type: string;
  /** Where background compression leaves its results. */
  cacheDir: string;
}

export class StaticAsset {
  readonly hashedPath: string;
  readonly plainPath: string;
  private readonly hash: string;
  private readonly lastModified: string;
  private readonly bodies: Partial<Record<Encoding, Buffer>>;
  private readonly cacheBase: string;
  private lastLook = 0;

  constructor(private readonly options: AssetOptions) {
    const body = readFileSync(options.file);
    this.hash = createHash('sha256').update(body).digest('base64url').slice(0, 16);
    const ext = path.extname(options.name);
    this.plainPath = `/${options.name}`;
    this.hashedPath = `/${path.basename(options.name, ext)}.${this.hash}${ext}`;
    this.lastModified = statSync(options.file).mtime.toUTCString();
    this.bodies = { identity: body };
    this.cacheBase = path.join(options.cacheDir, `${path.basename(options.name, ext)}.${this.hash}${ext}`);
    if (body.length <= BACKGROUND_BYTES) {
      this.bodies.gzip = gzipSync(body, { level: 9 });
      this.bodies.br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    } else if (!this.loadFromCache()) {
      this.compressInBackground();
    }
  }

  /** The encodings ready to serve now (the background ones appear once written). */
  encodings(): Encoding[] {
    this.loadFromCache();
    return (['br', 'gzip', 'identity'] as const).filter((e) => this.bodies[e]);
  }

  /** Answers a GET: the hashed name is immutable; the plain name (kept for old pages) must revalidate. */
  serve(req: Request, res: Response, hashed: boolean): void {
    const encoding = negotiate(req.header('accept-encoding'), this.encodings());
    const body = this.bodies[encoding] as Buffer;
    const etag = `"${this.hash}-${encoding}"`;
    res.header('Content-Type', this.options.type);
    res.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.header('ETag', etag);
    res.header('Last-Modified', this.lastModified);
    res.header('Vary', 'Accept-Encoding');
    if (matches(req.header('if-none-match'), etag)) {
      res.sendRaw(304, '');
      return;
    }
    if (encoding !== 'identity') res.header('Content-Encoding', encoding);
    res.header('Content-Length', String(body.length));
    res.sendRaw(200, body);
  }

  private loadFromCache(): boolean {
    if (this.bodies.br) return true;
    const now = Date.now();
    if (now - this.lastLook < CACHE_LOOK_MS) return false;
    this.lastLook = now;
    if (!this.bodies.gzip && existsSync(`${this.cacheBase}.gz`)) this.bodies.gzip = readFileSync(`${this.cacheBase}.gz`);
    if (existsSync(`${this.cacheBase}.br`)) this.bodies.br = readFileSync(`${this.cacheBase}.br`);
    return Boolean(this.bodies.br);
  }

  /** Detached and unreferenced: it finishes even if this process stops first, and never holds it open. */
  private compressInBackground(): void {
    try {
      mkdirSync(this.options.cacheDir, { recursive: true });
      const lock = `${this.cacheBase}.lock`;
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs < LOCK_MS) return;
      writeFileSync(lock, String(process.pid));
      const child = spawn(process.execPath, ['-e', COMPRESSOR, this.options.file, this.cacheBase], { detached: true, stdio: 'ignore' });
      child.on('error', () => undefined);
      child.unref();
    } catch {
      // No cache directory or no child process: the file is still served, uncompressed.
    }
  }
}

/** The best encoding the browser accepts (q > 0) among those ready; brotli first, then gzip. */
export function negotiate(header: string | undefined, ready: readonly Encoding[]): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  for (const encoding of ['br', 'gzip'] as const) if (ready.includes(encoding) && ok(encoding)) return encoding;
  return 'identity';
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
}
