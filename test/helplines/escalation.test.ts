/**
 * Escalation with fixed clocks: what a young person, a parent and an adult worried about their own thoughts
 * are given in France, the United Kingdom, Germany, Ukraine and Armenia (an emergency number and nothing
 * else verified), in English and French; the emergency number first when it is urgent; honest sentences for what
 * is missing; opening status in the country's local time; `tel:` links only where the channel has them.
 */
import { BotHarness, harnessClock, textsOf } from '../support/botHarness';
import type { Profile } from '../../src/bot/state';

/** Tuesday 10 March 2026, 14:30 in Paris and Berlin, 13:30 in London. */
const TUESDAY_AFTERNOON = new Date('2026-03-10T13:30:00Z');
/** Tuesday 10 March 2026, 23:30 in Paris. */
const TUESDAY_LATE = new Date('2026-03-10T22:30:00Z');

/**
 * "Find a helpline": the numbers come at once ('no': what is shown before "is anyone in danger now?"); 'yes' is
 * what the answer "yes, right now" to that question gives.
 */
async function helplines(profile: Profile, answer: 'yes' | 'no', options: { locale?: string; channelId?: string; now?: Date } = {}): Promise<string[]> {
  harnessClock.now = options.now ?? TUESDAY_AFTERNOON;
  const harness = await BotHarness.create({ locale: options.locale ?? 'en', channelId: options.channelId });
  const language = options.locale ?? 'en';
  const shown = textsOf(await harness.start('core/helplines', profile));
  if (answer === 'no') return shown;
  return textsOf(await harness.send(harness.bot.translator.t(language, `core/helplines:danger.${answer}`)));
}

afterAll(() => {
  harnessClock.now = undefined;
});

