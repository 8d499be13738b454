/**
 * A Cosmos DB stand-in (`@vercel/cosmosdb-server`, the NoSQL API in Node) on a free loopback port, in this
 * process, over HTTPS with the stand-in's own self-signed certificate, which only this test's agent accepts: a
 * real Cosmos DB wire protocol that a test can start and stop.
 */
import type { AddressInfo } from 'node:net';
import { Agent } from 'node:https';
import { createHttpsServer } from '@vercel/cosmosdb-server';

export interface RunningCosmos {
  endpoint: string;
  /** Any key: the stand-in checks none. */
  key: string;
  agent: Agent;
  stop(): Promise<void>;
}

export async function startCosmos(): Promise<RunningCosmos> {
  const server = createHttpsServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: false, rejectUnauthorized: false });
  return {
    endpoint: `https://127.0.0.1:${port}`,
    key: 'c3RhbmQtaW4ta2V5',
    agent,
    stop: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
