/**
 * What a worker or a translator writes reaches a child's widget as text, never as HTML (reliability review D3),
 * and a slow turn shows one typing indicator, not one a second.
 */
import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { filterOutgoing, prepareOutgoing, safeMarkdown } from '../../src/bot/outgoingText';

function contextFor(): TurnContext {
  return new TurnContext(new TestAdapter(), { type: 'message', text: 'hi', conversation: { id: 'c' } as never, channelId: 'test', from: { id: 'u' } as never } as unknown as Activity);
}

describe("Beacon's own texts", () => {
  it('keeps bold and https and tel: links', () => {
    const text = '**Call now**: [116 111](tel:116111) or see [Childline](https://www.childline.org.uk/)';
    expect(safeMarkdown(text)).toBe(text);
  });

  it.each([
    ['<img src=x onerror=alert(1)>hello', 'hello'],
    ['<b onmouseover="x()">bold</b>', 'bold'],
    ['"><script>alert(1)</script>', '">alert(1)'],
    ['[click](javascript:alert(1))', 'click'],
    ['[page](http://example.org/)', 'page']
  ])('removes HTML and unsafe links from %s', (input, shown) => {
    expect(safeMarkdown(input)).toBe(shown);
  });

  it('leaves a heart and comparisons alone', () => {
    expect(safeMarkdown('you matter <3, and 2 < 5')).toBe('you matter <3, and 2 < 5');
  });
});

describe("a worker's message", () => {
  it('goes as plain text, exactly as typed', () => {
    const activity: Partial<Activity> = { type: 'message', text: 'Ada (helpline worker): <img src=x onerror=alert(1)> **hi**', channelData: { beaconHandoffMessage: 'k1' } };
    expect(prepareOutgoing(contextFor(), activity)).toBe(true);
    expect(activity.textFormat).toBe('plain');
    expect(activity.text).toBe('Ada (helpline worker): <img src=x onerror=alert(1)> **hi**');
  });
});

describe('typing', () => {
  it('sends at most one typing indicator in a turn, however often it is asked', async () => {
    const adapter = new TestAdapter(async (context) => {
      filterOutgoing(context);
      for (let i = 0; i < 4; i++) await context.sendActivity({ type: 'typing' });
      await context.sendActivity('done');
    });
    const sent: string[] = [];
    await adapter.send('hi');
    for (let next = adapter.activeQueue.shift(); next; next = adapter.activeQueue.shift()) sent.push(next.type ?? '');
    expect(sent).toEqual(['typing', 'message']);
  });
});
