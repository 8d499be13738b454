/**
 * The channel matrix (docs/channels.md), played through the real bot: the same conversation — the welcome with
 * its first question, the parents' menu, a lesson with its question, "talk to a person", the helpline list —
 * arrives as each Azure Bot Service channel delivers it (see channelActivities.ts), and each channel gets it in
 * the best form it can show: suggested actions, a hero card, or a numbered list; markdown only where it renders;
 * no message longer than the channel takes; no button title the channel would cut.
 */
import { TestAdapter, type Activity } from 'botbuilder';
import { assembleBot, type BotParts } from '../../src/assembleBot';
import { ROOT_DIR } from '../../src/beacon';
import { capabilitiesFor } from '../../src/channels/capabilities';
import { renderLinks } from '../../src/channels/renderer';
import { createLogger } from '../../src/logging/logger';
import { MemoryStorage } from '../../src/storage/memoryStorage';
import { CHANNEL_MESSAGES, teamsChannelMessage, type ChannelMessage } from './channelActivities';

type Form = 'suggested' | 'card' | 'numbered';

/** How each question looks per channel: the welcome's "who is chatting" (3 choices, one of 21 characters), the
 * parents' menu (10 choices), the warning-signs lesson's question (2 choices of 26 characters). */
const MATRIX: Record<string, { who: Form; menu: Form; lesson: Form }> = {
  webchat: { who: 'suggested', menu: 'suggested', lesson: 'suggested' },
  directline: { who: 'suggested', menu: 'suggested', lesson: 'suggested' },
  msteams: { who: 'card', menu: 'numbered', lesson: 'card' }, // a hero card carries at most 6 buttons
  telegram: { who: 'suggested', menu: 'suggested', lesson: 'suggested' },
  facebook: { who: 'numbered', menu: 'numbered', lesson: 'suggested' }, // who and menu titles are over Messenger's 20 characters; the lesson's 'go on' choices fit
  slack: { who: 'card', menu: 'numbered', lesson: 'card' }, // no suggested actions; 5 buttons per card
  sms: { who: 'numbered', menu: 'numbered', lesson: 'numbered' },
  email: { who: 'numbered', menu: 'numbered', lesson: 'numbered' }
};

let parts: BotParts;

beforeAll(async () => {
  parts = await assembleBot({ rootDir: ROOT_DIR, storage: new MemoryStorage(), defaultLocale: 'en', logger: createLogger('silent') });
});

/** One conversation on one channel, each turn posted as that channel posts it. */
class ChannelChat {
  private readonly adapter = new TestAdapter(async () => undefined);
  constructor(private readonly message: ChannelMessage) {
    this.adapter.use(parts.middleware);
    this.adapter.onTurnError = parts.onTurnError;
  }

  async send(text: string, activity: Partial<Activity> = this.message(text)): Promise<Partial<Activity>[]> {
    await this.adapter.processActivity(activity, (context) => parts.bot.run(context));
    return this.adapter.activeQueue.splice(0).filter((a) => a.type === 'message');
  }

  /** Picks choice `index` of the last question the way a user would: a tap sends the button's value, else the number. */
  async choose(replies: Partial<Activity>[], index: number): Promise<Partial<Activity>[]> {
    const buttons = buttonsOf(replies.at(-1));
    return this.send(buttons.length > 0 ? String(buttons[index]?.value) : String(index + 1));
  }
}

function buttonsOf(activity: Partial<Activity> | undefined): { title: string; value: unknown }[] {
  const card = activity?.attachments?.[0]?.content as { buttons?: { title: string; value: unknown }[] } | undefined;
  return activity?.suggestedActions?.actions ?? card?.buttons ?? [];
}

function formOf(activity: Partial<Activity> | undefined): Form {
  if (activity?.suggestedActions?.actions?.length) return 'suggested';
  if (activity?.attachments?.some((a) => a.contentType === 'application/vnd.microsoft.card.hero')) return 'card';
  return 'numbered';
}

