/**
 * Nothing another instance needs stays in process memory (issue 14, part 3). This test reads src/ for every
 * long-lived thing a module keeps in memory — a Map, Set or emitter held by a class or a module, module-level
 * `let` state, a class that is a Map or an emitter — and every timer, and checks each against the inventory
 * below, which says what it holds and why it is safe with N instances. A new one that nobody has reasoned
 * about fails the test, and so does an inventory line whose code has gone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

type Kind =
  /** Built from the repository's files at start: the same on every instance, never changed by a user. */
  | 'content'
  /** This instance's own connections or work in flight; another instance has its own, and needs none of these. */
  | 'this-instance'
  /** A copy or an index of what is kept in the store or Redis, where every instance reads it. */
  | 'shared-elsewhere'
  /** Only with BEACON_ENV=local (one developer machine) or STORAGE=memory (tests); a scaled deployment has neither. */
  | 'local-only';

interface Entry {
  kind: Kind;
  why: string;
}

const ROOT = path.resolve(__dirname, '../..');

/** `<file> <name>` → what it is and why it is safe. */
const STATE: Record<string, Entry> = {
  'src/content/check/contentProblem.ts CODE_NAMESPACES': { kind: 'content', why: 'a constant list used by the content checker' },
  'src/content/check/unusedKeysRule.ts RESERVED_KEYS': { kind: 'content', why: 'a constant list used by the content checker' },
  'src/content/check/wayOnRule.ts WAY_ON_SCRIPTS': { kind: 'content', why: 'a constant list used by the content checker' },
  'src/engine/conversationCommands.ts WEB_CHANNELS': { kind: 'content', why: 'a constant list of channel ids' },
  'src/content/pseudoLocale.ts VOWELS': { kind: 'content', why: 'a constant set of letters for pseudo-localisation' },
  'src/engine/decideTurn.ts URGENT_KINDS': { kind: 'content', why: 'a constant list of danger kinds' },
  'src/engine/decideTurn.ts OPERATING_COMMANDS': { kind: 'content', why: 'a constant list of command names' },
  'src/engine/decideTurn.ts IMAGE_THREAT_KINDS': { kind: 'content', why: 'a constant list of danger kinds' },
  'src/engine/urgentScripts.ts URGENT_SCRIPTS': { kind: 'content', why: 'a constant list of script ids' },
  'src/engine/urgentScripts.ts STEPS_FIRST': { kind: 'content', why: 'a constant list of script ids' },
  'src/understanding/countryFact.ts placesByLanguage': { kind: 'content', why: 'city and region names by language, built once from locales/' },
  'src/safety/wordIndex.ts seen': { kind: 'content', why: 'at most 20,000 single words already looked up in the danger lists; a cache only, nothing another instance needs' },
  'src/content/translator.ts memo': { kind: 'content', why: 'a bounded cache of looked-up texts; the resources never change after loading, so every instance holds the same' },
  'src/understanding/ageFact.ts schoolByLanguage': { kind: 'content', why: 'the school-year patterns of each language, from locales/, read once' },
  'src/understanding/phrases.ts split': { kind: 'content', why: 'texts already split into words while one message is read (phrases from locales/ and that message), emptied after each reading; a cache only, nothing another instance needs' },
  'src/understanding/yesNo.ts squeezed': { kind: 'content', why: 'the yes/no word lists squeezed once; derived from locales/, the same on every instance' },
  'src/understanding/greetings.ts byLanguage': { kind: 'content', why: 'the hello words of each language, read once from locales/, the same on every instance' },
  'src/content/check/wayOnRule.ts HELP_SCRIPTS': { kind: 'content', why: 'a constant list used by the content checker' },
  'src/engine/commands.ts phrases': { kind: 'content', why: 'the command words of each language, from locales/' },
  'src/engine/commands.ts languageNames': { kind: 'content', why: 'language names from locales/' },
  'src/handoff/triage.ts HIGH_RISK_TOPICS': { kind: 'content', why: 'a constant list of topic ids' },
  'src/handoff/topicTrail.ts CRISIS_SCRIPTS': { kind: 'content', why: 'a constant list of script ids' },
  'src/handoff/departures.ts WIDGET_CHANNELS': { kind: 'content', why: 'a constant list of channel ids' },
  'src/helplines/countryNames.ts index': { kind: 'content', why: 'country names by language, built once from a package' },
  'src/helplines/directory.ts views': { kind: 'content', why: 'the helpline directory, from data/helplines/' },
  'src/helplines/directory.ts files': { kind: 'content', why: 'the helpline directory, from data/helplines/' },
  'src/safety/classifierDangerLayer.ts trained': { kind: 'content', why: 'danger models trained from the training files; every instance trains the same one' },
  'src/safety/conceptDangerLayer.ts byFirst': { kind: 'content', why: 'the danger concepts, from the repository' },
  'src/safety/conceptRules.ts EXACT_CONCEPTS': { kind: 'content', why: 'a constant list' },
  'src/safety/phraseDangerDetector.ts byFirst': { kind: 'content', why: 'the danger phrases, from locales/' },
  'src/safety/wordIndex.ts byVariant': { kind: 'content', why: 'word variants of the danger lists' },
  'src/understanding/ageFact.ts numbersByLanguage': { kind: 'content', why: 'number words of each language, from locales/' },
  'src/understanding/lists.ts compiled': { kind: 'content', why: 'word lists of each language, from locales/' },
  'src/server/directline/botActivity.ts NOT_FOR_CLIENTS': { kind: 'content', why: 'a constant list of activity types' },
  'src/server/console/passwordHash.ts dummy': {
    kind: 'this-instance',
    why: 'a hash of a random password, verified for unknown user names so they cost the same work; any instance may make its own'
  },
  'src/handoff/handoffChat.ts chains': {
    kind: 'this-instance',
    why: 'deliveries under way here, kept in order; the messages and their delivery marks are in the store, and with Redis a session is delivered under its lock by one instance at a time'
  },
  'src/handoff/workerCap.ts chains': {
    kind: 'this-instance',
    why: 'accepts under way here, one at a time per worker; the chats a worker holds are counted from the store, and with Redis a short claim on the worker serialises the instances'
  },
  'src/handoff/teams/teamsBridge.ts chains': {
    kind: 'this-instance',
    why: 'Teams posts under way here, in order; each event is posted by the instance where it began (relayed events are skipped)'
  },
  'src/handoff/hubEvents.ts HubEvents': {
    kind: 'this-instance',
    why: 'the emitter the console stream listens to here; with Redis every event also goes to the other instances through a stream (src/hub/eventRelay.ts)'
  },
  'src/hub/deliveryOutbox.ts working': {
    kind: 'this-instance',
    why: 'delivery jobs this instance took from the Redis stream and has not acknowledged; if it dies, another instance claims them'
  },
  'src/hub/sessionClaims.ts held': {
    kind: 'this-instance',
    why: 'the token of an accept claim held in Redis for the few milliseconds of one accept, to let go of only our own claim'
  },
  'src/hub/sharedOnline.ts SharedOnline': {
    kind: 'shared-elsewhere',
    why: 'the console sockets open on this instance per worker; the names are in a Redis sorted set, so the count covers every instance'
  },
  'src/hub/sharedOnline.ts elsewhere': { kind: 'shared-elsewhere', why: 'the names on duty read from Redis every 10 seconds' },
  'src/server/console/consoleStream.ts wss': { kind: 'this-instance', why: "the WebSocket server for the consoles connected here; events reach it from every instance" },
  'src/server/console/consoleStream.ts clients': { kind: 'this-instance', why: 'the console sockets connected to this instance; their sign-in sessions are in Redis' },
  'src/server/rateLimiter.ts buckets': {
    kind: 'this-instance',
    why: 'per-client limits of one process; with REDIS_URL the widget token route and the console sign-in share one bucket per client in Redis (src/hub/redisRateLimiter.ts) and fall back to this only while Redis is down'
  },
  'src/server/directline/botForwarder.ts queues': { kind: 'local-only', why: 'the local Direct Line (BEACON_ENV=local); production uses Azure Bot Service' },
  'src/server/directline/conversationStore.ts conversations': { kind: 'local-only', why: 'the local Direct Line; production uses Azure Bot Service' },
  'src/server/directline/conversationStore.ts chains': { kind: 'local-only', why: 'the local Direct Line writing its conversations to the store in order; production uses Azure Bot Service' },
  'src/server/directline/conversationStore.ts saving': { kind: 'local-only', why: 'the local Direct Line; how far each conversation is written to the store' },
  'src/server/directline/conversationStore.ts loading': { kind: 'local-only', why: 'the local Direct Line; loads from the store under way' },
  'src/server/directline/streamServer.ts wss': { kind: 'local-only', why: 'the local Direct Line; production uses Azure Bot Service' },
  'src/server/directline/streamServer.ts byConversation': { kind: 'local-only', why: 'the local Direct Line; production uses Azure Bot Service' },
  'src/server/directline/streamServer.ts alive': { kind: 'local-only', why: 'the local Direct Line; production uses Azure Bot Service' },
  'src/storage/memoryStorage.ts items': { kind: 'local-only', why: 'STORAGE=memory, for tests; a scaled deployment uses a shared store' }
};

