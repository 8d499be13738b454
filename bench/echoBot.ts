/**
 * The baseline: a bare Bot Framework echo bot on the same botbuilder and restify versions as Beacon, with the
 * same local authentication setting (no app id) and body parser, and no state. Whatever Beacon costs above
 * this is Beacon's own work. Run as `node dist/bench/echoBot.js <port>`; it answers /readyz once listening.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';
import restify from 'restify';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text ?? ''}`));
      await next();
    });
  }
}

function main(): void {
  const port = Number(process.argv[2] ?? '3979');
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' })
  );
  adapter.onTurnError = async (context, error) => {
    process.stderr.write(`echo bot turn error: ${error.message}\n`);
    await context.sendActivity('error');
  };
  const bot = new EchoBot();
  const server = restify.createServer({ name: 'echo', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, mapFiles: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.get('/readyz', async (_req, res) => {
    res.json({ status: 'ready' });
  });
  server.listen(port, '127.0.0.1');
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main();
