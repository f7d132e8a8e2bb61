import { describe, expect, it } from 'vitest';
import { memoize } from './memo';

describe('memoize', () => {
  it('reuses a result per key until it is ttl old, then computes it again', () => {
    let clock = 0;
    let calls = 0;
    const square = memoize(60_000, (n: number) => (calls++, n * n), () => clock);
    expect(square(3)).toBe(9);
    expect(square(3)).toBe(9);
    expect(square(4)).toBe(16);
    expect(calls).toBe(2);
    clock = 59_999;
    square(3);
    expect(calls).toBe(2);
    clock = 60_000;
    square(3);
    expect(calls).toBe(3);
  });
});
