import { summarizeRun } from '../../bench/driver';
import { median, percentile, spread } from '../../bench/stats';

describe('the benchmark driver statistics', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100, 99, …, 1 (unsorted on purpose)

  it('takes the middle value as the median of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('averages the two middle values as the median of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('gives p50 and p99 by nearest rank over 1..100', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
  });

  it('gives the largest sample as p99 when there are fewer than 100 samples', () => {
    expect(percentile([3, 1, 2, 10], 99)).toBe(10);
  });

  it('lets one slow request out of 1,000 move p99 only if it is in the top 1%', () => {
    const latencies = [...Array.from({ length: 999 }, () => 2), 500];
    expect(percentile(latencies, 99)).toBe(2);
    expect(percentile([...Array.from({ length: 980 }, () => 2), ...Array.from({ length: 20 }, () => 500)], 99)).toBe(500);
  });

  it('does not reorder the samples it is given', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('returns NaN for no samples and refuses a percentile outside (0, 100]', () => {
    expect(median([])).toBeNaN();
    expect(percentile([], 99)).toBeNaN();
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('reports a figure as the median of the runs with their min and max, ignoring failed runs', () => {
    expect(spread([12, 10, 30])).toEqual({ median: 12, min: 10, max: 30, runs: [12, 10, 30] });
    expect(spread([5, Number.NaN, 7]).median).toBe(6);
  });

  it('summarizes a run: successful turns per second over the wall time, and p50/p99 of their latencies', () => {
    const latencies = Array.from({ length: 200 }, (_, i) => (i < 196 ? 10 : 90)); // 2% slow
    expect(summarizeRun(latencies, 3, 4000)).toEqual({ turns: 200, errors: 3, durationMs: 4000, turnsPerSecond: 50, p50Ms: 10, p99Ms: 90 });
  });
});
