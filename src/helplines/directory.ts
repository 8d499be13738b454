/**
 * The helpline directory: all country files, validated together at start-up (DESIGN.md §3), and the
 * questions the bot asks of them. Everything a caller gets from `get` and `servicesFor` is verified (see
 * `shownService.ts`); the raw files, needs-check values included, are only reachable through `reviewFile`,
 * which exists for the coverage report and for reviewers.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { canBeEmergencyRoute } from './emergencyRoute';
import { COVERED_COUNTRIES } from './members';
import type { CountryFile } from './schema';
import { showService, type ShownService } from './shownService';
import { DEFAULT_ORDER, TOPICS, URGENT_FIRST, type Topic } from './topics';
import { HelplineDataError, parseCountryFile } from './validation';
import type { Audience, ServiceType } from './vocabulary';

export interface CountryView {
  readonly code: string;
  readonly timeZone: string;
  readonly services: readonly ShownService[];
}

export interface ServiceQuery {
  audience?: Audience;
  topic?: Topic;
  /** Immediate danger: emergency and police numbers come first, for every audience. */
  urgent?: boolean;
}

export interface LoadOptions {
  /** The country codes that must each have a file; by default the 46 member states and Tunisia. */
  expected?: readonly string[];
}

/** Reads and validates every `<CC>.json` in `dir`; throws `HelplineDataError` listing every problem. */
export async function loadDirectory(dir: string, options: LoadOptions = {}): Promise<HelplineDirectory> {
  const expected = new Set(options.expected ?? COVERED_COUNTRIES);
  const names = (await readDir(dir)).filter((name) => name.endsWith('.json')).sort();
  const problems: string[] = [];
  const files: CountryFile[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const data = parseCountryFile(parseJson(await readFile(file, 'utf8'), file), file);
      if (name !== `${data.country}.json`) {
        problems.push(`${file}: country: is "${data.country}" but the file is named ${name}: rename the file or correct the code`);
      } else if (!expected.has(data.country)) {
        problems.push(`${file}: country: "${data.country}" is not covered (only the 46 Council of Europe member states and Tunisia): remove the file`);
      } else {
        files.push(data);
      }
    } catch (error) {
      if (!(error instanceof HelplineDataError)) throw error;
      problems.push(...error.problems);
    }
  }
  const found = new Set(names.map((name) => name.replace(/\.json$/, '')));
  for (const code of expected) {
    if (!found.has(code)) problems.push(`${path.join(dir, `${code}.json`)}: is missing: add a file for ${code} (see data/helplines/README.md)`);
  }
  if (problems.length > 0) throw new HelplineDataError(problems);
  return new HelplineDirectory(files);
}

async function readDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (cause) {
    throw new HelplineDataError([`${dir}: cannot be read (${(cause as NodeJS.ErrnoException).code ?? cause}): check the path`], { cause });
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new HelplineDataError([`${file}: (top level): is not valid JSON (${(cause as Error).message}): fix the syntax`], { cause });
  }
}

export class HelplineDirectory {
  private readonly views = new Map<string, CountryView>();
  private readonly files = new Map<string, CountryFile>();

  constructor(files: readonly CountryFile[]) {
    for (const file of files) {
      this.files.set(file.country, structuredClone(file));
      const services = file.services.map(showService).filter((s): s is ShownService => s !== undefined);
      this.views.set(file.country, Object.freeze({ code: file.country, timeZone: file.timeZone, services: Object.freeze(services) }));
    }
  }

  /** The country codes in the directory, sorted. */
  countries(): string[] {
    return [...this.views.keys()].sort();
  }

  /** A country's verified services, or undefined for a country not in the directory. */
  get(code: string): CountryView | undefined {
    return this.views.get(code.toUpperCase());
  }

  /** Verified services for a need, best first; empty when nothing verified fits (then see `missingTypes`). */
  servicesFor(code: string, query: ServiceQuery = {}): ShownService[] {
    const view = this.get(code);
    if (!view) return [];
    const order = [...new Set([...(query.urgent ? URGENT_FIRST : []), ...(query.topic ? TOPICS[query.topic] : DEFAULT_ORDER)])];
    // A paid or non-urgent police line keeps its ordinary place: it never moves to the front in danger.
    const isUrgentHelp = (s: ShownService) => query.urgent === true && canBeEmergencyRoute(s);
    const rank = (s: ShownService) =>
      isUrgentHelp(s) || !query.urgent
        ? Math.min(...[s.type, ...s.alsoServesAs].map((t) => order.indexOf(t)).filter((i) => i >= 0))
        : Math.min(...[s.type, ...s.alsoServesAs].map((t) => order.indexOf(t) + (URGENT_FIRST.includes(t) ? order.length : 0)).filter((i) => i >= 0));
    return view.services
      .filter((s) => Number.isFinite(rank(s)))
      .filter((s) => query.audience === undefined || s.audiences.includes(query.audience) || isUrgentHelp(s))
      .map((s, index) => ({ s, index, rank: rank(s) }))
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .map(({ s }) => s);
  }

  /** Of the wanted kinds of service, those with no verified service in the country, so the bot can say so. */
  missingTypes(code: string, wanted: readonly ServiceType[]): ServiceType[] {
    const services = this.get(code)?.services ?? [];
    return wanted.filter((type) => !services.some((s) => s.type === type || s.alsoServesAs.includes(type)));
  }

  /** The raw file, needs-check values and leads included: for the coverage report and reviewers, never for users. */
  reviewFile(code: string): CountryFile | undefined {
    const file = this.files.get(code.toUpperCase());
    return file && structuredClone(file);
  }
}
