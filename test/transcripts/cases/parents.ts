/**
 * Parents and carers, adults worried about their own thoughts, and the Lanzarote Convention explainer.
 * Each lesson: its main path and every choice of every question at least once, ending at the way on (core/next).
 */
import type { TranscriptCase } from '../transcriptTypes';

const PARENT = { audience: 'parent' } as const;
const OTHER_ADULT = { audience: 'other_adult' } as const;
const NEXT = 'core/next:prompt';
/** The "Shall I go on?" question that splits a long run of messages (core/next:more.*). */
const MORE = 'core/next:more.prompt';

const SIGNS = ['intro.1', 'intro.2', 'signs.secret', 'signs.gifts', MORE];
const SIGNS_MORE = ['signs.friend', 'signs.mood', 'signs.knowledge', 'caution.1', 'help.prompt'];
const TALK_CORE = ['core.curious', 'core.trouble', 'core.plan', 'core.blame', 'openers.prompt'];
const DISCLOSURE_LISTEN = ['listen.calm', 'listen.believe', 'listen.questions', 'listen.reassure', MORE];
/** After "listen": protecting the child, then reporting, each behind "Go on". */
const DISCLOSURE_REST: TranscriptCase['turns'] = [
  [{ choose: 'moreProtect.go' }, ['protect.confront', 'protect.images', 'protect.evidence', MORE]],
  [{ choose: 'moreReport.go' }, ['report.1', 'report.2', 'support.prompt']]
];
const SEXTORTION_INTRO = ['intro.1', 'intro.2', 'ai.1', 'ai.2', 'want.prompt'];
const SEXTORTION_ACT = ['act.pay', 'act.contact', 'act.evidence', 'act.report', MORE];
const SEXTORTION_ACT_MORE = ['act.remove', 'act.support', 'act.distress', 'person.prompt'];
const GAMES_SETTINGS = ['settings.profile', 'settings.contact', 'settings.controls', MORE];
const GAMES_SETTINGS_MORE = ['settings.spending', 'settings.check', 'more.prompt'];
const GAMES_INVOLVED = ['involved.play', 'involved.who', 'involved.space', 'involved.rule', 'more.prompt'];
const GAMES_VR = ['vr.real', 'vr.voice', 'vr.rooms', MORE];
const GAMES_VR_MORE = ['vr.touch', 'vr.room', 'more.prompt'];
const WORRIED = ['intro.1', 'intro.2', 'intro.danger', MORE];
const WORRIED_HELP = ['help.exists', 'help.images', 'help.convention', 'help.confidential', 'show.prompt'];
const CONVENTION_INTRO = ['intro.what', 'intro.dates', 'intro.child', 'topic.prompt'];

