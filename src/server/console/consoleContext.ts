/** What the console's routes and stream share. */
import type { AuditLog } from '../../handoff/auditLog';
import type { Departures } from '../../handoff/departures';
import type { WrapUp } from '../../handoff/wrapUp';
import type { FeedbackLog } from '../../handoff/feedbackLog';
import type { HandoffChat } from '../../handoff/handoffChat';
import type { HandoffHub } from '../../handoff/handoffHub';
import type { Translator } from '../../content/translator';
import type { Logger } from '../../logging/logger';
import type { Limiter } from '../rateLimiter';
import type { AccountBook } from './accounts';
import type { ConsoleSessions } from './consoleSessions';

export interface ConsoleContext {
  hub: HandoffHub;
  chat: HandoffChat;
  departures: Departures;
  wrapUp: WrapUp;
  audit: AuditLog;
  feedback: FeedbackLog;
  accounts: AccountBook;
  sessions: ConsoleSessions;
  translator: Translator;
  logger: Logger;
  /** Secure cookies (production: always behind HTTPS). */
  secureCookies: boolean;
  defaultLocale: string;
  /** Failed sign-ins per client address, whatever the user name. */
  loginLimiter: Limiter;
  /** True behind a proxy that appends the client's address to X-Forwarded-For (TRUST_PROXY). */
  trustProxy: boolean;
  /** Who has the console open now, by user name (kept by the stream). */
  online: Map<string, number>;
}
