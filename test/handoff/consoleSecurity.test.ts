/**
 * The console API's guards: no session → 401; repeated wrong passwords → locked out (even with the right
 * password afterwards); a state change without the CSRF token → 403; the cookie is HttpOnly and SameSite=Strict;
 * the stream refuses a socket without a session or from another site.
 */
import { WebSocket } from 'ws';
import type { RunningBeacon } from '../../src/beacon';
import { startTestBeacon } from '../support/testBeacon';
import { addWorker, tempDataDir, Worker } from './consoleClient';

let beacon: RunningBeacon;

beforeAll(async () => {
  const dataDir = tempDataDir();
  await addWorker(dataDir, 'ada');
  await addWorker(dataDir, 'cy');
  beacon = await startTestBeacon({ DATA_DIR: dataDir, CONSOLE_MAX_FAILED_LOGINS: '3' });
});
afterAll(async () => {
  await beacon?.close();
});

function socketStatus(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${beacon.url.replace('http', 'ws')}/api/console/stream`, { headers });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('error', () => undefined);
  });
}

describe('the console API guards', () => {
  it('answers 401 without a session, on the API and on the stream', async () => {
    const anonymous = new Worker(beacon.url, 'nobody');
    expect((await anonymous.call('GET', '/api/console/queue')).status).toBe(401);
    expect((await anonymous.call('POST', '/api/console/sessions/x/accept', {})).status).toBe(401);
    expect(await socketStatus({})).toBe(401);
  });

  it('locks a user name out after repeated wrong passwords, even for the right password then', async () => {
    const cy = new Worker(beacon.url, 'cy');
    expect((await cy.login('wrong one')).status).toBe(401);
    expect((await cy.login('wrong two')).status).toBe(401);
    const third = await cy.login('wrong three');
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe('LockedOut');
    expect((await cy.login()).status).toBe(429);
  });

  it('refuses a state change without the CSRF token (403), and sets a strict HttpOnly cookie', async () => {
    const ada = new Worker(beacon.url, 'ada');
    const login = await ada.login();
    expect(login.status).toBe(200);
    expect(login.headers?.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    const noCsrf = await ada.call('POST', '/api/console/sessions/x/accept', {}, { csrf: false });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('CsrfTokenMissing');
    expect((await ada.call('POST', '/api/console/logout', {}, { csrf: false })).status).toBe(403);
    expect((await ada.call('GET', '/api/console/queue')).status).toBe(200);
    expect(await socketStatus({ Cookie: ada.cookie, Origin: 'https://evil.example' })).toBe(403);
    expect(await socketStatus({ Cookie: ada.cookie })).toBe(101);
  });

  it('serves the console page with a nonce CSP and no inline handlers', async () => {
    const res = await fetch(`${beacon.url}/console`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
    const html = await res.text();
    expect(html).not.toMatch(/\son\w+=/);
  });
});
