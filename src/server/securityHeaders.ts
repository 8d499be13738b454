/**
 * Headers for every page Beacon serves: a Content-Security-Policy that allows only this origin (plus a
 * per-response nonce for the styles Web Chat injects), no referrer (the Quick Exit destination must not learn
 * where the user was), no caching of the page, no sniffing, no framing by other sites.
 */
import { randomBytes } from 'node:crypto';
import type { Response } from 'restify';

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'"
  ].join('; ');
}

export function setPageHeaders(res: Response, nonce: string): void {
  res.header('Content-Security-Policy', contentSecurityPolicy(nonce));
  res.header('Referrer-Policy', 'no-referrer');
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('Cache-Control', 'no-store');
  res.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
}
