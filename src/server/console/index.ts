/**
 * The helpline worker console: the page at /console and the JSON + WebSocket API under /api/console
 * (docs/console-api.md). Wiring only; call once on the restify server and `close()` on shutdown.
 */
import type { Server } from 'restify';
import { registerAuthRoutes } from './authRoutes';
import { registerChatRoutes } from './chatRoutes';
import type { ConsoleContext } from './consoleContext';
import { registerConsolePage } from './consolePage';
import { ConsoleStream } from './consoleStream';
import { registerInfoRoutes } from './infoRoutes';
import { registerLeaveRoute } from './leaveRoute';

export { Accounts } from './accounts';
export { ConsoleSessions } from './consoleSessions';
export type { ConsoleContext } from './consoleContext';

export function registerConsole(server: Server, ctx: ConsoleContext, publicDir: string): { close(): Promise<void> } {
  registerConsolePage(server, publicDir, ctx.translator, ctx.defaultLocale);
  registerAuthRoutes(server, ctx);
  registerChatRoutes(server, ctx);
  registerInfoRoutes(server, ctx);
  registerLeaveRoute(server, ctx);
  const stream = new ConsoleStream(server.server, ctx);
  return { close: () => stream.close() };
}
