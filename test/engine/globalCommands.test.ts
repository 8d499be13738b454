/**
 * Global commands win before any step, at any point of a script, and a conversation resumes where it was
 * after a restart (its position is in the store, not in memory).
 */
import { BotHarness, buttonsOf, textsOf } from '../support/botHarness';

async function atAgeQuestion(locale = 'en'): Promise<BotHarness> {
  const harness = await BotHarness.create({ locale, fresh: true });
  await harness.start('start');
  await harness.send(harness.bot.translator.t(locale, 'start:who.young'));
  return harness;
}

describe('global commands in the middle of a script', () => {
  it('"menu" leaves the question and shows the menu', async () => {
    const harness = await atAgeQuestion();
    const texts = textsOf(await harness.send('menu'));
    expect(texts.join('\n')).toMatch(/What would you like to do/);
  });

  it('"back" returns to the previous question', async () => {
    const harness = await atAgeQuestion();
    expect(textsOf(await harness.send('back')).join('\n')).toMatch(/who is chatting today/);
  });

  it('"stop" ends kindly with the emergency line, and the next message starts again as a new conversation', async () => {
    const harness = await atAgeQuestion();
    const texts = textsOf(await harness.send('stop'));
    expect(texts[0]).toMatch(/we'll stop here/);
    expect(texts[1]).toMatch(/112/);
    // "stop" deleted the conversation's state: the next message is greeted like a first one.
    expect(textsOf(await harness.send('hello')).join('\n')).toMatch(/chatbot, not a person/);
  });

  it('"help" explains the commands, gives 116 111 and 112 when no country is known, and asks the country', async () => {
    const harness = await atAgeQuestion();
    const texts = textsOf(await harness.send('help'));
    expect(texts.join('\n')).toMatch(/"menu" to see topics/);
    expect(texts.join('\n')).toMatch(/116 111/);
    expect(texts.join('\n')).toMatch(/112/);
    expect(texts[texts.length - 1]).toMatch(/Which country are you in/);
  });

  it('"talk to a person" is honest that no person is connected here, then resumes', async () => {
    const harness = await atAgeQuestion();
    const texts = textsOf(await harness.send('talk to a person'));
    expect(texts[0]).toMatch(/isn't switched on here yet/);
    expect(texts[texts.length - 1]).toMatch(/Which age group/);
  });

  it('a language name switches language and asks the same question in it', async () => {
    const harness = await atAgeQuestion();
    const texts = textsOf(await harness.send('français'));
    expect(texts[0]).toMatch(/je t'écris en français/);
    expect(texts[texts.length - 1]).toMatch(/Dans quelle tranche d'âge/);
  });

  it('"language" with a locale code switches too; "language" alone asks which', async () => {
    const harness = await atAgeQuestion();
    expect(textsOf(await harness.send('language fr')).join('\n')).toMatch(/français/);
    const replies = await harness.send('langue');
    expect(buttonsOf(replies)).toEqual(expect.arrayContaining(['English', 'Français']));
    expect(textsOf(await harness.send('English')).join('\n')).toMatch(/I'll write in English/);
  });

  it('a message suggesting danger interrupts with the emergency number first, and the lesson can be resumed', async () => {
    const harness = await atAgeQuestion();
    // The country is not known: the number that works in most of Europe, then at once the line for what was said
    // (a meeting) and "are you safe?"; the country is asked after that, with the helplines.
    const crisis = textsOf(await harness.send('he is coming to my house tonight'));
    expect(crisis[0]).toMatch(/112 in most of Europe/);
    expect(crisis[1]).toMatch(/don't go to meet them/);
    expect(crisis[2]).toMatch(/Are you safe right now/);
    expect(crisis.join('\n')).not.toMatch(/Which country are you in/);
    const safe = textsOf(await harness.send("I'm safe right now"));
    expect(safe.join('\n')).toMatch(/Which country are you in/);
    expect(textsOf(await harness.send('Deutschland')).join('\n')).toMatch(/\(Germany\)/);
    const resumed = textsOf(await harness.send('Carry on where I was'));
    expect(resumed[resumed.length - 1]).toMatch(/Which age group/);
  });
});

describe('answers the user may give', () => {
  it.each([
    ['the title', '13 to 17'],
    ['a number', '2'],
    ['a near-miss', '13 to 71'],
    ['a synonym', 'prefer not to say'],
    ['different case and spacing', '  UNDER 13 ']
  ])('accepts %s', async (_what, answer) => {
    const harness = await atAgeQuestion();
    expect(textsOf(await harness.send(answer)).join('\n')).toMatch(/What would you like to do/);
  });

  it('re-prompts once, then offers the menu and a person instead of looping', async () => {
    const harness = await atAgeQuestion();
    const first = textsOf(await harness.send('purple'));
    expect(first[0]).toMatch(/didn't catch that/);
    const second = await harness.send('purple');
    expect(textsOf(second).join('\n')).toMatch(/not sure what you meant/);
    expect(buttonsOf(second)).toEqual(expect.arrayContaining(['Show me the menu', 'Talk to a person', 'Find a helpline']));
  });
});

describe('a restart', () => {
  it('resumes the conversation where it was, from the store', async () => {
    const harness = await atAgeQuestion();
    await harness.restart();
    expect(textsOf(await harness.send('2')).join('\n')).toMatch(/What would you like to do/);
  });
});
