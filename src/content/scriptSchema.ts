/**
 * The format of a script in `dialogs/`: structure only, every sentence a key into `locales/<lang>/<id>.json`.
 * A small, closed set of step types; a new kind of behaviour is a new step type (code, schema, test), never a
 * trick inside a script. `npm run content:schema` writes the JSON Schema generated from this for editors.
 */
import { z } from 'zod/v4';
import { DANGER_KINDS, DANGER_LEVELS } from '../safety/dangerReading';

/** A key into the script's own namespace ("intro.1") or another one ("common:answers.yes"). */
const textKey = z.string().regex(/^([a-z0-9/_-]+:)?[A-Za-z0-9_.-]+$/, 'must be a translation key like "intro.1"');
const stepId = z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be a step id of letters, digits, "-" or "_"');
const scriptRef = z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'must be a script id like "youth/grooming"');

export const audiences = ['young_person', 'parent', 'other_adult'] as const;
export const ageBands = ['under13', '13to17', 'unspecified'] as const;
export const profileFields = ['audience', 'ageBand', 'country', 'language'] as const;
export const helplineUrgencies = ['emergency', 'urgent', 'info'] as const;
export const helplineTopics = ['general', 'images', 'grooming', 'sextortion', 'abuse', 'prevention', 'parenting'] as const;

