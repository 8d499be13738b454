/**
 * Transcript cases for the answers added after the December 2026 content review: "Did I break the law by
 * sending a nude?", how to tell an adult, and getting a picture removed when you don't have it.
 */
import type { TranscriptCase } from '../transcriptTypes';

const teen = { audience: 'young_person', ageBand: '13to17' } as const;
const child = { audience: 'young_person', ageBand: 'under13' } as const;
const NEXT = 'core/next:prompt';
const MORE = 'core/next:more.prompt';

export const cases: TranscriptCase[] = [
  {
    name: 'did-i-break-the-law: calm, no legal advice, the victim is not the offender, then how to tell an adult',
    script: 'youth/did-i-break-the-law',
    profile: teen,
    turns: [
      [{ start: true }, ['intro.1', 'intro.2', 'law.1', 'law.2', MORE]],
      [{ choose: 'moreLaw.go' }, ['law.3', 'law.4', 'law.5', 'whatNow.prompt']],
      [{ choose: 'whatNow.telling' }, ['youth/telling-an-adult:intro.1', 'youth/telling-an-adult:topic.prompt']]
    ]
  },
  {
    name: 'telling-an-adult: a first sentence, then what confidentiality means, in under-13 wording',
    script: 'youth/telling-an-adult',
    profile: child,
    turns: [
      [{ start: true }, ['intro.1', 'intro.2', 'topic.prompt']],
      [{ choose: 'topic.start' }, ['start.1', 'start.2', 'start.3', 'more.prompt']],
      [{ choose: 'more.another' }, ['topic.prompt']],
      [{ choose: 'topic.confidential' }, ['confidential.1', 'confidential.2', 'confidential.3', 'confidential.4', 'more.prompt']],
      [{ choose: 'more.done' }, [NEXT]]
    ]
  },
  {
    name: 'removal: AI nudes made by classmates, then the tools and the helplines',
    script: 'youth/removal',
    profile: teen,
    turns: [
      [{ start: true }, ['intro.1', 'intro.2', 'which.prompt']],
      [{ choose: 'which.ai' }, ['ai.1', 'ai.2', 'ai.3', 'moreTools.prompt']],
      [{ choose: 'moreTools.go' }, ['tools.1', 'tools.2', 'tools.3', NEXT]]
    ]
  },
  {
    name: 'did-i-break-the-law: in under-13 wording, you did nothing wrong, then a photo taken down',
    script: 'youth/did-i-break-the-law',
    profile: child,
    turns: [
      [{ start: true }, ['intro.1', 'intro.2', 'law.1', 'law.2', MORE]],
      [{ choose: 'moreLaw.go' }, ['law.3', 'law.4', 'law.5', 'whatNow.prompt']],
      [{ choose: 'whatNow.removal' }, ['youth/removal:intro.1', 'youth/removal:which.prompt']]
    ]
  },
  {
    name: 'removal: a photo passed around at school, in under-13 wording, then the tools',
    script: 'youth/removal',
    profile: child,
    turns: [
      [{ start: true }, ['intro.1', 'intro.2', 'which.prompt']],
      [{ choose: 'which.school' }, ['school.1', 'school.2', 'school.3', 'moreTools.prompt']],
      [{ choose: 'moreTools.go' }, ['tools.1', 'tools.2', 'tools.3', NEXT]]
    ]
  },
  {
    name: 'removal: a recorded video call, in under-13 wording',
    script: 'youth/removal',
    profile: child,
    turns: [
      [{ start: true }, ['intro.1', 'which.prompt']],
      [{ choose: 'which.recorded' }, ['recorded.1', 'recorded.2', 'recorded.3', 'moreTools.prompt']]
    ]
  },
  {
    name: 'telling-an-adult: if they react badly, in under-13 wording',
    script: 'youth/telling-an-adult',
    profile: child,
    turns: [
      [{ start: true }, ['intro.1', 'topic.prompt']],
      [{ choose: 'topic.badly' }, ['badly.1', 'more.prompt']]
    ]
  }
];
