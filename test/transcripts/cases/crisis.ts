/**
 * The crisis check in every shipped language, in the child's own words: each kind of immediate danger
 * interrupts a lesson and an open question with the emergency number first, then the line for that kind;
 * after "I'm safe right now" a message about suicide or self-harm is heard and answered with the helplines
 * and a person, never the generic reply; and when the check is unsure it asks, kindly, and goes on.
 * The messages are written here for the cases, not taken from the labelled sets.
 */
import type { TranscriptCase } from '../transcriptTypes';

const teen = { audience: 'young_person', ageBand: '13to17' } as const;
const KINDS = ['meeting', 'present', 'threat', 'confined', 'selfHarm', 'childNow'] as const;
type Kind = (typeof KINDS)[number];

const MESSAGES: Record<string, Record<Kind, string>> = {
  en: {
    meeting: 'a man from snap is picking me up after school today and said not to tell anyone',
    present: 'a man is banging on my door right now',
    threat: 'he said he will stab me tonight',
    confined: 'he locked me in his room and wont let me leave',
    selfHarm: 'i swallowed all my pills',
    childNow: 'my 12 year old daughter is in a strangers car right now'
  },
  fr: {
    meeting: "un homme de snap vient me chercher après les cours aujourd'hui et m'a dit de rien dire",
    present: 'un homme tape à ma porte en ce moment',
    threat: "il a dit qu'il va me poignarder ce soir",
    confined: "il m'a enfermée dans sa chambre et me laisse pas partir",
    selfHarm: "j'ai avalé tous mes cachets",
    childNow: 'mon fils est avec un homme inconnu en ce moment et ne répond pas'
  },
  de: {
    meeting: 'ein mann von snap holt mich heute nach der schule ab und ich soll es niemandem sagen',
    present: 'ein mann hämmert gerade an meine tür',
    threat: 'er hat gesagt er sticht mich heute abend ab',
    confined: 'er hat mich in seinem zimmer eingesperrt und lässt mich nicht gehen',
    selfHarm: 'ich habe alle meine tabletten geschluckt',
    childNow: 'meine tochter ist gerade mit einem fremden mann im auto weg'
  },
  es: {
    meeting: 'he quedado con un hombre de internet esta noche en el parque',
    present: 'un hombre está golpeando mi puerta ahora mismo',
    threat: 'dijo que me va a apuñalar esta noche',
    confined: 'me ha encerrado en su cuarto y no me deja irme',
    selfHarm: 'me he tomado todas mis pastillas',
    childNow: 'mi hija de 12 años está en el coche de un desconocido ahora mismo'
  },
  it: {
    meeting: 'un uomo conosciuto su snap mi viene a prendere oggi dopo scuola e mi ha detto di non dirlo a nessuno',
    present: "c'è un uomo fuori dalla mia porta che bussa adesso",
    threat: 'ha detto che stasera mi accoltella',
    confined: 'mi ha chiusa nella sua stanza e non mi lascia andare',
    selfHarm: 'ho ingoiato tutte le mie pillole',
    childNow: 'mia figlia di 12 anni è nella macchina di uno sconosciuto adesso'
  },
  nl: {
    meeting: 'een man van snap haalt me vandaag na school op en zei dat ik het niemand mag vertellen',
    present: 'een man bonkt nu op mijn deur',
    threat: 'hij zei dat hij me vanavond neersteekt',
    confined: 'hij heeft me in zijn kamer opgesloten en laat me niet gaan',
    selfHarm: 'ik heb al mijn pillen geslikt',
    childNow: 'mijn dochter van 12 zit nu in de auto van een vreemde'
  },
  pl: {
    meeting: 'facet ze snapa odbiera mnie dziś po szkole i mam nikomu nie mówić',
    present: 'jakiś mężczyzna wali teraz w moje drzwi',
    threat: 'powiedział, że dziś wieczorem dźgnie mnie nożem',
    confined: 'zamknął mnie w swoim pokoju i nie pozwala mi wyjść',
    selfHarm: 'połknęłam wszystkie swoje tabletki',
    childNow: 'mój syn jest teraz z obcym mężczyzną i nie odbiera'
  },
  uk: {
    meeting: 'чоловік з телеграму забере мене сьогодні після школи і сказав нікому не казати',
    present: 'якийсь чоловік зараз ломиться в мої двері',
    threat: 'він сказав що сьогодні ввечері вб\'є мене ножем',
    confined: 'він замкнув мене у своїй кімнаті і не відпускає',
    selfHarm: 'я випила всі свої таблетки',
    childNow: 'моя 12-річна донька зараз у машині з незнайомим чоловіком'
  },
  ro: {
    meeting: 'un tip de pe snap ma ia azi dupa scoala si mi-a zis sa nu spun nimanui',
    present: 'un barbat bate acum tare la usa mea',
    threat: 'a zis ca diseara ma injunghie',
    confined: 'm-a incuiat in camera lui si nu ma lasa sa plec',
    selfHarm: 'am inghitit toate pastilele mele',
    childNow: 'fiica mea de 12 ani e acum in masina unui strain'
  }
};

