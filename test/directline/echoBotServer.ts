/**
 * A real restify server for the Direct Line tests, set up the way Beacon's server is (bodyParser with a
 * 256 KB limit, no param mapping), with a tiny echo bot on /api/messages — botbuilder's CloudAdapter with
 * authentication off — and the local Direct Line registered on the same server. The bot:
 *   greets on conversationUpdate (user added) · "hi" → "echo: hi" · "later" → "ok" now and a proactive
 *   "proactive hello" 200 ms later through continueConversationAsync · "typing" → a typing activity, then "done".
 * Every activity the bot receives is kept in `seen` (deep copies), so tests can check what the bot saw.
 */
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext } from 'botbuilder';
import type { Activity } from 'botbuilder';
import pino from 'pino';
import * as restify from 'restify';
import { registerLocalDirectLine, type DirectLineLimits } from '../../src/server/directline';

export interface EchoBotServer {
  baseUrl: string;
  /** The bot-facing (connector) routes' base, as the bot is given it in serviceUrl. */
  connectorUrl: string;
  server: restify.Server;
  seen: Partial<Activity>[];
  logLines: string[];
  closeDirectLine(): Promise<void>;
  close(): Promise<void>;
}

export interface EchoBotOptions {
  limits?: Partial<DirectLineLimits>;
  /** Path of the bot endpoint Direct Line posts to: '/api/broken' answers 500, '/api/missing' is not there. */
  botPath?: string;
  /** Point Direct Line at a port where nothing listens. */
  unreachableBot?: boolean;
}

export async function startEchoBotServer(options: EchoBotOptions = {}): Promise<EchoBotServer> {
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
  const seen: Partial<Activity>[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));

  let turnsInFlight = 0;
  server.post('/api/messages', async (req, res) => {
    turnsInFlight += 1;
    try {
      await adapter.process(req, res, (context) => echoBot(context, adapter, seen, timers));
    } finally {
      turnsInFlight -= 1;
    }
  });
  server.post('/api/broken', async (_req, res) => {
    res.send(500);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const botUrl = options.unreachableBot ? 'http://127.0.0.1:9/api/messages' : `${baseUrl}${options.botPath ?? '/api/messages'}`;

  const logLines: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { logLines.push(String(chunk)); done(); } });
  const logger = pino({ level: 'debug' }, sink);
  const directLine = registerLocalDirectLine(server, { botEndpoint: botUrl, serviceUrl: baseUrl, logger, limits: options.limits });

  return {
    baseUrl,
    connectorUrl: directLine.serviceUrl,
    server,
    seen,
    logLines,
    closeDirectLine: () => directLine.close(),
    async close() {
      for (const timer of timers) clearTimeout(timer);
      // Let turns that are still running (a greeting, say) finish, so none is cut off mid-reply.
      for (let waited = 0; turnsInFlight > 0 && waited < 2000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      await directLine.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeAllConnections();
    }
  };
}

async function echoBot(context: TurnContext, adapter: CloudAdapter, seen: Partial<Activity>[], timers: Set<NodeJS.Timeout>): Promise<void> {
  const activity = context.activity;
  seen.push(JSON.parse(JSON.stringify(activity)) as Partial<Activity>);
  if (activity.type === ActivityTypes.ConversationUpdate) {
    const userJoined = (activity.membersAdded ?? []).some((member) => member.id !== activity.recipient.id);
    if (userJoined) await context.sendActivity('Welcome! I am a bot.');
    return;
  }
  if (activity.type !== ActivityTypes.Message) return;
  const text = (activity.text ?? '').trim();
  if (text === 'later') {
    const reference = TurnContext.getConversationReference(activity);
    await context.sendActivity('ok');
    const timer = setTimeout(() => {
      timers.delete(timer);
      void adapter.continueConversationAsync('', reference, async (proactive) => {
        await proactive.sendActivity('proactive hello');
      });
    }, 200);
    timers.add(timer);
    return;
  }
  if (text === 'typing') {
    await context.sendActivity({ type: ActivityTypes.Typing });
    await context.sendActivity('done');
    return;
  }
  await context.sendActivity(`echo: ${text}`);
}
