/**
 * Azurite's blob service in a child process, in memory, on a free loopback port: a real Azure Blob Storage API
 * that a test can start, and stop mid-test to see what a user gets when the store is down.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

/** Azurite's documented development account (public, the same in every Azurite). */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const LAUNCHER = `
process.chdir(process.argv[1]);
const { BlobServerFactory } = require(process.argv[2] + '/dist/src/blob/BlobServerFactory');
const Env = require(process.argv[2] + '/dist/src/blob/BlobEnvironment').default;
(async () => {
  const server = await new BlobServerFactory().createServer(new Env());
  await server.start();
  process.stdout.write(JSON.stringify({ url: server.getHttpServerAddress() }) + '\\n');
  process.once('SIGTERM', () => server.close().then(() => process.exit(0)));
})().catch((error) => { console.error(error); process.exit(1); });
`;

export interface RunningAzurite {
  connectionString: string;
  /** Kills the server (SIGKILL: the store is gone, as when a machine dies) and waits until it has exited. */
  stop(): Promise<void>;
}

export async function startAzurite(): Promise<RunningAzurite> {
  const azuriteDir = path.dirname(require.resolve('azurite/package.json'));
  const child = spawn(
    process.execPath,
    ['-e', LAUNCHER, os.tmpdir(), azuriteDir, '--inMemoryPersistence', '--silent', '--skipApiVersionCheck', '--blobHost', '127.0.0.1', '--blobPort', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'] }
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`Azurite exited before listening (code ${code}).`)));
  });
  child.stdout!.removeAllListeners('data');
  child.stdout!.resume();
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=${url}/${ACCOUNT};`,
    stop: () => stopChild(child)
  };
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
