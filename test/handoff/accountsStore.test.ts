/**
 * Worker accounts live in the configured store, so every instance and every restart sees them (on App Service
 * DATA_DIR is the instance's temporary folder): `console:add-user` writes to that store, an account added works
 * after a restart, and no accounts file is written. The memory store, which lives inside one process, is
 * refused with a message saying what to set.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { addUser, parseArgs } from '../../scripts/consoleAddUser';
import { USERS_FILE } from '../../src/server/console/accounts';
import { startTestBeacon } from '../support/testBeacon';
import { PASSWORD, tempDataDir, Worker } from './consoleClient';

describe('worker accounts in the store', () => {
  it('are written by console:add-user to the sqlite store and still sign in after a restart', async () => {
    const dataDir = tempDataDir();
    const env = { STORAGE: 'sqlite', DATA_DIR: dataDir };
    const said = await addUser(parseArgs(['ada', '--name', 'Ada', '--role', 'supervisor']), PASSWORD, env);
    expect(said).toBe('Saved supervisor "ada" in the sqlite store.');
    expect(existsSync(path.join(dataDir, USERS_FILE))).toBe(false);

    for (const run of [1, 2]) {
      const beacon = await startTestBeacon(env);
      try {
        const ada = new Worker(beacon.url, 'ada');
        const signedIn = await ada.login();
        expect([run, signedIn.status, signedIn.body.user?.role]).toEqual([run, 200, 'supervisor']);
        expect((await new Worker(beacon.url, 'ada').login('wrong password!')).status).toBe(401);
      } finally {
        await beacon.close();
      }
    }
  });

  it('refuses the memory store and a short password, saying why', async () => {
    await expect(addUser(parseArgs(['bo']), PASSWORD, { STORAGE: 'memory', DATA_DIR: tempDataDir() })).rejects.toThrow(/STORAGE=memory lives inside the running Beacon only/);
    await expect(addUser(parseArgs(['bo']), 'short', { STORAGE: 'sqlite', DATA_DIR: tempDataDir() })).rejects.toThrow(/at least 12 characters/);
  });
});
