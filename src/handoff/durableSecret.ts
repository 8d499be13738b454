/**
 * A random secret kept in the store, made once. The local Direct Line signs its tokens with it, so a user's
 * token still opens their conversation after a restart and a chat with a worker goes on ("a restart loses
 * nothing"); without it every process would sign with a new key and the widget would be locked out.
 */
import { randomBytes } from 'node:crypto';
import type { BeaconStorage } from '../storage/beaconStorage';

export async function durableSecret(storage: BeaconStorage, name: string): Promise<Buffer> {
  const key = `secret/${name}`;
  const found = (await storage.read([key]))[key] as { value?: string } | undefined;
  if (found?.value) return Buffer.from(found.value, 'base64');
  const value = randomBytes(32).toString('base64');
  await storage.write({ [key]: { value } });
  return Buffer.from(value, 'base64');
}