/**
 * Messages the check is unsure about: it shows the number and asks. Where a message falls depends on the trained
 * classifier and the thresholds (`DECISION`), so these are re-picked whenever those are chosen again; each is one
 * a helpline worker would answer with "are you in danger now?" rather than with an emergency.
 */
const UNSURE: Record<string, string> = {
  en: 'i think someone knows where i live',
  fr: "j'ai un peu peur, il sait où j'habite",
  de: 'ich glaub jemand beobachtet mich',
  es: 'tengo miedo de él',
  it: 'ho paura, sa dove abito',
  nl: 'ik ben een beetje bang voor iemand die ik online ken',
  pl: 'chyba wie, gdzie mieszkam',
  uk: 'мені здається хтось знає де я живу',
  ro: 'cred ca cineva stie unde locuiesc'
};

const interrupted = (kind: Kind) => ['helplines:urgent.emergency', `core/crisis:${kind}.1`, 'core/crisis:safe.prompt'];

const afterSafe = (kind: Kind) =>
  kind === 'selfHarm'
    ? ['core/crisis:heard.1', 'core/crisis:heard.2', 'helplines:heading', 'core/crisis:person.prompt']
    : ['core/crisis:relieved.1', 'helplines:heading', 'core/crisis:person.prompt'];

export const cases: TranscriptCase[] = Object.entries(MESSAGES).flatMap(([language, messages]): TranscriptCase[] => [
  ...KINDS.map((kind): TranscriptCase => ({
    name: `crisis (${language}): ${kind} interrupts a lesson; after "I'm safe right now" a person is offered`,
    script: 'youth/grooming',
    profile: teen,
    languages: [language],
    turns: [
      [{ start: true }, ['where.prompt']],
      [{ text: messages[kind] }, interrupted(kind)],
      [{ choose: 'core/crisis:safe.safe' }, afterSafe(kind)],
      [{ choose: 'core/crisis:person.person' }, ['common:handoff.unavailable']]
    ]
  })),
  ...KINDS.map((kind): TranscriptCase => ({
    name: `crisis (${language}): ${kind} interrupts an open question; "not safe" gets the number again and a person`,
    script: 'menu/youth',
    profile: teen,
    languages: [language],
    turns: [
      [{ start: true }, ['prompt']],
      [{ text: messages[kind] }, interrupted(kind)],
      [{ choose: 'core/crisis:safe.notsafe' }, ['core/crisis:urgent.1', 'helplines:urgent.emergency', 'common:handoff.unavailableAbove']]
    ]
  })),
  {
    name: `crisis (${language}): when unsure, the number in one line and "are you in danger now?"; "no" goes on`,
    script: 'youth/grooming',
    profile: teen,
    languages: [language],
    turns: [
      [{ start: true }, ['where.prompt']],
      [{ text: UNSURE[language]! }, ['helplines:urgent.emergency', 'core/crisis:check.prompt']],
      [{ choose: 'core/crisis:checkAsk.fine' }, ['core/crisis:check.ok']]
    ]
  },
  {
    name: `crisis (${language}): when unsure and the answer is "yes, I'm in danger", the line for the danger and "are you safe?"`,
    script: 'menu/youth',
    profile: teen,
    languages: [language],
    turns: [
      [{ start: true }, ['prompt']],
      [{ text: UNSURE[language]! }, ['helplines:urgent.emergency', 'core/crisis:check.prompt']],
      [{ choose: 'core/crisis:checkAsk.danger' }, ['core/crisis:safe.prompt']]
    ]
  }
]);
