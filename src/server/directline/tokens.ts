/**
 * Direct Line tokens: compact JWTs (HS256) that name one conversation and expire. The real service issues
 * JWT-shaped tokens too, and botframework-directlinejs decodes them to look for an embedded user id, so the
 * shape matters. The signature is checked with a constant-time comparison; nothing in a token is trusted
 * before that. A token is the only thing that lets a client read or write a conversation.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod/v4';

const ISSUER = 'beacon-local-directline';
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

const claimsSchema = z.object({
  iss: z.literal(ISSUER),
  conv: z.string().min(1).max(128),
  user: z.string().min(1).max(128).optional(),
  iat: z.number().int(),
  exp: z.number().int()
});

export type TokenClaims = z.infer<typeof claimsSchema>;

/** Why a token was refused, as the Direct Line error codes say it. */
export type TokenProblem = { code: 'BadArgument' | 'TokenExpired'; message: string };
export type TokenCheck = { ok: true; claims: TokenClaims } | ({ ok: false } & TokenProblem);

export interface IssuedToken {
  token: string;
  expiresIn: number;
}

export class TokenService {
  private readonly key: Buffer;

  /** `secret` keeps tokens valid across restarts; without it every process signs with a fresh random key. */
  constructor(
    private readonly ttlSeconds: number,
    secret?: Buffer,
    private readonly now: () => number = Date.now
  ) {
    this.key = secret && secret.length > 0 ? Buffer.from(secret) : randomBytes(32);
  }

  /** A token for one conversation; `userId` is embedded when the user was named at token generation. */
  issue(conversationId: string, userId?: string): IssuedToken {
    // Rounding up keeps every token alive for at least the full TTL despite whole-second claims.
    const now = this.now() / 1000;
    const claims: TokenClaims = { iss: ISSUER, conv: conversationId, iat: Math.floor(now), exp: Math.ceil(now) + this.ttlSeconds };
    if (userId) claims.user = userId;
    const body = `${HEADER}.${base64url(JSON.stringify(claims))}`;
    return { token: `${body}.${this.sign(body)}`, expiresIn: this.ttlSeconds };
  }

  /** Checks signature, shape and expiry. Never throws, whatever the input. */
  verify(token: string | undefined): TokenCheck {
    if (!token) return { ok: false, code: 'BadArgument', message: 'A Direct Line token is required.' };
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return invalid();
    const [, payload = '', signature = ''] = parts;
    const expected = Buffer.from(this.sign(`${HEADER}.${payload}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid();
    const claims = claimsSchema.safeParse(parseJson(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!claims.success) return invalid();
    if (this.now() / 1000 >= claims.data.exp) {
      return { ok: false, code: 'TokenExpired', message: 'The Direct Line token has expired.' };
    }
    return { ok: true, claims: claims.data };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

/**
 * The bearer token of a request. botframework-directlinejs sends `Bearer undefined` when it has no token
 * yet; that, an empty value and a missing header all mean "no token".
 */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const token = match?.[1];
  return token && token !== 'undefined' && token !== 'null' ? token : undefined;
}

function invalid(): { ok: false } & TokenProblem {
  return { ok: false, code: 'BadArgument', message: 'The Direct Line token is not valid.' };
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