export const cases: TranscriptCase[] = [
  {
    name: 'warning signs: a worried parent is told signs are not proof, then asks for a person',
    script: 'parent/warning-signs',
    profile: PARENT,
    turns: [
      [{ start: true }, SIGNS],
      [{ choose: 'moreSigns.go' }, SIGNS_MORE],
      [{ choose: 'help.worried' }, ['worried.1', 'worried.2', 'worried.3', 'person.prompt']],
      [{ choose: 'person.person' }, [NEXT]]
    ]
  },
  {
    name: 'warning signs: a worried parent sees the helplines',
    script: 'parent/warning-signs',
    profile: PARENT,
    turns: [
      [{ start: true }, [MORE]],
      [{ choose: 'moreSigns.go' }, ['caution.1', 'help.prompt']],
      [{ choose: 'help.worried' }, ['worried.1', 'person.prompt']],
      [{ choose: 'person.helplines' }, [NEXT]]
    ]
  },
  {
    name: 'warning signs: a teacher learning just in case is pointed to talking early and often',
    script: 'parent/warning-signs',
    profile: OTHER_ADULT,
    turns: [
      [{ start: true }, SIGNS],
      [{ choose: 'moreSigns.go' }, SIGNS_MORE],
      [{ choose: 'help.learning' }, ['learning.1', 'learning.2', NEXT]]
    ]
  },
  {
    name: 'talking: a parent of a younger child gets simple words, the promise of no trouble, and openers',
    script: 'parent/talking',
    profile: PARENT,
    turns: [
      [{ start: true }, ['intro.1', 'intro.2', 'age.prompt']],
      [{ choose: 'age.younger' }, ['younger.1', 'younger.2', MORE]],
      [{ choose: 'moreCore.go' }, TALK_CORE],
      [{ choose: 'openers.yes' }, ['lines.1', 'lines.2', 'lines.3', NEXT]]
    ]
  },
  {
    name: 'talking: a parent of a teenager, without openers',
    script: 'parent/talking',
    profile: PARENT,
    turns: [
      [{ start: true }, ['age.prompt']],
      [{ choose: 'age.teen' }, ['teen.1', 'teen.2', MORE]],
      [{ choose: 'moreCore.go' }, TALK_CORE],
      [{ choose: 'openers.no' }, [NEXT]]
    ]
  },
  {
    name: 'disclosure: no immediate danger; calm, believe, no questions, no images, keep evidence, then a person',
    script: 'parent/disclosure',
    profile: PARENT,
    turns: [
      [{ start: true }, ['intro.1', 'danger.prompt']],
      [{ choose: 'danger.no' }, DISCLOSURE_LISTEN],
      ...DISCLOSURE_REST,
      [{ choose: 'support.person' }, [NEXT]]
    ]
  },
  {
    name: 'disclosure: a child in danger gets the emergency number first, then the steps and the helplines',
    script: 'parent/disclosure',
    profile: PARENT,
    turns: [
      [{ start: true }, ['intro.1', 'danger.prompt']],
      [{ choose: 'danger.yes' }, ['helplines:urgent.emergency', 'urgentNote.1', ...DISCLOSURE_LISTEN]],
      ...DISCLOSURE_REST,
      [{ choose: 'support.helplines' }, [NEXT]]
    ]
  },
  {
    name: 'reporting: a child in danger now goes to the emergency number',
    script: 'parent/reporting',
    profile: PARENT,
    turns: [
      [{ start: true }, ['intro.1', 'what.prompt']],
      [{ choose: 'what.danger' }, ['danger.1', 'helplines:urgent.emergency', NEXT]]
    ]
  },
  {
    name: 'reporting: abuse images online are reported by link to a hotline, never the image',
    script: 'parent/reporting',
    profile: PARENT,
    turns: [
      [{ start: true }, ['what.prompt']],
      [{ choose: 'what.abuse' }, ['abuse.hotline', 'abuse.link', 'abuse.platform', NEXT]]
    ]
  },
  {
    name: 'reporting: a nude image of my child goes to Take It Down and Report Remove',
    script: 'parent/reporting',
    profile: PARENT,
    turns: [
      [{ start: true }, ['what.prompt']],
      [{ choose: 'what.removal' }, ['removal.intro', 'removal.takeitdown', 'removal.device', MORE]],
      [{ choose: 'moreRemoval.go' }, ['removal.reportremove', 'removal.also', NEXT]]
    ]
  },
  {
    name: 'reporting: someone contacting a child goes to the police, the platform and a helpline',
    script: 'parent/reporting',
    profile: OTHER_ADULT,
    turns: [
      [{ start: true }, ['what.prompt']],
      [{ choose: 'what.contact' }, ['contact.police', 'contact.platform', 'contact.helpline', NEXT]]
    ]
  },
  {
    name: 'sextortion and AI: what to do (do not pay, keep evidence not images, report, remove, no blame), then a person',
    script: 'parent/sextortion-ai',
    profile: PARENT,
    turns: [
      [{ start: true }, SEXTORTION_INTRO],
      [{ choose: 'want.act' }, SEXTORTION_ACT],
      [{ choose: 'moreAct.go' }, SEXTORTION_ACT_MORE],
      [{ choose: 'person.person' }, [NEXT]]
    ]
  },
  {
    name: 'sextortion and AI: what to do, then the helplines',
    script: 'parent/sextortion-ai',
    profile: PARENT,
    turns: [
      [{ start: true }, ['want.prompt']],
      [{ choose: 'want.act' }, ['act.pay', MORE]],
      [{ choose: 'moreAct.go' }, ['person.prompt']],
      [{ choose: 'person.helplines' }, [NEXT]]
    ]
  },
  {
    name: 'sextortion and AI: preparing a child before anything happens',
    script: 'parent/sextortion-ai',
    profile: OTHER_ADULT,
    turns: [
      [{ start: true }, SEXTORTION_INTRO],
      [{ choose: 'want.prepare' }, ['prepare.explain', 'prepare.plan', 'prepare.fakes', 'prepare.photos', NEXT]]
    ]
  },
  {
    name: 'games and VR: settings, then VR, then being involved, then done',
    script: 'parent/games-vr',
    profile: PARENT,
    turns: [
      [{ start: true }, ['intro.1', 'intro.2', 'topic.prompt']],
      [{ choose: 'topic.settings' }, GAMES_SETTINGS],
      [{ choose: 'moreSettings.go' }, GAMES_SETTINGS_MORE],
      [{ choose: 'more.vr' }, GAMES_VR],
      [{ choose: 'moreVr.go' }, GAMES_VR_MORE],
      [{ choose: 'more.involved' }, GAMES_INVOLVED],
      [{ choose: 'more.done' }, [NEXT]]
    ]
  },
  {
    name: 'games and VR: VR headsets first, then settings',
    script: 'parent/games-vr',
    profile: PARENT,
    turns: [
      [{ start: true }, ['topic.prompt']],
      [{ choose: 'topic.vr' }, GAMES_VR],
      [{ choose: 'moreVr.go' }, GAMES_VR_MORE],
      [{ choose: 'more.settings' }, GAMES_SETTINGS],
      [{ choose: 'moreSettings.stop' }, [NEXT]]
    ]
  },
  {
    name: 'games and VR: being involved, then done',
    script: 'parent/games-vr',
    profile: OTHER_ADULT,
    turns: [
      [{ start: true }, ['topic.prompt']],
      [{ choose: 'topic.involved' }, GAMES_INVOLVED],
      [{ choose: 'more.done' }, [NEXT]]
    ]
  },
  {
    name: 'worried about myself: no questions asked, the emergency line, confidential prevention help shown',
    script: 'adult/worried-about-myself',
    profile: OTHER_ADULT,
    turns: [
      [{ start: true }, WORRIED],
      [{ choose: 'moreHelp.go' }, WORRIED_HELP],
      [{ choose: 'show.yes' }, [NEXT]]
    ]
  },
  {
    name: 'worried about myself: not now is respected',
    script: 'adult/worried-about-myself',
    profile: OTHER_ADULT,
    turns: [
      [{ start: true }, WORRIED],
      [{ choose: 'moreHelp.go' }, WORRIED_HELP],
      [{ choose: 'show.later' }, ['later.1', NEXT]]
    ]
  },
  {
    name: 'Lanzarote Convention: the four Ps, the Committee and its opinions, what it means in practice',
    script: 'lanzarote/convention',
    profile: PARENT,
    turns: [
      [{ start: true }, CONVENTION_INTRO],
      [{ choose: 'topic.ps' }, ['ps.four', 'ps.prevention', 'ps.protection', 'ps.prosecution', 'topic.prompt']],
      [{ choose: 'topic.committee' }, ['committee.role', 'committee.grooming', MORE]],
      [{ choose: 'moreCommittee.go' }, ['committee.ict', 'committee.images', 'committee.emerging', 'topic.prompt']],
      [{ choose: 'topic.practice' }, ['practice.report', 'practice.process', MORE]],
      [{ choose: 'morePractice.go' }, ['practice.recover', 'practice.later', 'practice.laws', 'topic.prompt']],
      [{ choose: 'topic.done' }, ['checked', NEXT]]
    ]
  },
  {
    name: 'Lanzarote Convention: a professional reads what it means in practice (no single age of consent)',
    script: 'lanzarote/convention',
    profile: OTHER_ADULT,
    turns: [
      [{ start: true }, CONVENTION_INTRO],
      [{ choose: 'topic.practice' }, ['practice.process', MORE]],
      [{ choose: 'morePractice.go' }, ['practice.laws', 'topic.prompt']],
      [{ choose: 'topic.done' }, ['checked', NEXT]]
    ]
  }
];