describe('a young person', () => {
  it('in France, not in danger: the child helpline open 24/7, the online-safety helpline open until 23:00, then 112', async () => {
    const texts = await helplines({ audience: 'young_person', country: 'FR' }, 'no');
    expect(texts[0]).toMatch(/^\*\*France\*\* — here is who can help/);
    expect(texts[1]).toMatch(/119 – helpline for children in danger/);
    expect(texts[1]).toMatch(/Call \[119\]\(tel:119\) · free · open 24\/7/);
    expect(texts[2]).toMatch(/3018/);
    expect(texts[2]).toMatch(/open now, until 23:00/);
    expect(texts[2]).toMatch(/\[Chat online\]\(https:\/\/3018\.fr\)/);
    expect(texts[3]).toBe('In danger right now? Call the emergency number **[112](tel:112)** (France).');
    expect(texts[4]).toBe('These details were last checked on 12 March 2026.');
    expect(texts[5]).toBe('Are you or someone else in danger right now?');
  });

  it('in France late at night, in French: the online-safety helpline opens on Wednesday at 09:00', async () => {
    const texts = await helplines({ audience: 'young_person', country: 'FR' }, 'no', { locale: 'fr', now: TUESDAY_LATE });
    // French is spoken in France: the service's own name (an English speaker gets its English name above).
    expect(texts[1]).toMatch(/^\*\*119 Allô Enfance en danger\*\* — ligne d'écoute/);
    expect(texts[2]).toMatch(/Appeler le \[3018\]\(tel:3018\) · gratuit · fermé pour l'instant — ouvre mercredi à 09:00/);
    expect(texts[3]).toBe("En danger maintenant ? Appelle le numéro d'urgence **[112](tel:112)** (France).");
  });

  it('in danger now: the emergency number comes first, then the child helpline, then the offer of a person', async () => {
    const texts = await helplines({ audience: 'young_person', country: 'DE' }, 'yes');
    expect(texts[0]).toBe('In danger right now? Call the emergency number **[112](tel:112)** (Germany).');
    expect(texts[1]).toMatch(/Nummer gegen Kummer/);
    expect(texts.join('\n')).toMatch(/isn't switched on here yet|person/i);
  });

  it('in Armenia: the emergency number 911, never 112 while its launch is under way; honest about the missing helplines', async () => {
    const texts = await helplines({ audience: 'young_person', country: 'AM' }, 'no');
    expect(texts).toContain("I don't have a checked helpline for children and young people in Armenia yet.");
    expect(texts).toContain("I don't have a checked online safety helpline in Armenia yet.");
    expect(texts).toContain('In danger right now? Call the emergency number **[911](tel:911)** (Armenia).');
    expect(texts.join('\n')).not.toMatch(/\b112\b/);
  });

  it('in Ukraine in danger: the police and the ambulance numbers, because 112 is not verified there (never shown as fact)', async () => {
    const texts = await helplines({ audience: 'young_person', country: 'UA' }, 'yes');
    expect(texts[0]).toBe('In danger right now? Call the police on **[102](tel:102)** or an ambulance on **[103](tel:103)** (Ukraine).');
    expect(texts.join('\n')).not.toMatch(/\b112\b/);
  });

  it('in Serbia in danger: the police on 192 and an ambulance on 194 first, never 112, which does not work there', async () => {
    const texts = await helplines({ audience: 'young_person', country: 'RS' }, 'yes');
    expect(texts[0]).toBe('In danger right now? Call the police on **[192](tel:192)** or an ambulance on **[194](tel:194)** (Serbia).');
    expect(texts[1]).toMatch(/NADEL/);
    expect(texts.join('\n')).not.toMatch(/\b112\b/);
  });

  it('in Serbia, in German, not in danger: the child helpline, then 192 and 194, then the day they were checked', async () => {
    const texts = await helplines({ audience: 'young_person', country: 'RS' }, 'no', { locale: 'de' });
    const emergency = texts.findIndex((t) => t.startsWith('Gerade in Gefahr?'));
    expect(texts[emergency]).toBe('Gerade in Gefahr? Ruf die Polizei unter **[192](tel:192)** oder den Rettungsdienst unter **[194](tel:194)** an (Serbien).');
    expect(texts[emergency + 1]).toBe('Diese Angaben wurden zuletzt am 12. März 2026 geprüft.');
    expect(texts.join('\n')).not.toMatch(/\b112\b/);
  });

  it('in Bosnia and Herzegovina in danger: police 122 and ambulance 124, never 112, which is not in service there', async () => {
    const texts = await helplines({ audience: 'young_person', country: 'BA' }, 'yes', { locale: 'fr' });
    expect(texts[0]).toBe('En danger maintenant ? Appelle la police au **[122](tel:122)** ou une ambulance au **[124](tel:124)** (Bosnie-Herzégovine).');
    expect(texts.join('\n')).not.toMatch(/\b112\b/);
  });

  it('in danger, the day the numbers were checked closes the last helpline message instead of adding one', async () => {
    const texts = await helplines({ audience: 'young_person', country: 'DE' }, 'yes');
    expect(texts[0]).toBe('In danger right now? Call the emergency number **[112](tel:112)** (Germany).');
    expect(texts[1]).toMatch(/^\*\*Nummer gegen Kummer[\s\S]*\n\nThese details were last checked on \d{1,2} \w+ \d{4}\.$/);
    expect(texts[2]).not.toMatch(/last checked/);
  });

  it('on Teams, numbers are text, not tel: links', async () => {
    const texts = await helplines({ audience: 'young_person', country: 'DE' }, 'yes', { channelId: 'msteams' });
    expect(texts[0]).toBe('In danger right now? Call the emergency number **112** (Germany).');
    expect(texts.join('\n')).not.toMatch(/tel:/);
  });
});

describe('the crisis interrupt', () => {
  it('in Serbia, a message about a meeting tonight gets police 192 and ambulance 194 first, with the day they were checked', async () => {
    harnessClock.now = TUESDAY_AFTERNOON;
    const harness = await BotHarness.create({ locale: 'en' });
    await harness.start('youth/grooming', { audience: 'young_person', ageBand: '13to17', country: 'RS' });
    const texts = textsOf(await harness.send('he wants to meet me tonight'));
    expect(texts[0]).toMatch(/^In danger right now\? Call the police on \*\*\[192\]\(tel:192\)\*\* or an ambulance on \*\*\[194\]\(tel:194\)\*\* \(Serbia\)\./);
    expect(texts[0]).toMatch(/\n\nThese details were last checked on \d{1,2} \w+ \d{4}\.$/);
    expect(texts.join('\n')).not.toMatch(/\b112\b/);
  });
});

describe('a parent', () => {
  it('in the United Kingdom: the parents\' line open now, where to report images, and 999', async () => {
    const texts = await helplines({ audience: 'parent', country: 'GB' }, 'no');
    expect(texts[1]).toMatch(/^\*\*NSPCC Helpline\*\* — helpline for parents and carers/);
    expect(texts[1]).toMatch(/Call \[0808 800 5000\]\(tel:\+448088005000\) · free · open now, until 22:00/);
    expect(texts[2]).toMatch(/Internet Watch Foundation.*report abuse images/s);
    expect(texts[2]).toMatch(/\[Report online\]\(https:\/\/www\.iwf\.org\.uk\/report\)/);
    expect(texts[3]).toBe('In danger right now? Call the emergency number **[999](tel:999)** (United Kingdom).');
  });

  it('in Belgium, in French: says there is no checked parents\' line or reporting point yet', async () => {
    const texts = await helplines({ audience: 'parent', country: 'BE' }, 'no', { locale: 'fr' });
    expect(texts).toContain("Je n'ai pas encore de ligne d'écoute vérifiée pour les parents dans ce pays (Belgique).");
    expect(texts).toContain("Je n'ai pas encore de service vérifié pour signaler des images d'abus dans ce pays (Belgique).");
    expect(texts).toContain("En danger maintenant ? Appelle le numéro d'urgence **[112](tel:112)** (Belgique).");
  });
});

describe('an adult worried about their own thoughts', () => {
  async function prevention(country: string, locale = 'en'): Promise<string[]> {
    harnessClock.now = TUESDAY_AFTERNOON;
    const harness = await BotHarness.create({ locale });
    await harness.start('adult/worried-about-myself', { audience: 'other_adult', country });
    // The script asks whether to go on before the part that offers the lines.
    await harness.send(harness.bot.translator.t(locale, 'core/next:more.whatCanIDo'));
    return textsOf(await harness.send(harness.bot.translator.t(locale, 'adult/worried-about-myself:show.yes')));
  }

  it('in the United Kingdom: the prevention line, with its hours honestly not confirmed', async () => {
    const texts = await prevention('GB');
    // English is spoken in the UK: the service's own name.
    expect(texts[1]).toMatch(/^\*\*Stop It Now! UK & Ireland\*\* — confidential help for adults worried about their own thoughts/);
    expect(texts[1]).toMatch(/Call \[0808 1000 900\]\(tel:\+448081000900\) · free · opening hours not confirmed/);
    expect(texts[2]).toBe('In danger right now? Call the emergency number **[999](tel:999)** (United Kingdom).');
  });

  it('in France, in French: no prevention line is verified yet, and it says so', async () => {
    const texts = await prevention('FR', 'fr');
    expect(texts).toContain("Je n'ai pas encore de ligne de prévention vérifiée dans ce pays (France).");
    expect(texts).toContain("En danger maintenant ? Appelle le numéro d'urgence **[112](tel:112)** (France).");
  });
});
