/**
 * Typing instead of tapping (issue: Beacon understands what people type, wherever they are): each kind of prompt
 * answered in free text, a question at "who is chatting today?", a parent's question without "I'm a parent", a
 * country in a sentence, and "who can I call" with and without a known country. Every case in every shipped language.
 */
import type { TranscriptCase } from '../transcriptTypes';

const teen = { audience: 'young_person', ageBand: '13to17' } as const;

const GROOMING_QUESTION = {
  en: 'what does grooming mean exactly',
  fr: "c'est quoi exactement le grooming",
  de: 'was ist grooming und woran erkenne ich es',
  es: 'qué es exactamente el grooming',
  it: "che cos'è esattamente il grooming",
  nl: 'wat is grooming nou precies',
  pl: 'co to właściwie jest grooming',
  tr: 'grooming tam olarak ne demek',
  uk: 'що таке грумінг і як його розпізнати',
  ro: 'ce inseamna de fapt grooming'
};
const PARENT_QUESTION = {
  en: 'what are the warning signs that my son is being groomed',
  fr: 'quels sont les signes que mon fils se fait manipuler par un adulte en ligne',
  de: 'woran erkenne ich, dass mein sohn online von einem erwachsenen manipuliert wird',
  es: 'cuáles son las señales de que un adulto está engañando a mi hijo por internet',
  it: 'quali sono i segnali che un adulto sta adescando mio figlio online',
  nl: 'wat zijn de signalen dat mijn zoon online gegroomd wordt',
  pl: 'jakie są sygnały, że dorosły uwodzi mojego syna w internecie',
  tr: 'oğlumun internette bir yetişkin tarafından kandırıldığını gösteren işaretler neler',
  uk: 'які ознаки що мого сина в інтернеті обманює дорослий',
  ro: 'care sunt semnele ca fiul meu e racolat online de un adult'
};
const AGE_14 = { en: "i'm 14", fr: "j'ai 14 ans", de: 'ich bin 14', es: 'tengo 14 años', it: 'ho 14 anni', nl: 'ik ben 14', pl: 'mam 14 lat', tr: '14 yaşındayım', uk: 'мені 14', ro: 'am 14 ani' };
const AGE_12 = { en: 'im 12', fr: "j'ai 12 ans", de: 'ich bin zwölf', es: 'tengo 12', it: 'ho 12 anni', nl: 'ik ben twaalf', pl: 'mam dwanaście lat', tr: '12 yasindayim', uk: 'мені дванадцять', ro: 'am doisprezece ani' };
const WHO_CAN_I_CALL = { en: 'who can I call?', fr: 'qui je peux appeler ?', de: 'wen kann ich anrufen?', es: '¿a quién puedo llamar?', it: 'chi posso chiamare?', nl: 'wie kan ik bellen?', pl: 'do kogo mogę zadzwonić?', tr: 'kimi arayabilirim?', uk: 'куди мені подзвонити?', ro: 'pe cine pot suna?' };
const NOT_IN_DANGER = { en: 'no, not right now', fr: 'non, pas maintenant', de: 'nein, gerade nicht', es: 'no, ahora no', it: 'no, non adesso', nl: 'nee, nu niet', pl: 'nie, nie teraz', tr: 'hayır, şu an değil', uk: 'ні, не зараз', ro: 'nu, nu acum' };
const IN_BELGIUM = { en: 'we live in Belgium', fr: 'on habite en Belgique', de: 'wir wohnen in Belgien', es: 'vivimos en Bélgica', it: 'abitiamo in Belgio', nl: 'we wonen in België', pl: 'mieszkamy w Belgii', tr: "Belçika'da yaşıyoruz", uk: 'ми живемо в Бельгії', ro: 'locuim în Belgia' };
const SAFE = { en: "nah i'm ok", fr: 'oui ça va', de: 'ja alles gut', es: 'sí, estoy bien', it: 'sì sto bene', nl: 'ja hoor, het gaat', pl: 'tak, wszystko ok', tr: 'yok iyiyim ya', uk: 'так, я в безпеці', ro: 'da, sunt bine' };
/** "I didn't mean that" inside a longer message, in a teenager's words (the crisis script's `inside` phrases). */
const MISTAKE = {
  en: 'sorry i didnt mean that, wrong button',
  fr: "oups c'est pas ce que je voulais dire",
  de: 'sorry, hab ich nicht so gemeint',
  es: 'perdón, no quise decir eso',
  it: 'scusa, non volevo dire questo',
  nl: 'sorry, zo bedoelde ik het niet hoor',
  pl: 'sorki, nie o to mi chodziło',
  tr: 'pardon öyle demek istemedim',
  uk: 'вибач, я не це мав на увазі',
  ro: 'am gresit, nu asta am vrut sa zic'
};
/** A wish to die or to hurt oneself, typed at the menu: the crisis script, then the correction above. */
const SELF_HARM_WISH = {
  en: 'i want to kill myself',
  fr: 'je veux me tuer',
  de: 'ich will mich umbringen',
  es: 'me quiero matar',
  it: 'voglio uccidermi',
  nl: 'ik wil mezelf doden',
  pl: 'chcę się zabić',
  tr: 'kendimi öldürmek istiyorum',
  uk: 'я хочу вбити себе',
  ro: 'vreau sa ma omor'
};
/** A threat to share pictures, in a child's words (sextortion: urgent, its first steps at once). */
const PICTURE_THREAT = {
  en: 'someone says he will send my pics to everyone',
  fr: "un mec me menace d'envoyer mes photos à tout le monde",
  de: 'einer droht, meine fotos an alle zu schicken',
  es: 'un chico me amenaza con pasar mis fotos a todos',
  it: 'un tipo mi minaccia di mandare le mie foto a tutti',
  nl: 'iemand dreigt mijn fotos naar iedereen te sturen',
  pl: 'jakiś typ grozi, że roześle moje zdjęcia wszystkim',
  tr: 'biri fotoğraflarımı herkese yaymakla tehdit ediyor',
  uk: 'хлопець погрожує розіслати мої фото всім',
  ro: 'un tip mă amenință că îmi trimite pozele la toți'
};
/** Hello, as people type it. */
const HELLO = { en: 'hey', fr: 'coucou', de: 'hallo', es: 'holaa', it: 'ciao', nl: 'hoi', pl: 'siema', tr: 'selam', uk: 'привіт', ro: 'buna' };

