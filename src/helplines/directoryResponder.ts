/**
 * The helpline responder on the sourced directory (DESIGN.md rules 1, 9, 10): the emergency route first when
 * it is urgent (emergencyRoute.ts: 112, or police and ambulance where a country has no general number), then the
 * services that fit the person and the topic (see helplinePlan.ts), each with how to reach it and whether it is
 * open now in its country's time; an honest sentence for each kind of service the country has nothing verified
 * for; the emergency number at least, always; and the day the numbers shown were last checked. If the directory could not be
 * loaded or a lookup fails, the user still gets "112 in most of Europe", and the error is logged without text.
 */
import type { TurnContext } from 'botbuilder';
import type { Profile } from '../bot/state';
import { capabilitiesFor } from '../channels/capabilities';
import type { HelplinesStep } from '../content/scriptSchema';
import type { Translator } from '../content/translator';
import { markHelplinesListed, type HelplineResponder } from '../engine/engineServices';
import { sendTexts } from '../engine/output';
import { hashId, type Logger } from '../logging/logger';
import { COUNTRY_LANGUAGES } from './countryAliases';
import { countryName } from './countryNames';
import type { HelplineDirectory } from './directory';
import { emergencyRoute } from './emergencyRoute';
import { pickServices } from './pickServices';
import { PER_TYPE, wantedTypes } from './helplinePlan';
import { phoneText, serviceText, type ServiceTextOptions } from './serviceText';
import type { ShownService } from './shownService';

export interface DirectoryResponderOptions {
  translator: Translator;
  /** Undefined when the directory could not be loaded at start-up: every answer is then the fail-safe one. */
  directory: HelplineDirectory | undefined;
  /** "Now", injectable so that tests can fix the time of day. */
  clock: () => Date;
  logger: Logger;
}

type Step = Pick<HelplinesStep, 'urgency' | 'topic' | 'audience'> & { askCountry?: boolean };

export class DirectoryResponder implements HelplineResponder {
  constructor(private readonly options: DirectoryResponderOptions) {}

  async show(context: TurnContext, step: Step, profile: Profile, language: string): Promise<void> {
    let texts: string[];
    try {
      texts = this.compose(step, profile, language, context.activity.channelId);
    } catch (error) {
      const err = error as Error;
      this.options.logger.error({ event: 'helplines_failed', conversation: hashId(context.activity.conversation?.id), country: profile.country, err: { name: err.name, message: err.message } });
      texts = [this.t(language, 'error.emergency'), this.t(language, 'helplines:unavailable')];
    }
    await sendTexts(context, texts, language);
    if (profile.country && step.urgency !== 'emergency') markHelplinesListed(context);
  }

  /** The messages for a step, in order; throws when the directory is unavailable. */
  compose(step: Step, profile: Profile, language: string, channelId?: string): string[] {
    const { directory } = this.options;
    if (!directory) throw new Error('The helpline directory was not loaded at start-up (see the start-up log).');
    const view = profile.country ? directory.get(profile.country) : undefined;
    // A step that shows the emergency number without asking the country (the crisis check's "did I get that
    // right?") gives it in one line: the question that follows matters more than how to name a country.
    if (!view) return step.urgency === 'emergency' && step.askCountry === false ? [this.t(language, 'error.emergency')] : [this.t(language, 'error.emergency'), this.t(language, 'helplines:noCountry')];

    const t = (key: string, values?: Record<string, unknown>) => this.t(language, key, values);
    const country = countryName(view.code, language);
    const text: ServiceTextOptions = {
      t, language, telLinks: capabilitiesFor(channelId).telLinks, now: this.options.clock(), timeZone: view.timeZone, countryLanguages: COUNTRY_LANGUAGES[view.code] ?? []
    };
    const route = emergencyRoute(view);
    const emergencyLine = this.emergencyLine(route, country, text.telLinks, language);
    const checked = (shown: readonly ShownService[]) => checkedLine(shown, language, t);
    if (step.urgency === 'emergency') return closeWith([emergencyLine], checked(route));

    const wanted = wantedTypes(step.urgency, step.topic, step.audience ?? profile.audience);
    const picked = pickServices(view, wanted, { audience: step.audience ?? profile.audience, perType: PER_TYPE, exclude: route.map((s) => s.id) });
    // The emergency number reaches the police too: no "no police number" when there is one.
    const missing = picked.missing.filter((type) => !(type === 'police' && route.length > 0));
    const services = picked.shown.map((s) => serviceText(s, text));
    const gaps = missing.map((type) => t(`helplines:missing.${type}`, { country }));
    const shown = [...route, ...picked.shown];
    if (step.urgency === 'urgent') return closeWith([emergencyLine, ...services, ...gaps], checked(shown));
    const date = checked(shown);
    return [t('helplines:heading', { country }), ...services, ...gaps, emergencyLine, ...(date ? [date] : [])];
  }

  /** "Call the emergency number 112", "Call the police on 102", or, without a general number, police and ambulance. */
  private emergencyLine(route: readonly ShownService[], country: string, telLinks: boolean, language: string): string {
    const t = (key: string, values?: Record<string, unknown>) => this.t(language, key, values);
    const [first] = route;
    if (!first?.phone) return t('helplines:urgent.none', { country });
    if (route.length === 1 && first.emergencyKind === undefined) {
      return t(first.type === 'emergency' ? 'helplines:urgent.emergency' : 'helplines:urgent.police', { number: phoneText(first.phone, telLinks), country });
    }
    const numbers = route.map((s) => t(`helplines:urgent.via.${s.emergencyKind ?? 'police'}`, { number: phoneText(s.phone!, telLinks) }));
    return t('helplines:urgent.several', { numbers: new Intl.ListFormat(language, { type: 'disjunction' }).format(numbers), country });
  }

  private t(language: string, key: string, values: Record<string, unknown> = {}): string {
    return this.options.translator.t(language, key, values);
  }
}

/** "These details were last checked on …": the oldest check among the services shown (DESIGN.md rule 9). */
function checkedLine(shown: readonly ShownService[], language: string, t: (key: string, values?: Record<string, unknown>) => string): string | undefined {
  const date = shown.map((s) => s.checkedAt).sort()[0];
  return date === undefined ? undefined : t('helplines:checked', { date: longDate(date, language) });
}

/** In danger, the date closes the last message instead of adding one more message for a child to read. */
function closeWith(texts: string[], line: string | undefined): string[] {
  return line === undefined ? texts : [...texts.slice(0, -1), `${texts[texts.length - 1]}\n\n${line}`];
}

/** "12 March 2026"; English in its European form, since Beacon serves Europe. */
function longDate(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T12:00:00Z`));
}