const link = z.object({ title: textKey, url: z.string().regex(/^https:\/\//, 'links must be https://') });
const profileValue = z.object({ field: z.enum(profileFields), value: z.string().min(1) });

const say = z.object({
  type: z.literal('say'),
  messages: z.array(textKey).min(1),
  links: z.array(link).optional(),
  next: stepId.optional()
});

const choice = z.object({
  id: z.string().regex(/^[a-z0-9_-]+$/),
  title: textKey,
  /** A key whose value is a list of other words that mean this choice. */
  synonyms: textKey.optional(),
  /** Remember something the user chose to tell (e.g. their audience). */
  set: profileValue.optional(),
  /** The choice is this question's "yes" (or "no"): typed yes/no words in any shipped language choose it. */
  means: z.enum(['yes', 'no']).optional(),
  /**
   * A key whose list holds phrases that choose this choice wherever they stand in a message ("sorry, I didn't
   * mean that"), taken only when nothing in the message reads as danger. They must be unmistakable: never words
   * a child might use about what happened to them ("I made a mistake" is not one).
   */
  inside: textKey.optional(),
  next: stepId.optional()
});

const ask = z.object({
  type: z.literal('ask'),
  prompt: textKey,
  choices: z.array(choice).min(1).max(10),
  /** Where a typed answer that matches no choice goes; without it the bot re-prompts once, then offers the menu. */
  freeText: stepId.optional()
});

const answer = z.object({ id: z.string().regex(/^[a-z0-9_-]+$/), title: textKey, score: z.number().int().min(0).max(10), feedback: textKey });
const question = z.object({ id: z.string().regex(/^[a-z0-9_-]+$/), prompt: textKey, answers: z.array(answer).min(2).max(6) });
/** A score band: its feedback, and optionally where to go after it instead of the quiz's `next` (e.g. a person at once). */
const band = z.object({ min: z.number().int().min(0), max: z.number().int().min(0), feedback: textKey, next: stepId.optional() });

const quiz = z.object({
  type: z.literal('quiz'),
  intro: textKey.optional(),
  questions: z.array(question).min(1).max(12),
  bands: z.array(band).min(1),
  next: stepId.optional()
});

const call = z.object({ type: z.literal('call'), script: scriptRef, next: stepId.optional() });
const set = z.object({ type: z.literal('set'), field: z.enum(profileFields), value: z.string().min(1), next: stepId.optional() });
/**
 * Goes on by a value: a profile field, or the level or kind of the danger reading that started the crisis
 * script (`danger.level`, `danger.kind`), so that it speaks to what was said. Cases for danger must name
 * a level or kind that exists.
 */
export const branchFields = [...profileFields, 'danger.level', 'danger.kind'] as const;
const dangerValues: Partial<Record<(typeof branchFields)[number], readonly string[]>> = { 'danger.level': DANGER_LEVELS, 'danger.kind': DANGER_KINDS };
const branch = z
  .object({
    type: z.literal('branch'),
    field: z.enum(branchFields),
    cases: z.record(z.string(), stepId),
    default: stepId
  })
  .superRefine((step, context) => {
    const allowed = dangerValues[step.field];
    for (const value of Object.keys(step.cases)) {
      if (allowed && !allowed.includes(value)) context.addIssue({ code: 'custom', path: ['cases', value], message: `"${value}" is not a ${step.field}; use one of ${allowed.join(', ')}` });
    }
  });
/**
 * Shows helpline numbers for the user's country; when the country is not known yet, asks for it first.
 * "emergency": the emergency number alone (the crisis interrupt's first words); "urgent": the emergency number
 * first, then the helpline to call now; "info": the services that fit the audience and topic.
 */
const helplines = z.object({
  type: z.literal('helplines'),
  urgency: z.enum(helplineUrgencies).default('info'),
  topic: z.enum(helplineTopics).default('general'),
  audience: z.enum(audiences).optional(),
  /** Ask "which country are you in?" when it is not known (default); false: show the generic line instead. */
  askCountry: z.boolean().default(true),
  next: stepId.optional()
});
const handoff = z.object({ type: z.literal('handoff'), topic: z.enum(helplineTopics).default('general'), next: stepId.optional() });
const end = z.object({ type: z.literal('end'), message: textKey.optional() });
/**
 * Ends an interruption (the crisis check) and goes on with what the interrupted message asked for: the answer
 * it gave to the question below, or the topic it was routed to. Only meaningful in a script that interrupts.
 */
const resume = z.object({ type: z.literal('resume') });

export const stepSchema = z.discriminatedUnion('type', [say, ask, quiz, call, set, branch, helplines, handoff, end, resume]);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** Where a fact comes from; a legal text also names the articles it holds and the day a person last checked them. */
const source = z.object({
  title: z.string().min(1),
  url: z.string().regex(/^https:\/\//, 'sources must be https://'),
  /** Article numbers of a treaty or law that this source holds ("20", "23"): the lanzarote-sources rule reads them. */
  articles: z.array(z.string().regex(/^\d+$/, 'an article number like "20"')).optional(),
  /** The day a person last read the source and checked what the script says against it. */
  checkedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').optional()
});

export const metaSchema = z.object({
  owner: z.string().min(1),
  /** Who reviewed the content, or a note that it awaits review (and by whom it should be reviewed). */
  reviewedBy: z.string().min(1),
  /** When it was reviewed by a person; null until then. */
  reviewedAt: isoDate.nullable(),
  /** Per shipped language: whether a native speaker has reviewed the text ("reviewed") or not yet. */
  translations: z.record(z.string().regex(/^[a-z]{2}$/), z.enum(['needs-review', 'reviewed'])),
  sources: z.array(source).min(1),
  audience: z.array(z.enum([...audiences, 'all'])).min(1)
});

export const scriptSchema = z.object({
  $schema: z.string().optional(),
  meta: metaSchema,
  /** Shown in menus and "did you mean" questions: a key in this script's namespace. */
  title: textKey,
  /** Whether free-text questions may be routed here (menus and helpers are not destinations). */
  routable: z.boolean().default(true),
  start: stepId,
  steps: z.record(stepId, stepSchema)
});

export type Script = z.infer<typeof scriptSchema> & { id: string };
export type Step = z.infer<typeof stepSchema>;
export type AskStep = z.infer<typeof ask>;
export type QuizStep = z.infer<typeof quiz>;
export type HelplinesStep = z.infer<typeof helplines>;
export type BranchField = (typeof branchFields)[number];
export type HelplineUrgency = (typeof helplineUrgencies)[number];
export type HelplineTopic = (typeof helplineTopics)[number];
export type Choice = z.infer<typeof choice>;
export type Audience = (typeof audiences)[number];
export type AgeBand = (typeof ageBands)[number];
export type ProfileField = (typeof profileFields)[number];

/** The JSON Schema for editors, generated from the zod schema (not committed: `npm run content:schema`). */
export function scriptJsonSchema(): unknown {
  return z.toJSONSchema(scriptSchema, { io: 'input' });
}
