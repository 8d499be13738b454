/**
 * What a user on each channel receives for the same question, message or links: buttons where the channel has
 * them, a numbered list where it has not, text split to fit and markup only where it renders.
 */
import { TestAdapter, type Activity } from 'botbuilder';
import { numberedChoiceIndex, renderChoices, renderLinks, renderText } from '../../src/channels/renderer';

const PROMPT = 'Are you safe right now?';
const CHOICES = [
  { title: 'Yes', value: 'safe' },
  { title: 'No', value: 'unsafe' },
  { title: 'Talk to a person', value: 'handoff' }
];
const HINT = 'Reply with a number.';
const imBack = (title: string) => ({ type: 'imBack', title, value: title });

describe('renderChoices: the same question on each channel', () => {
  it.each(['webchat', 'directline', 'emulator', 'telegram', 'facebook', 'line'])(
    'offers the choices as suggested actions that send their title on %s',
    (channelId) => {
      expect(renderChoices(PROMPT, CHOICES, channelId, { numberedHint: HINT })).toEqual([
        {
          type: 'message',
          text: PROMPT,
          inputHint: 'expectingInput',
          suggestedActions: { actions: CHOICES.map((c) => imBack(c.title)) }
        }
      ]);
    }
  );

  it('puts the choices on a hero card with imBack buttons in Teams, which shows them in every chat scope', () => {
    expect(renderChoices(PROMPT, CHOICES, 'msteams', { numberedHint: HINT })).toEqual([
      {
        type: 'message',
        inputHint: 'expectingInput',
        attachmentLayout: 'list',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.hero',
            content: { text: PROMPT, buttons: CHOICES.map((c) => imBack(c.title)) }
          }
        ]
      }
    ]);
  });

  it('writes a numbered list with the caller’s hint on SMS, with no buttons or cards', () => {
    const [reply, ...rest] = renderChoices(PROMPT, CHOICES, 'sms', { numberedHint: HINT });
    expect(rest).toHaveLength(0);
    expect(reply).toEqual({
      type: 'message',
      text: `${PROMPT}\n\n1. Yes\n2. No\n3. Talk to a person\n\n${HINT}`,
      inputHint: 'expectingInput'
    });
  });

  it('leaves the hint line out when the caller gives none', () => {
    expect(renderChoices(PROMPT, CHOICES.slice(0, 2), 'email')[0]?.text).toBe(`${PROMPT}\n\n1. Yes\n2. No`);
  });

  it.each([undefined, '', 'whatsapp-connector', 'kik'])('falls back to a numbered list on an unknown channel (%p)', (channelId) => {
    const [reply] = renderChoices(PROMPT, CHOICES, channelId, { numberedHint: HINT });
    expect(reply?.text).toBe(`${PROMPT}\n\n1. Yes\n2. No\n3. Talk to a person\n\n${HINT}`);
    expect(reply?.suggestedActions).toBeUndefined();
    expect(reply?.attachments).toBeUndefined();
  });

  it.each([
    ['facebook', 13, 14], // Messenger: at most 13 quick replies
    ['line', 13, 14], // LINE: at most 13 quick-reply items
    ['msteams', 6, 7], // Teams hero card: at most six buttons
    ['slack', 5, 6] // Slack attachment: at most five actions
  ])('shows every choice as a button on %s up to %i, and a full numbered list with no buttons above', (channelId, fits, tooMany) => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `Topic ${i + 1}`, value: `t${i + 1}` }));
    const [withButtons] = renderChoices(PROMPT, many(fits), channelId, { numberedHint: HINT });
    const buttons = withButtons?.suggestedActions?.actions ?? withButtons?.attachments?.[0]?.content.buttons;
    expect(buttons).toHaveLength(fits);

    const [listed] = renderChoices(PROMPT, many(tooMany), channelId, { numberedHint: HINT });
    expect(listed?.suggestedActions).toBeUndefined();
    expect(listed?.attachments).toBeUndefined();
    expect(listed?.text).toContain(`\n${tooMany}. Topic ${tooMany}\n`);
    expect(listed?.text?.endsWith(HINT)).toBe(true);
  });

  it('sends a long prompt in pieces and keeps the buttons on the last piece', () => {
    const sentence = 'Nothing that happened is your fault, and you can stop this conversation at any time. ';
    const prompt = sentence.repeat(60).trim(); // about 5,000 characters: more than one Telegram message
    const replies = renderChoices(prompt, CHOICES, 'telegram');
    expect(replies.length).toBeGreaterThan(1);
    expect(replies.slice(0, -1).every((r) => r.suggestedActions === undefined)).toBe(true);
    expect(replies.at(-1)?.suggestedActions?.actions).toHaveLength(3);
    expect(replies.every((r) => (r.text ?? '').length <= 4096)).toBe(true);
  });

  it('reaches the user through a Bot Framework adapter with the buttons intact', async () => {
    const adapter = new TestAdapter(async (context) => {
      await context.sendActivities(renderChoices(PROMPT, CHOICES, context.activity.channelId));
    });
    await adapter.send('hi').assertReply((activity: Partial<Activity>) => {
      expect(activity.channelId).toBe('test');
      expect(activity.text).toBe(PROMPT);
      expect(activity.suggestedActions?.actions.map((a) => a.value)).toEqual(['Yes', 'No', 'Talk to a person']);
    });
  });
});

