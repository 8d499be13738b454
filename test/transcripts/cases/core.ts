/**
 * The conversation's frame: who is chatting, the menus, help, the crisis check, language, ways on.
 */
import type { TranscriptCase } from '../transcriptTypes';

export const cases: TranscriptCase[] = [
  {
    name: 'start: a young person under 13 reaches the young people\'s menu',
    script: 'start',
    turns: [
      [{ start: true }, ['who.prompt']],
      [{ choose: 'who.young' }, ['age.prompt']],
      [{ choose: 'age.under13' }, ['menu/youth:prompt']]
    ]
  },
  {
    name: 'start: a young person who would rather not say their age',
    script: 'start',
    turns: [
      [{ start: true }, ['who.prompt']],
      [{ choose: 'who.young' }, ['age.prompt']],
      [{ choose: 'age.unspecified' }, ['menu/youth:prompt']]
    ]
  },
  {
    name: 'start: a young person aged 13 to 17',
    script: 'start',
    turns: [
      [{ start: true }, ['who.prompt']],
      [{ choose: 'who.young' }, ['age.prompt']],
      [{ choose: 'age.13to17' }, ['menu/youth:prompt']]
    ]
  },
  {
    name: 'start: a parent reaches the parents\' menu',
    script: 'start',
    turns: [
      [{ start: true }, ['who.prompt']],
      [{ choose: 'who.parent' }, ['menu/parent:prompt']]
    ]
  },
  {
    name: 'start: another adult reaches the adults\' menu',
    script: 'start',
    turns: [
      [{ start: true }, ['who.prompt']],
      [{ choose: 'who.other' }, ['menu/adult:prompt']]
    ]
  },
  {
    name: 'start: a known audience goes straight to its menu',
    script: 'start',
    profile: { audience: 'parent' },
    turns: [[{ start: true }, ['menu/parent:prompt']]]
  },
  {
    name: 'about: what Beacon is and what stays private, then back to the menu',
    script: 'menu/youth',
    profile: { audience: 'young_person', ageBand: '13to17' },
    turns: [
      [{ start: true }, ['prompt']],
      [{ choose: 'topics.about' }, ['core/about:about.1', 'core/about:about.2', 'core/about:about.3', 'core/about:about.4', 'prompt']]
    ]
  },
  {
    name: 'helplines: the numbers at once, then "is anyone in danger now?"; not in danger ends there',
    script: 'core/helplines',
    turns: [
      [{ start: true }, ['helplines:heading', 'helplines:service.title', 'helplines:urgent.emergency', 'danger.prompt']],
      [{ choose: 'danger.no' }, []]
    ]
  },
  {
    name: 'helplines: in danger now gets the emergency number first, then a person',
    script: 'core/helplines',
    turns: [
      [{ start: true }, ['helplines:heading', 'danger.prompt']],
      [{ choose: 'danger.yes' }, ['helplines:urgent.emergency', 'helplines:service.title', 'common:handoff.unavailableAbove']]
    ]
  },
  {
    name: 'crisis: safe now, then carry on',
    script: 'core/crisis',
    turns: [
      [{ start: true }, ['helplines:urgent.emergency', 'first.1', 'safe.prompt']],
      [{ choose: 'safe.safe' }, ['relieved.1', 'relieved.2', 'helplines:heading', 'person.prompt']],
      [{ choose: 'person.continue' }, []]
    ]
  },
  {
    name: 'crisis: not safe gets the emergency number again and a person',
    script: 'core/crisis',
    turns: [
      [{ start: true }, ['helplines:urgent.emergency', 'first.1', 'safe.prompt']],
      [{ choose: 'safe.notsafe' }, ['urgent.1', 'urgent.2', 'helplines:urgent.emergency', 'common:handoff.unavailableAbove']]
    ]
  },
  {
    name: 'crisis: the user can correct the bot',
    script: 'core/crisis',
    turns: [
      [{ start: true }, ['first.1', 'safe.prompt']],
      [{ choose: 'safe.mistake' }, ['corrected.1']]
    ]
  },
  {
    name: 'crisis: safe, then asks for a person',
    script: 'core/crisis',
    turns: [
      [{ start: true }, ['safe.prompt']],
      [{ choose: 'safe.safe' }, ['person.prompt']],
      [{ choose: 'person.person' }, ['common:handoff.unavailable']]
    ]
  },
  {
    name: 'help: the commands and the emergency line',
    script: 'core/help',
    turns: [[{ start: true }, ['explain.1', 'explain.2', 'helplines:urgent.emergency']]]
  },
  {
    name: 'help with no country known: 116 111 in most of Europe and 112, then the country question, then its helplines',
    script: 'core/help',
    profile: { audience: 'young_person', ageBand: '13to17', country: undefined },
    turns: [
      [{ start: true }, ['explain.1', 'explain.2', 'explain.europe', 'helplines:country.emergency', 'helplines:country.prompt']],
      [{ text: 'Deutschland' }, ['helplines:urgent.emergency', 'helplines:service.title']]
    ]
  },
  {
    name: 'help with no country known, and the user skips the country: 116 111 and 112 are still there',
    script: 'core/help',
    profile: { audience: 'young_person', ageBand: '13to17', country: undefined },
    turns: [
      [{ start: true }, ['explain.europe', 'helplines:country.prompt']],
      [{ say: 'helplines:country.skip' }, ['helplines:country.giveUp', 'common:error.emergency', 'helplines:noCountry']]
    ]
  },
  {
    name: 'person: says honestly that no person is available here and gives the helplines',
    script: 'core/person',
    turns: [[{ start: true }, ['common:handoff.unavailable', 'helplines:urgent.emergency']]]
  },
  {
    name: 'stuck: offers the menu, a person and the helplines',
    script: 'core/stuck',
    profile: { audience: 'parent' },
    turns: [
      [{ start: true }, ['sorry.1', 'options.prompt']],
      [{ choose: 'options.helplines' }, ['helplines:heading', 'helplines:urgent.emergency', 'core/helplines:danger.prompt']],
      [{ choose: 'core/helplines:danger.no' }, ['options.prompt']],
      [{ choose: 'options.person' }, ['common:handoff.unavailable', 'options.prompt']],
      [{ choose: 'options.menu' }, ['menu/parent:prompt']]
    ]
  },
  {
    name: 'what next: another topic, a helpline or a person',
    script: 'core/next',
    turns: [
      [{ start: true }, ['prompt']],
      [{ choose: 'next.helplines' }, ['helplines:heading', 'helplines:urgent.emergency', 'core/helplines:danger.prompt']],
      [{ choose: 'core/helplines:danger.no' }, []]
    ]
  },
  {
    name: 'menu: a parent finds a helpline and comes back to the menu',
    script: 'menu',
    profile: { audience: 'parent' },
    turns: [
      [{ start: true }, ['menu/parent:prompt']],
      [{ choose: 'menu/parent:topics.helplines' }, ['helplines:heading', 'helplines:urgent.emergency', 'core/helplines:danger.prompt']],
      [{ choose: 'core/helplines:danger.no' }, ['menu/parent:prompt']],
      [{ choose: 'menu/parent:topics.person' }, ['common:handoff.unavailable', 'menu/parent:prompt']]
    ]
  },
  {
    name: 'menu: another adult',
    script: 'menu',
    profile: { audience: 'other_adult' },
    turns: [
      [{ start: true }, ['menu/adult:prompt']],
      [{ choose: 'menu/adult:topics.about' }, ['core/about:about.1', 'menu/adult:prompt']]
    ]
  }
];
