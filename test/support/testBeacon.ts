/**
 * Starts a real Beacon on a free loopback port with the memory store (or a given environment) for a test.
 */
import { startBeacon, type RunningBeacon, type StartOptions } from '../../src/beacon';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logging/logger';

export async function startTestBeacon(env: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningBeacon> {
  const config = loadConfig({ STORAGE: 'memory', PORT: '0', LOG_LEVEL: 'silent', SHUTDOWN_GRACE_MS: '2000', ...env });
  return startBeacon(config, createLogger(config.LOG_LEVEL), options);
}

/** A minimal message activity as a channel would post it, asking for the replies in the HTTP response. */
export function expectRepliesActivity(text: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: `m-${Math.random().toString(36).slice(2)}`,
    text,
    locale: 'en-GB',
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:9/unused',
    deliveryMode: 'expectReplies',
    from: { id: 'user-1', name: 'User', role: 'user' },
    recipient: { id: 'beacon', name: 'Beacon', role: 'bot' },
    conversation: { id: `conv-${Math.random().toString(36).slice(2)}` },
    ...overrides
  };
}

export interface BotReply {
  type: string;
  text?: string;
  [key: string]: unknown;
}

/** Posts an activity to /api/messages and returns the status and the replies (expectReplies). */
export async function postActivity(baseUrl: string, activity: unknown): Promise<{ status: number; replies: BotReply[]; body: unknown }> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(activity)
  });
  const raw = await response.text();
  const body: unknown = raw ? JSON.parse(raw) : undefined;
  const replies = (body as { activities?: BotReply[] } | undefined)?.activities ?? [];
  return { status: response.status, replies, body };
}