describe('numberedChoiceIndex: a numeric reply to a numbered list', () => {
  it.each([
    ['2', 1],
    [' 2.', 1],
    ['2)', 1],
    ['1', 0],
    ['3 ', 2],
    ['２', 1] // full-width digit, as Japanese keyboards type it
  ])('understands %p as choice index %i', (reply, index) => {
    expect(numberedChoiceIndex(reply, 3)).toBe(index);
  });

  it.each(['0', '4', '-1', '2 please', 'two', '', '1.5', '12'])('does not treat %p as one of three choices', (reply) => {
    expect(numberedChoiceIndex(reply, 3)).toBeUndefined();
  });
});

describe('renderText: a message fitted to the channel', () => {
  const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
  const SENTENCES = Array.from(
    { length: 40 },
    (_, i) => `Sentence ${i + 1} explains calmly what a helpline does and what it does not do with what you say.`
  );

  it('splits long text for SMS at sentence ends, with no piece over 1,600 characters and nothing lost', () => {
    const text = SENTENCES.join(' ');
    expect(text.length).toBeGreaterThan(3200);
    const replies = renderText(text, 'sms');
    const pieces = replies.map((r) => r.text ?? '');
    expect(replies.every((r) => r.type === 'message')).toBe(true);
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    expect(pieces.every((p) => p.length <= 1600)).toBe(true);
    expect(pieces.every((p) => p.endsWith('.'))).toBe(true);
    expect(normalise(pieces.join(' '))).toBe(normalise(text));
  });

  it('splits a single sentence longer than a message between words, never inside one', () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`);
    const text = `${words.join(' ')}.`;
    const pieces = renderText(text, 'sms').map((r) => r.text ?? '');
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((p) => p.length <= 1600)).toBe(true);
    expect(pieces.flatMap((p) => p.split(' '))).toEqual(text.split(' '));
  });

  it('sends short text as one message, unchanged, on a markdown channel', () => {
    expect(renderText('**Stop** means stop.', 'webchat')).toEqual([
      { type: 'message', text: '**Stop** means stop.', inputHint: 'acceptingInput' }
    ]);
  });

  it('strips markdown to plain text on SMS', () => {
    const text = '**It is not your fault.** Read [Report Remove](https://www.childline.org.uk/report-remove) or call [116 111](tel:116111).';
    expect(renderText(text, 'sms')[0]?.text).toBe(
      'It is not your fault. Read Report Remove (https://www.childline.org.uk/report-remove) or call 116 111.'
    );
  });
});

describe('renderLinks: where to go next', () => {
  const LINKS = [
    { title: 'Take It Down', url: 'https://takeitdown.ncmec.org' },
    { title: 'Childline', url: 'tel:0800 1111' }
  ];

  it('gives markdown links, phone links included, in Web Chat', () => {
    expect(renderLinks(LINKS, 'webchat')[0]?.text).toBe(
      '- [Take It Down](https://takeitdown.ncmec.org)\n- [Childline](tel:08001111)'
    );
  });

  it('keeps web links as links but shows the number as text where tel: links do not work (Teams)', () => {
    expect(renderLinks(LINKS, 'msteams')[0]?.text).toBe('- [Take It Down](https://takeitdown.ncmec.org)\n- Childline: 0800 1111');
  });

  it('writes "title: address" lines where there is no markdown (SMS)', () => {
    expect(renderLinks(LINKS, 'sms')[0]?.text).toBe('Take It Down: https://takeitdown.ncmec.org\nChildline: 0800 1111');
  });
});

describe('renderChoices: button titles longer than the channel allows', () => {
  const LONG = [
    { title: 'Warning signs in a child', value: 'signs' },
    { title: 'Talk to a person', value: 'handoff' }
  ];

  it.each(['facebook', 'line'])('writes a numbered list on %s when a title is over 20 characters, so nothing is cut', (channelId) => {
    const [reply] = renderChoices(PROMPT, LONG, channelId, { numberedHint: HINT });
    expect(reply?.suggestedActions).toBeUndefined();
    expect(reply?.attachments).toBeUndefined();
    expect(reply?.text).toBe(`${PROMPT}\n\n1. Warning signs in a child\n2. Talk to a person\n\n${HINT}`);
  });

  it('keeps buttons where the titles fit, counting characters rather than UTF-16 units', () => {
    const emoji = [{ title: '🙂'.repeat(20), value: 'a' }];
    expect(renderChoices(PROMPT, emoji, 'facebook')[0]?.suggestedActions?.actions).toHaveLength(1);
    expect(renderChoices(PROMPT, LONG, 'webchat')[0]?.suggestedActions?.actions).toHaveLength(2);
  });
});