export const cases: TranscriptCase[] = [
  {
    name: 'typing: a question at "who is chatting today?" is answered at once, in the young person\'s words',
    script: 'start',
    turns: [
      [{ start: true }, ['who.prompt']],
      [{ typed: GROOMING_QUESTION }, ['youth/grooming:intro.1', 'youth/grooming:where.prompt']]
    ]
  },
  {
    name: 'typing: a hello at "who is chatting today?" gets a hello back and the question again, not "didn\'t catch that"',
    script: 'start',
    turns: [
      [{ start: true }, ['who.prompt']],
      [{ typed: HELLO }, ['common:engine.greeted', 'who.prompt']],
      [{ typed: AGE_14 }, ['menu/youth:prompt']]
    ]
  },
  {
    name: 'typing: a parent\'s question without pressing "I\'m a parent" gets the parents\' lesson',
    script: 'start',
    turns: [
      [{ start: true }, ['who.prompt']],
      [{ typed: PARENT_QUESTION }, ['parent/warning-signs:intro.1']]
    ]
  },
  {
    name: 'typing: an age at "who is chatting today?" is a young person of that age, and no age question follows',
    script: 'start',
    turns: [
      [{ start: true }, ['who.prompt']],
      [{ typed: AGE_14 }, ['menu/youth:prompt']]
    ]
  },
  {
    name: 'typing: an age at "which age group?" answers it',
    script: 'start',
    turns: [
      [{ start: true }, ['who.prompt']],
      [{ choose: 'who.young' }, ['age.prompt']],
      [{ typed: AGE_12 }, ['menu/youth:prompt']]
    ]
  },
  {
    name: 'typing: a question at the menu opens its lesson, and "back" returns to the menu',
    script: 'menu/youth',
    profile: teen,
    turns: [
      [{ start: true }, ['prompt']],
      [{ typed: GROOMING_QUESTION }, ['youth/grooming:intro.1', 'youth/grooming:where.prompt']],
      [{ say: 'common:commands.back' }, ['prompt']]
    ]
  },
  {
    name: 'typing: "who can I call" in the middle of a lesson, with a known country, gives its numbers at once, then the lesson goes on',
    script: 'youth/grooming',
    profile: { audience: 'young_person', ageBand: '13to17', country: 'GB' },
    turns: [
      [{ start: true }, ['where.prompt']],
      [{ typed: WHO_CAN_I_CALL }, ['helplines:heading', 'helplines:service.title', 'core/helplines:danger.prompt']],
      [{ typed: NOT_IN_DANGER }, ['where.prompt']]
    ]
  },
  {
    name: 'typing: "who can I call" without a known country gives 116 111 and 112 at once and asks it; a country in a sentence answers it',
    script: 'menu/parent',
    profile: { audience: 'parent', country: undefined },
    turns: [
      [{ start: true }, ['prompt']],
      [{ typed: WHO_CAN_I_CALL }, ['helplines:country.europe', 'helplines:country.prompt']],
      [{ typed: IN_BELGIUM }, ['helplines:heading', 'helplines:urgent.emergency', 'core/helplines:danger.prompt']],
      [{ typed: NOT_IN_DANGER }, ['prompt']]
    ]
  },
  {
    name: 'typing: a threat to share pictures, typed at the menu, gets the sextortion steps at once, not the emergency number',
    script: 'menu/youth',
    profile: teen,
    turns: [
      [{ start: true }, ['prompt']],
      [{ typed: PICTURE_THREAT }, ['youth/sextortion:intro.1']]
    ]
  },
  {
    name: 'typing: "are you safe right now?" answered in words',
    script: 'core/crisis',
    profile: teen,
    turns: [
      [{ start: true }, ['safe.prompt']],
      [{ typed: SAFE }, ['relieved.1']]
    ]
  },
  {
    name: 'typing: "are you safe right now?" answered with "I didn\'t mean that" inside a sentence',
    script: 'core/crisis',
    profile: teen,
    turns: [
      [{ start: true }, ['safe.prompt']],
      [{ typed: MISTAKE }, ['corrected.1']]
    ]
  },
  {
    name: 'typing: a self-harm message at the menu, then "I didn\'t mean that": back to the menu, not to a lesson the router guessed',
    script: 'menu/youth',
    profile: teen,
    turns: [
      [{ start: true }, ['prompt']],
      [{ typed: SELF_HARM_WISH }, ['helplines:urgent.emergency', 'core/crisis:selfHarm.1', 'core/crisis:safe.prompt']],
      [{ typed: MISTAKE }, ['core/crisis:corrected.1', 'prompt']]
    ]
  },
  {
    name: 'typing: Ukrainian typed in Latin letters is read as Ukrainian, at every kind of prompt',
    script: 'start',
    profile: { country: undefined },
    languages: ['uk'],
    turns: [
      [{ start: true }, ['who.prompt']],
      [{ text: 'meni 14' }, ['menu/youth:prompt']],
      [{ text: 'shcho take hruming' }, ['youth/grooming:intro.1', 'youth/grooming:where.prompt']],
      [{ text: 'kudy meni podzvonyty?' }, ['helplines:country.europe', 'helplines:country.prompt']],
      [{ text: 'my zhyvemo v Polshchi' }, ['helplines:heading', 'helplines:urgent.emergency', 'core/helplines:danger.prompt']],
      [{ text: 'ni, ne zaraz' }, ['youth/grooming:where.prompt']]
    ]
  }
];
