import { describe, expect, it } from 'vitest';
import { internalSecret, isInternalCaller, isLoopback } from './internal-refresh';

describe('internal refresh route guard', () => {
  it('needs this process’s secret and a loopback peer', () => {
    const secret = internalSecret();
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect(isInternalCaller(`Bearer ${secret}`, '127.0.0.1')).toBe(true);
    expect(isInternalCaller(`Bearer ${secret}`, '::1')).toBe(true);
    expect(isInternalCaller(`Bearer ${secret}`, '::ffff:127.0.0.1')).toBe(true);
    expect(isInternalCaller(`Bearer ${secret}`, '192.0.2.7')).toBe(false);
    expect(isInternalCaller(`Bearer ${secret}`, null)).toBe(false);
    expect(isInternalCaller('Bearer guess', '127.0.0.1')).toBe(false);
    expect(isInternalCaller(null, '127.0.0.1')).toBe(false);
    expect(isInternalCaller(secret, '127.0.0.1')).toBe(false);
  });
  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(['10.0.0.1', '::ffff:10.0.0.1', '', '1.127.0.0'].some(isLoopback)).toBe(false);
  });
});
