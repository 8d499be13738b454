/**
 * The storage factory: the one place that turns the configured kind into a store, so that `index.ts` only
 * wires and a new kind (blob, cosmos) is one more case here.
 */
import path from 'node:path';
import { DefaultAzureCredential } from '@azure/identity';
import { ContainerClient, type StoragePipelineOptions } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { BeaconStorage } from './beaconStorage';
import { BlobStorage } from './blobStorage';
import { CosmosStore, type CosmosStoreOptions } from './cosmosStore';
import { MemoryStorage } from './memoryStorage';
import { SqliteStorage } from './sqliteStorage';

export interface StorageOptions {
  kind: 'sqlite' | 'memory' | 'blob' | 'cosmos';
  /** Where file-based stores keep their data; the sqlite store uses `<dataDir>/beacon.sqlite`. */
  dataDir: string;
  /** STORAGE=blob: a connection string, or an account URL reached with the managed identity. */
  blob?: BlobSettings;
  /** STORAGE=cosmos: the account, the database and the container (created when missing). */
  cosmos?: Partial<CosmosStoreOptions>;
}

export interface BlobSettings {
  container: string;
  connectionString?: string;
  accountUrl?: string;
}

/**
 * A store that is down must not hold a turn for minutes: a few quick tries, then the turn fails and the user
 * gets the numbers from the turn error handler (DESIGN.md rule 10).
 */
const BLOB_PIPELINE: StoragePipelineOptions = { retryOptions: { maxTries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 1000, tryTimeoutInMs: 10000 } };

/** The file name of the sqlite store inside the data directory. */
export const SQLITE_FILE_NAME = 'beacon.sqlite';

/** Opens the configured store; rejects with a message that says which store is unavailable and why. */
export async function createStorage(options: StorageOptions): Promise<BeaconStorage> {
  switch (options.kind) {
    case 'memory':
      return new MemoryStorage();
    case 'sqlite':
      return openSqlite(path.join(options.dataDir, SQLITE_FILE_NAME));
    case 'blob':
      return openBlob(options.blob);
    case 'cosmos':
      return openCosmos(options.cosmos);
    default:
      throw new Error(
        `Storage: the kind "${String((options as { kind: unknown }).kind)}" is unavailable because it is not ` +
          'one of: sqlite, memory, blob, cosmos.'
      );
  }
}

function openSqlite(filePath: string): BeaconStorage {
  try {
    return new SqliteStorage(filePath);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(
      `Storage: the sqlite store at "${filePath}" is unavailable because it could not be opened (${reason}).`,
      { cause }
    );
  }
}

function openBlob(settings: BlobSettings | undefined): BeaconStorage {
  if (!settings?.connectionString && !settings?.accountUrl) {
    throw new Error('Storage: the blob store is unavailable because neither BLOB_CONNECTION_STRING nor BLOB_ACCOUNT_URL is set.');
  }
  const { container } = settings;
  if (settings.connectionString) {
    return new BlobStorage(
      new BlobsStorage(settings.connectionString, container, { storagePipelineOptions: BLOB_PIPELINE }),
      new ContainerClient(settings.connectionString, container, BLOB_PIPELINE)
    );
  }
  const url = `${settings.accountUrl!.replace(/\/+$/, '')}/${container}`;
  const credential = new DefaultAzureCredential();
  return new BlobStorage(
    new BlobsStorage('', container, { storagePipelineOptions: BLOB_PIPELINE }, url, credential),
    new ContainerClient(url, credential, BLOB_PIPELINE)
  );
}

async function openCosmos(settings: Partial<CosmosStoreOptions> | undefined): Promise<BeaconStorage> {
  if (!settings?.endpoint) throw new Error('Storage: the cosmos store is unavailable because COSMOS_ENDPOINT is not set.');
  const { endpoint } = settings;
  try {
    return await CosmosStore.open({ database: 'beacon', container: 'state', ...settings, endpoint });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`Storage: the cosmos store at "${endpoint}" is unavailable because it did not answer (${reason}).`, { cause });
  }
}