/** What holds for every reply on a channel, whatever the step. */
function expectFitsChannel(channelId: string, replies: Partial<Activity>[]): void {
  const caps = capabilitiesFor(channelId);
  for (const reply of replies) {
    const text = reply.text ?? '';
    expect(text.length).toBeLessThanOrEqual(caps.maxMessageLength);
    if (!caps.markdown) expect(text).not.toMatch(/\*\*|\]\(/);
    expect(reply.locale).toBe('en');
    for (const button of buttonsOf(reply)) {
      expect([...button.title].length).toBeLessThanOrEqual(caps.maxButtonTitle ?? Infinity);
      expect(button.value).toBe(button.title); // imBack: a tap sends exactly what the engine matches
    }
  }
}

function expectQuestion(channelId: string, replies: Partial<Activity>[], form: Form, choices: number): void {
  const question = replies.at(-1);
  expect(question?.inputHint).toBe('expectingInput');
  expect(formOf(question)).toBe(form);
  if (form === 'numbered') {
    const numbered = (question?.text ?? '').split('\n').filter((line) => /^\d+\. /.test(line));
    expect(numbered).toHaveLength(choices);
    expect(question?.text).toMatch(/Reply with the number/);
  } else {
    expect(buttonsOf(question)).toHaveLength(choices);
  }
  expectFitsChannel(channelId, replies);
}

describe.each(Object.keys(MATRIX))('on %s', (channelId) => {
  const expected = MATRIX[channelId]!;

  it('shows the welcome, a question, the menu, a lesson, "talk to a person" and the helplines in its best form', async () => {
    const chat = new ChannelChat(CHANNEL_MESSAGES[channelId]!);

    const welcome = await chat.send('hi');
    expect(welcome[0]?.text).toMatch(/chatbot, not a person/); // rule 6, on every channel
    expectQuestion(channelId, welcome, expected.who, 3);

    const menu = await chat.choose(welcome, 1); // a parent or carer
    expectQuestion(channelId, menu, expected.menu, 10);

    const lesson = await chat.choose(menu, 0); // warning signs in a child
    expect(lesson.length).toBeGreaterThan(3);
    expect(lesson.slice(0, -1).every((a) => formOf(a) === 'numbered' && !a.attachments)).toBe(true);
    expectQuestion(channelId, lesson, expected.lesson, 3); // go on, a person now, something else

    const person = await chat.send('talk to a person');
    expect(person.map((a) => a.text).join('\n')).toMatch(/112/); // the emergency number comes with the offer
    expectFitsChannel(channelId, person);

    const helplinesMenu = await chat.send('menu');
    const danger = await chat.choose(helplinesMenu, 7); // find a helpline
    expect(danger.at(-1)?.inputHint).toBe('expectingInput');
    const helplines = await chat.choose(danger, 1); // not in danger right now
    expect(helplines.length).toBeGreaterThan(0);
    expectFitsChannel(channelId, helplines);
  });

  it('writes a helpline’s phone and web links in the form the channel can open', () => {
    const caps = capabilitiesFor(channelId);
    const [reply] = renderLinks(
      [
        { title: 'Child Focus 116 000', url: 'tel:116000' },
        { title: 'Child Focus chat', url: 'https://childfocus.be/' }
      ],
      channelId
    );
    if (caps.markdown) {
      expect(reply?.text).toContain('- [Child Focus chat](https://childfocus.be/)');
      expect(reply?.text).toContain(caps.telLinks ? '[Child Focus 116 000](tel:116000)' : 'Child Focus 116 000: 116000');
    } else {
      expect(reply?.text).toBe('Child Focus 116 000: 116000\nChild Focus chat: https://childfocus.be/');
    }
  });
});

describe('in a Teams channel of the helpline’s team', () => {
  it('answers an @mention like a message: the mention is removed before the words are read', async () => {
    const chat = new ChannelChat(teamsChannelMessage);
    await chat.send('hi', teamsChannelMessage('hi'));
    const menu = await chat.send('menu', teamsChannelMessage('menu'));
    expect(menu.at(-1)?.inputHint).toBe('expectingInput');
    expect(menu.map((a) => a.text).join('\n')).not.toMatch(/didn't catch that/);
  });
});
