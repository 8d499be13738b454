/**
 * The problems `loadConfig` reports for an environment it must reject; fails the test when it accepts it.
 */
import { ConfigError, loadConfig } from '../../src/config';

export function problemsFor(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the environment to be rejected');
}
