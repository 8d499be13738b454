/**
 * The production widget's token route on a real server, against a fake Direct Line service (a real HTTP server on
 * 127.0.0.1): the secret goes only to Direct Line, the browser gets a short-lived token, a client that starts too
 * many chats is slowed down, and every failure is a clear JSON error the page can turn into its calm message.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Request } from 'restify';
import type { RunningBeacon } from '../../src/beacon';
import { clientAddress, withoutPort } from '../../src/server/directlineToken';
import { startTestBeacon } from '../support/testBeacon';

const SECRET = 'test-directline-secret-0123456789abcdef';
const GUID = '11111111-2222-3333-4444-555555555555';

interface FakeDirectLine {
  url: string;
  calls: { authorization?: string; body: unknown }[];
  status: number;
  close(): Promise<void>;
}

/** Without chaining: restify, loaded in this process, patches ServerResponse.writeHead to return nothing. */
function reply(res: ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.end(body);
}

async function startFakeDirectLine(): Promise<FakeDirectLine> {
  const fake: FakeDirectLine = { url: '', calls: [], status: 200, close: async () => undefined };
  const server: Server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v3/directline/tokens/generate') {
        res.statusCode = 404;
        res.end();
        return;
      }
      fake.calls.push({ authorization: req.headers.authorization, body: raw ? JSON.parse(raw) : undefined });
      if (fake.status !== 200) {
        reply(res, fake.status, '{"error":{"code":"BadArgument","message":"no"}}');
        return;
      }
      const n = fake.calls.length;
      reply(res, 200, JSON.stringify({ conversationId: `conv-${n}-eu`, token: `token-${n}`, expires_in: 3600 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}

function productionEnv(extra: Record<string, string>): Record<string, string> {
  return {
    BEACON_ENV: 'production',
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppId: GUID,
    MicrosoftAppPassword: 'not-used-in-this-test',
    MicrosoftAppTenantId: GUID,
    ...extra
  };
}

let fake: FakeDirectLine;
let beacon: RunningBeacon;

beforeAll(async () => {
  fake = await startFakeDirectLine();
  beacon = await startTestBeacon(
    productionEnv({ DIRECTLINE_SECRET: SECRET, DIRECTLINE_ENDPOINT: fake.url, EMBED_ALLOWED_ORIGINS: 'https://www.helpline.example' }),
    { host: '127.0.0.1' }
  );
});
afterAll(async () => {
  await beacon?.close();
  await fake?.close();
});
beforeEach(() => {
  fake.status = 200;
});

describe('GET /api/directline/token in production', () => {
  it('trades the secret for a conversation token; the secret goes only to Direct Line', async () => {
    const response = await fetch(`${beacon.url}/api/directline/token`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const raw = await response.text();
    expect(JSON.parse(raw)).toEqual({ conversationId: expect.stringMatching(/^conv-/), token: expect.stringMatching(/^token-/), expires_in: 3600 });
    expect(raw).not.toContain(SECRET);
    const call = fake.calls.at(-1);
    expect(call?.authorization).toBe(`Bearer ${SECRET}`);
    // A random Direct Line user id per chat: the browser cannot pick an id, and nothing names the person.
    expect(call?.body).toEqual({ user: { id: expect.stringMatching(/^dl_[0-9a-f-]{36}$/) } });
  });

  it('gives every chat its own anonymous user', async () => {
    await fetch(`${beacon.url}/api/directline/token`);
    await fetch(`${beacon.url}/api/directline/token`, { method: 'POST', body: '{"locale":"fr-FR"}', headers: { 'Content-Type': 'application/json' } });
    const [a, b] = fake.calls.slice(-2).map((c) => (c.body as { user: { id: string } }).user.id);
    expect(a).not.toBe(b);
  });

  it('answers 502 with a JSON error when Direct Line refuses, without passing on its answer', async () => {
    fake.status = 403;
    const response = await fetch(`${beacon.url}/api/directline/token`);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ error: { code: 'DirectLineUnavailable', message: expect.stringMatching(/did not issue a token/) } });
  });

  it('fills the widget page with the token route and the Direct Line address, never the secret', async () => {
    const response = await fetch(`${beacon.url}/`);
    const html = await response.text();
    expect(html).toContain('data-token-url="/api/directline/token"');
    expect(html).toContain(`data-directline-domain="${fake.url}/v3/directline"`);
    expect(html).not.toContain(SECRET);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`connect-src 'self' ${fake.url} ${fake.url.replace('http', 'ws')}`);
    expect(csp).toContain("frame-ancestors 'self' https://www.helpline.example");
  });

  it('serves the embed script for helpline sites', async () => {
    const response = await fetch(`${beacon.url}/embed.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(await response.text()).toContain('beacon:quick-exit');
  });
});

describe('rate limit and failures', () => {
  it('slows down a client that starts too many chats, saying when to try again', async () => {
    const limited = await startTestBeacon(productionEnv({ DIRECTLINE_SECRET: SECRET, DIRECTLINE_ENDPOINT: fake.url }), { host: '127.0.0.1' });
    try {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 22; i += 1) {
        last = await fetch(`${limited.url}/api/directline/token`);
        statuses.push(last.status);
      }
      expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(20)).toEqual([429, 429]);
      expect(Number(last?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await last?.json()).toEqual({ error: { code: 'TooManyRequests', message: expect.stringMatching(/try again in \d+ s/) } });
    } finally {
      await limited.close();
    }
  });

  it('answers 503 when no Direct Line secret is set, and 502 when Direct Line cannot be reached', async () => {
    const unset = await startTestBeacon(productionEnv({}), { host: '127.0.0.1' });
    const unreachable = await startTestBeacon(productionEnv({ DIRECTLINE_SECRET: SECRET, DIRECTLINE_ENDPOINT: 'http://127.0.0.1:9' }), { host: '127.0.0.1' });
    try {
      const a = await fetch(`${unset.url}/api/directline/token`);
      expect(a.status).toBe(503);
      expect(((await a.json()) as { error: { code: string } }).error.code).toBe('NotConfigured');
      const b = await fetch(`${unreachable.url}/api/directline/token`);
      expect(b.status).toBe(502);
    } finally {
      await unset.close();
      await unreachable.close();
    }
  });

  it('does not exist locally, where the widget uses the built-in Direct Line', async () => {
    const local = await startTestBeacon();
    try {
      expect((await fetch(`${local.url}/api/directline/token`)).status).toBe(404);
      expect(await (await fetch(`${local.url}/`)).text()).toContain('data-token-url="/v3/directline/tokens/generate"');
    } finally {
      await local.close();
    }
  });
});

describe('which address a client is counted by', () => {
  const request = (forwarded: string | undefined, peer = '10.0.0.9') =>
    ({ header: (name: string) => (name.toLowerCase() === 'x-forwarded-for' ? forwarded : undefined), socket: { remoteAddress: peer } }) as unknown as Request;

  it('uses the socket peer unless told a proxy is trusted', () => {
    expect(clientAddress(request('203.0.113.7'), false)).toBe('10.0.0.9');
  });

  it('behind a trusted proxy, uses the address the proxy appended, not what the client claimed', () => {
    expect(clientAddress(request('1.2.3.4, 203.0.113.7:51234'), true)).toBe('203.0.113.7');
    expect(clientAddress(request(undefined), true)).toBe('10.0.0.9');
  });

  it.each([
    ['203.0.113.7:443', '203.0.113.7'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['2001:db8::1', '2001:db8::1']
  ])('reads %s as %s', (input, expected) => {
    expect(withoutPort(input)).toBe(expected);
  });
});