/** Timers: work that every instance runs, each safe to run N times at once. */
const TIMERS: Record<string, string> = {
  'src/handoff/positionTicker.ts': 'each position update is an eTag-guarded change of the session, so one instance sends it',
  'src/handoff/handoffSystem.ts': 'the retention purge deletes expired sessions; deleting twice is harmless',
  'src/handoff/departures.ts': "ends sessions whose user's page closed past the grace period; ending is an eTag-guarded change, so one instance does it",
  'src/storage/stateExpiry.ts': 'the state sweep deletes expired conversation state; deleting twice is harmless',
  'src/server/console/consoleStream.ts': "closes this instance's sockets whose sign-in session expired",
  'src/hub/sharedOnline.ts': "renews this instance's names on duty in Redis and reads everyone's",
  'src/server/directline/index.ts': 'the local Direct Line forgets idle conversations (BEACON_ENV=local only)',
  'src/server/directline/streamServer.ts': 'heartbeats on the local Direct Line streams (BEACON_ENV=local only)'
};

const STATE_PATTERNS = [
  /^\s+(?:(?:private|protected|public|readonly|static)\s+)+#?(\w+)(?:\??:\s*[^=]+)?\s*=\s*new\s+(?:Map|Set|WeakMap|WeakSet|EventEmitter|WebSocketServer)\b/,
  /^(?:export\s+)?(?:const|let)\s+(\w+)(?:\s*:\s*[^=]+)?\s*=\s*new\s+(?:Map|Set|WeakMap|WeakSet)\b/,
  /^(?:export\s+)?let\s+(\w+)/,
  /class\s+(\w+)\s+extends\s+(?:Map|Set|EventEmitter)\b/
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []
  );
}

