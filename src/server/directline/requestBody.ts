/**
 * The Direct Line routes read their own request bodies instead of relying on the server's bodyParser:
 * - an upload is multipart, and restify's multipart parser (formidable) writes each file to the temp
 *   directory — Beacon never stores an image, not even for a moment (DESIGN.md rule 2);
 * - restify's JSON error quotes part of the body in its message, and error messages reach logs;
 * - clients get the Direct Line error shape whatever body parsing the caller configured.
 * `claimRequestBodies` runs before routing and marks these requests as already read, which restify's
 * bodyReader and bodyParser honour (`req._readBody`, `req._parsedBody`); the route then reads the stream.
 */
import type { IncomingMessage } from 'node:http';
import type { Request, Server } from 'restify';
import { CLIENT_PREFIX, CONNECTOR_PREFIX } from './constants';

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: number; message: string };

type ClaimedRequest = Request & { _readBody?: boolean; _parsedBody?: boolean; body?: unknown };

/** Marks requests to the Direct Line and connector paths so that no server-wide body parser touches them. */
export function claimRequestBodies(server: Server): void {
  server.pre((req: Request, _res, next) => {
    const path = req.getPath();
    if (isUnder(path, CLIENT_PREFIX) || isUnder(path, CONNECTOR_PREFIX) || isUnder(path, '/connector')) {
      const claimed = req as ClaimedRequest;
      claimed._readBody = true;
      claimed._parsedBody = true;
    }
    next();
  });
}

/**
 * Reads a JSON body of at most `limit` bytes. An empty body gives `undefined`. A body that is not JSON, not
 * declared as JSON, or too large gives a problem whose message says so without quoting the body.
 */
export async function readJsonBody(req: Request, limit: number): Promise<BodyResult> {
  const claimed = req as ClaimedRequest;
  // Someone else read the stream after all (a body parser registered with server.pre): use what it parsed.
  if (claimed.readableEnded) return fromParsed(claimed.body);
  const type = mediaType(req.headers['content-type']);
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding !== 'identity') return problem(415, 'Compressed request bodies are not accepted.');
  const raw = await readRaw(req, limit);
  if (raw === 'too-large') return problem(413, `The request body is larger than ${limit} bytes.`);
  if (raw === 'aborted') return problem(400, 'The request body was not received completely.');
  if (raw.length === 0) return { ok: true, value: undefined };
  if (type && type !== 'application/json' && !type.endsWith('+json')) {
    return problem(415, 'The request body must be JSON (Content-Type: application/json).');
  }
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) };
  } catch {
    return problem(400, 'The request body is not valid JSON.');
  }
}

/** The media type of a Content-Type header, lower-cased and without parameters. */
export function mediaType(header: string | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type || undefined;
}

function readRaw(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: Buffer | 'too-large' | 'aborted') => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    // After the limit the rest is still read, and dropped, so the connection stays usable for the answer.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) settle('too-large');
      else chunks.push(chunk);
    });
    req.once('end', () => settle(Buffer.concat(chunks)));
    req.once('error', () => settle('aborted'));
    req.once('close', () => settle(req.complete ? Buffer.concat(chunks) : 'aborted'));
  });
}

function fromParsed(body: unknown): BodyResult {
  if (Buffer.isBuffer(body) || typeof body === 'string') {
    return problem(400, 'The request body could not be read as JSON.');
  }
  return { ok: true, value: body };
}

function problem(status: number, message: string): BodyResult {
  return { ok: false, status, message };
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}
