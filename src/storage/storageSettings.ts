/**
 * The store the environment asks for, as the storage factory's options: one place for the bot and for the
 * operator's commands (`console:add-user`), so both always open the same store.
 */
import type { Config } from '../config';
import type { StorageOptions } from './createStorage';

export function storageOptionsFor(config: Config): StorageOptions {
  return {
    kind: config.STORAGE,
    dataDir: config.dataDir,
    blob: { connectionString: config.BLOB_CONNECTION_STRING, accountUrl: config.BLOB_ACCOUNT_URL, container: config.BLOB_CONTAINER },
    cosmos: { endpoint: config.COSMOS_ENDPOINT, key: config.COSMOS_KEY, database: config.COSMOS_DATABASE, container: config.COSMOS_CONTAINER }
  };
}
