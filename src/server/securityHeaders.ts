/**
 * Headers for every page Beacon serves: a Content-Security-Policy that allows only this origin (plus a
 * per-response nonce for the styles Web Chat injects, the hash of the empty string for the one style tag
 * react-scroll-to-bottom adds without a nonce and fills through CSSOM, and blob: workers, which Web Chat starts), no referrer (the Quick Exit destination must not learn
 * where the user was), no caching of the page, no sniffing, no framing by other sites than those the operator
 * lists (EMBED_ALLOWED_ORIGINS). In production Web Chat talks to Azure's Direct Line, so its https and wss
 * origins are added to connect-src.
 */
import { randomBytes } from 'node:crypto';
import type { Response } from 'restify';

/** CSP hash of an empty `<style>` element: allows that element and nothing else (its rules come through CSSOM). */
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export interface PagePolicy {
  /** Extra origins the page may connect to (the Direct Line service, https and wss). */
  connectOrigins?: readonly string[];
  /** Sites allowed to show the page in a frame, besides this one. */
  frameAncestors?: readonly string[];
}

export function contentSecurityPolicy(nonce: string, policy: PagePolicy = {}): string {
  const connect = ["'self'", ...(policy.connectOrigins ?? [])].join(' ');
  const ancestors = ["'self'", ...(policy.frameAncestors ?? [])].join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}' ${EMPTY_STYLE_HASH}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "worker-src blob:",
    "media-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${ancestors}`
  ].join('; ');
}

export function setPageHeaders(res: Response, nonce: string, policy: PagePolicy = {}): void {
  res.header('Content-Security-Policy', contentSecurityPolicy(nonce, policy));
  res.header('Referrer-Policy', 'no-referrer');
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('Cache-Control', 'no-store');
  res.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
}
