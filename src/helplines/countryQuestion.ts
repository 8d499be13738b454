/**
 * "Which country are you in?" – asked by a helplines step when it first needs the country (issue 5 item 3).
 * The question always opens with "112 works in most of Europe", so that someone in danger has a number before
 * they answer anything. Suggestions come from the locale's region first (`fr-BE` → Belgium), never from the IP
 * address; a typed name is understood in any shipped language and in the country's own ("Deutschland",
 * "Türkiye", "UK"). The answer is kept in the user's profile. Skipping is allowed (minimum data): then the
 * conversation goes on with the generic emergency line and is not asked again.
 */
import type { TurnContext } from 'botbuilder';
import type { BeaconState } from '../bot/state';
import type { Translator } from '../content/translator';
import { matchChoice } from '../engine/choiceMatcher';
import type { CountryAnswer, CountryAsker } from '../engine/engineServices';
import { sendChoices, sendTexts } from '../engine/output';
import { countryName, resolveCountry, suggestFromLocale } from './countryNames';

/** Buttons for likely countries; more would crowd out "Skip" on small screens. */
const SUGGESTIONS = 4;
const SKIP = 'skip';

export class CountryQuestion implements CountryAsker {
  constructor(
    private readonly translator: Translator,
    private readonly state: BeaconState
  ) {}

  async needed(context: TurnContext): Promise<boolean> {
    const profile = await this.state.profile.get(context, {});
    const data = await this.state.conversationData.get(context, {});
    return !profile.country && !data.countryDeclined;
  }

  /**
   * Asks the country. Before the question, the number for danger now; or, when the user asked for helplines
   * (`numbersFirst`), the two numbers that work in most of Europe, so the first reply already gives a number.
   */
  async ask(context: TurnContext, language: string, retry = false, numbersFirst = false): Promise<void> {
    const before = retry ? 'helplines:country.notFound' : numbersFirst ? 'helplines:country.europe' : 'helplines:country.emergency';
    await sendTexts(context, [this.t(language, before)], language);
    const options = this.options(context, language).map(({ title }) => ({ title, value: title }));
    await sendChoices(context, this.t(language, 'helplines:country.prompt'), options, language, this.t(language, 'engine.numberedHint'));
  }

  /** Understands the answer and keeps a country in the profile; "unknown" when nothing matched. */
  async answer(context: TurnContext, text: string | undefined, value: unknown, language: string): Promise<CountryAnswer> {
    const options = this.options(context, language);
    const index = matchChoice(options.map((o) => ({ id: o.id, phrases: o.phrases })), text, value);
    const chosen = index === undefined ? undefined : options[index]!.id;
    if (chosen === SKIP) return 'skipped';
    const code = chosen ?? resolveCountry(text ?? '');
    if (!code) return 'unknown';
    const profile = await this.state.profile.get(context, {});
    profile.country = code;
    await this.state.profile.set(context, profile);
    return 'found';
  }

  /** Goes on without a country for the rest of this conversation. */
  async decline(context: TurnContext, language: string): Promise<void> {
    const data = await this.state.conversationData.get(context, {});
    data.countryDeclined = true;
    await this.state.conversationData.set(context, data);
    await sendTexts(context, [this.t(language, 'helplines:country.giveUp')], language);
  }

  choices(context: TurnContext, language: string): { id: string; phrases: string[] }[] {
    return this.options(context, language).map(({ id, phrases }) => ({ id, phrases: [...phrases] }));
  }

  /** Likely countries for the channel's locale (or the language), then "Skip". */
  private options(context: TurnContext, language: string): { id: string; title: string; phrases: string[] }[] {
    const codes = suggestFromLocale(context.activity.locale ?? language).slice(0, SUGGESTIONS);
    const countries = codes.map((code) => ({ id: code, title: countryName(code, language), phrases: [countryName(code, language)] }));
    const skip = { id: SKIP, title: this.t(language, 'helplines:country.skip'), phrases: [this.t(language, 'helplines:country.skip'), ...this.translator.list(language, 'helplines:country.skipSynonyms')] };
    return [...countries, skip];
  }

  private t(language: string, key: string): string {
    return this.translator.t(language, key);
  }
}
