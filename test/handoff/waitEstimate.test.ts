/**
 * The wait a child is told in the queue: honest about a free worker, and about the chats ahead when all are busy.
 */
import { estimatedWaitMinutes } from '../../src/handoff/queueOrder';

describe('the stated wait', () => {
  it('is about a minute when a worker on duty is in no chat', () => {
    expect(estimatedWaitMinutes(1, 1, 15, 0)).toBe(1);
    expect(estimatedWaitMinutes(2, 3, 15, 1)).toBe(1);
  });

  it('counts the chats beyond the free workers, shared among the workers on duty', () => {
    expect(estimatedWaitMinutes(1, 1, 15, 1)).toBe(15);
    expect(estimatedWaitMinutes(3, 2, 15, 1)).toBe(15);
    expect(estimatedWaitMinutes(4, 2, 10, 2)).toBe(20);
  });

  it('with nobody on duty, still gives a wait, never zero or a division by zero', () => {
    expect(estimatedWaitMinutes(2, 0, 15, 0)).toBe(30);
  });
});
