import { describe, expect, it } from 'vitest';
import { memoize } from './memo';

describe('memoize', () => {
  it('reuses a result per key for ttl, then computes it again', () => {
    let clock = 1_000_000;
    let calls = 0;
    const square = memoize(60_000, (n: number) => (calls++, n * n), () => clock);
    expect(square(3)).toBe(9);
    expect(square(3)).toBe(9);
    expect(square(4)).toBe(16);
    expect(calls).toBe(2);
    clock = 1_060_000;
    square(3);
    expect(calls).toBe(2);
    clock = 1_060_001;
    square(3);
    expect(calls).toBe(3);
  });

  it('clear() forgets every remembered result at once (a newsroom rename)', () => {
    let name = 'Politique';
    const label = memoize(60_000, (locale: string) => `${name} (${locale})`, () => 0);
    expect(label('fr')).toBe('Politique (fr)');
    name = 'Politique nationale';
    expect(label('fr')).toBe('Politique (fr)');
    label.clear();
    expect(label('fr')).toBe('Politique nationale (fr)');
  });
});

describe('memoize: bounded', () => {
  it('keeps at most 100 keys, forgetting the least recently used', () => {
    let calls = 0;
    const id = memoize(60_000, (n: number) => (calls++, n), () => 1_000_000);
    for (let i = 0; i < 101; i++) id(i);
    expect(calls).toBe(101);
    id(100);
    expect(calls).toBe(101);
    id(0); // the oldest was forgotten
    expect(calls).toBe(102);
  });
});
