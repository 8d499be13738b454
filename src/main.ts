/**
 * Wiring only: environment → logger → Beacon → signals. Started by `index.ts`.
 */
import { ConfigError, loadConfig } from './config';
import { startBeacon } from './beacon';
import { captureConsole } from './logging/consoleCapture';
import { createLogger } from './logging/logger';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  // Every line the process writes is JSON: the SDK's own console output goes into the log too.
  captureConsole(logger);
  if (config.authDisabled) {
    logger.warn({ event: 'auth_disabled' }, 'BEACON_ENV=local: Bot Framework authentication is OFF. Never expose this instance to the internet.');
  }
  const beacon = await startBeacon(config, logger);
  logger.info({ event: 'started', url: beacon.url, env: config.BEACON_ENV, storage: config.STORAGE }, `Beacon is listening on ${beacon.url}`);

  const stop = (signal: string) => {
    logger.info({ event: 'stopping', signal });
    beacon.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ event: 'stop_failed', err: String(error) });
        process.exit(1);
      }
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Beacon failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
