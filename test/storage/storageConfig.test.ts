/**
 * The storage settings an operator sets to scale out: a bad or missing value stops the start with a message
 * that names the variable and gives an example.
 */
import { loadConfig } from '../../src/config';
import { problemsFor } from '../config/problemsFor';

describe('STORAGE=blob settings', () => {
  it('accepts a connection string, or an account URL for the managed identity, with the default container', () => {
    expect(loadConfig({ STORAGE: 'blob', BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true' })).toMatchObject({
      STORAGE: 'blob',
      BLOB_CONTAINER: 'beacon-state'
    });
    expect(loadConfig({ STORAGE: 'blob', BLOB_ACCOUNT_URL: 'https://beacon.blob.core.windows.net', BLOB_CONTAINER: 'state-2' })).toMatchObject({
      BLOB_ACCOUNT_URL: 'https://beacon.blob.core.windows.net',
      BLOB_CONTAINER: 'state-2'
    });
  });

  it('refuses to start on blob without a connection string or account URL, naming both', () => {
    expect(problemsFor({ STORAGE: 'blob' })).toEqual([expect.stringMatching(/^BLOB_CONNECTION_STRING or BLOB_ACCOUNT_URL is required when STORAGE=blob \(for example/)]);
  });

  it.each([
    ['BLOB_CONTAINER', 'Beacon_State', /^BLOB_CONTAINER must be 3–63 lowercase/],
    ['BLOB_CONTAINER', 'ab', /^BLOB_CONTAINER /],
    ['BLOB_ACCOUNT_URL', 'not a url', /^BLOB_ACCOUNT_URL must be an http\(s\):\/\/ address/]
  ])('refuses %s=%s with a message naming it', (name, value, message) => {
    expect(problemsFor({ STORAGE: 'blob', BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true', [name]: value })).toEqual([expect.stringMatching(message)]);
  });
});

describe('STORAGE=cosmos settings', () => {
  it('accepts an endpoint with a key, or without one for the managed identity, with the default database and container', () => {
    expect(loadConfig({ STORAGE: 'cosmos', COSMOS_ENDPOINT: 'https://beacon.documents.azure.com:443/', COSMOS_KEY: 'k' })).toMatchObject({
      STORAGE: 'cosmos',
      COSMOS_DATABASE: 'beacon',
      COSMOS_CONTAINER: 'state'
    });
    expect(loadConfig({ STORAGE: 'cosmos', COSMOS_ENDPOINT: 'https://beacon.documents.azure.com:443/' }).COSMOS_KEY).toBeUndefined();
  });

  it('refuses to start on cosmos without an endpoint, or with one that is not https', () => {
    expect(problemsFor({ STORAGE: 'cosmos' })).toEqual([expect.stringMatching(/^COSMOS_ENDPOINT is required when STORAGE=cosmos \(for example/)]);
    expect(problemsFor({ STORAGE: 'cosmos', COSMOS_ENDPOINT: 'http://beacon.documents.azure.com' })).toEqual([expect.stringMatching(/^COSMOS_ENDPOINT must be an https:\/\/ address/)]);
    expect(problemsFor({ STORAGE: 'cosmos', COSMOS_ENDPOINT: 'https://beacon.documents.azure.com', COSMOS_CONTAINER: 'a/b' })).toEqual([expect.stringMatching(/^COSMOS_CONTAINER must be/)]);
  });
});
