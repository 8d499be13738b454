/**
 * The web part of the environment, validated by `config.ts` with the rest: the production widget's Direct Line
 * (secret and service address), which sites may embed the widget, and whether a proxy in front says who the
 * client is. Kept beside the code that uses it so `config.ts` stays a list; `process.env` is read there only.
 */
import { z } from 'zod/v4';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** The public Direct Line service; a bot registered in westeurope uses https://europe.directline.botframework.com. */
export const DEFAULT_DIRECTLINE_ENDPOINT = 'https://directline.botframework.com';

/** https, or plain http to this machine only (a test's fake service): a secret never crosses a network unencrypted. */
function isSafeOrigin(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  return url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
}

/** An origin only: scheme, host and port, nothing after. */
function isOrigin(value: string): boolean {
  return isSafeOrigin(value) && new URL(value).origin === value;
}

export const webConfigExamples: Record<string, string> = {
  DIRECTLINE_SECRET: '(the Direct Line site secret from the Azure Bot resource)',
  DIRECTLINE_ENDPOINT: DEFAULT_DIRECTLINE_ENDPOINT,
  EMBED_ALLOWED_ORIGINS: 'https://www.helpline.example,https://helpline.example',
  TRUST_PROXY: 'false'
};

export const webConfigShape = {
  /** Exchanged server-side for short-lived tokens; never sent to a browser. Needed for the production widget. */
  DIRECTLINE_SECRET: z.preprocess(emptyToUndefined, z.string().min(20, 'looks too short for a Direct Line secret').optional()),
  DIRECTLINE_ENDPOINT: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default(DEFAULT_DIRECTLINE_ENDPOINT)
      .refine(isSafeOrigin, { message: 'must be an https:// address like https://europe.directline.botframework.com' })
      .transform((v) => v.replace(/\/+$/, ''))
  ),
  EMBED_ALLOWED_ORIGINS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('')
      .transform((v) => v.split(/[\s,]+/).filter(Boolean))
      .refine((list) => list.every(isOrigin), {
        message: 'must be a comma-separated list of origins like "https://www.helpline.example" (no path, no trailing slash)'
      })
  ),
  TRUST_PROXY: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).default('false').transform((v) => v === 'true'))
};
