/** The storage layer's public API: the contract, the factory and the stores it can build. */
export type { BeaconStorage } from './beaconStorage';
export { StorageConflictError } from './beaconStorage';
export { BlobStorage } from './blobStorage';
export { createStorage, SQLITE_FILE_NAME, type BlobSettings, type StorageOptions } from './createStorage';
export { MemoryStorage } from './memoryStorage';
export { SqliteStorage } from './sqliteStorage';
