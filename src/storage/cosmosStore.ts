/**
 * `STORAGE=cosmos`: Beacon's state in Azure Cosmos DB (NoSQL), through botbuilder's
 * `CosmosDbPartitionedStorage` (one document per key, partitioned by id, eTags from the service), with Beacon's
 * store contract on top (`guardedStorage.ts`). A key (`COSMOS_KEY`) or the App Service's managed identity.
 * Beacon creates the database and the container when they are missing. Expiry queries the documents by their
 * last write (`_ts`) and deletes the state items older than the cutoff.
 */
import type { Agent } from 'node:http';
import { CosmosClient, type Container, type CosmosClientOptions } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import { CosmosDbPartitionedStorage } from 'botbuilder-azure';
import { GuardedStorage } from './guardedStorage';

export interface CosmosStoreOptions {
  endpoint: string;
  key?: string;
  database: string;
  container: string;
  /** Tests only: the HTTP agent for a local Cosmos DB stand-in. Never set from the environment. */
  agent?: Agent;
}

/** A service that is down must not hold a turn for minutes: a few quick tries, then the turn fails with the numbers. */
const RETRIES: CosmosClientOptions['connectionPolicy'] = {
  requestTimeout: 10_000,
  retryOptions: { maxRetryAttemptCount: 3, fixedRetryIntervalInMilliseconds: 200, maxWaitTimeInSeconds: 5 }
};

export class CosmosStore extends GuardedStorage {
  readonly kind = 'cosmos';
  private ready?: Promise<Container>;

  private constructor(
    inner: CosmosDbPartitionedStorage,
    private readonly client: CosmosClient,
    private readonly options: CosmosStoreOptions
  ) {
    super(inner);
  }

  /** Opens the store, creating the database and the container when they are missing. */
  static async open(options: CosmosStoreOptions): Promise<CosmosStore> {
    const credential = options.key ? undefined : new DefaultAzureCredential();
    const clientOptions: Partial<CosmosClientOptions> = { connectionPolicy: RETRIES, ...(options.agent ? { agent: options.agent } : {}) };
    const client = credential
      ? new CosmosClient({ endpoint: options.endpoint, aadCredentials: credential, ...clientOptions })
      : new CosmosClient({ endpoint: options.endpoint, key: options.key, ...clientOptions });
    const inner = new CosmosDbPartitionedStorage({
      cosmosDbEndpoint: options.endpoint,
      ...(options.key ? { authKey: options.key } : { tokenCredential: credential }),
      databaseId: options.database,
      containerId: options.container,
      compatibilityMode: false,
      cosmosClientOptions: clientOptions
    });
    const store = new CosmosStore(inner, client, options);
    await store.containerReady();
    return store;
  }

  override async ping(): Promise<void> {
    this.open();
    await (await this.containerReady()).read();
  }

  /** Deletes the items whose key matches `keyPattern` and whose document was last written before `cutoff`. */
  async deleteOlderThan(cutoff: number, keyPattern: RegExp): Promise<number> {
    this.open();
    const container = await this.containerReady();
    const query = {
      query: 'SELECT c.id, c.realId FROM c WHERE c._ts < @cutoff',
      parameters: [{ name: '@cutoff', value: Math.floor(cutoff / 1000) }]
    };
    const { resources } = await container.items.query<{ id: string; realId?: string }>(query).fetchAll();
    let deleted = 0;
    for (const doc of resources) {
      if (typeof doc.realId !== 'string' || !keyPattern.test(doc.realId)) continue;
      const gone = await container.item(doc.id, doc.id).delete().then(() => true, () => false);
      if (gone) deleted++;
    }
    return deleted;
  }

  private containerReady(): Promise<Container> {
    this.ready ??= (async () => {
      const { database } = await this.client.databases.createIfNotExists({ id: this.options.database });
      const { container } = await database.containers.createIfNotExists({ id: this.options.container, partitionKey: { paths: ['/id'] } });
      return container;
    })();
    // A failed attempt (the service was down) is tried again next time.
    this.ready.catch(() => (this.ready = undefined));
    return this.ready;
  }

  override async close(): Promise<void> {
    await super.close();
    this.client.dispose();
  }
}