function scan(): { state: string[]; timers: string[] } {
  const state: string[] = [];
  const timers = new Set<string>();
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    const relative = path.relative(ROOT, file).split(path.sep).join('/');
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const name = STATE_PATTERNS.map((p) => p.exec(line)?.[1]).find(Boolean);
      if (name) state.push(`${relative} ${name}`);
      if (/\bsetInterval\(/.test(line)) timers.add(relative);
    }
  }
  return { state, timers: [...timers] };
}

describe('what each module keeps in process memory', () => {
  const found = scan();

  it('lists every long-lived in-memory state in src/ with why it is safe with N instances', () => {
    const unlisted = found.state.filter((key) => !STATE[key]);
    expect(unlisted).toEqual([]);
  });

  it('has no inventory line whose code has gone', () => {
    expect(Object.keys(STATE).filter((key) => !found.state.includes(key))).toEqual([]);
    expect(Object.keys(TIMERS).filter((file) => !found.timers.includes(file))).toEqual([]);
  });

  it('lists every timer with why running it on every instance at once is safe', () => {
    expect(found.timers.filter((file) => !TIMERS[file])).toEqual([]);
  });

  it('calls local-only only what a scaled deployment never runs (the local Direct Line, the memory store)', () => {
    const localOnly = Object.entries(STATE).filter(([, e]) => e.kind === 'local-only').map(([key]) => key.split(' ')[0]!);
    expect(localOnly.filter((file) => !file.startsWith('src/server/directline/') && file !== 'src/storage/memoryStorage.ts')).toEqual([]);
  });
});
