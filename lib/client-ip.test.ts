import { describe, expect, it } from 'vitest';
import { hashClientIp, normalizeIp, subscriberKey } from './client-ip';

const secret = 'test-secret-0123456789';
const noonDouala = new Date('2026-11-27T11:00:00Z');

describe('hashClientIp', () => {
  it('is stable for one reader during one site day', () => {
    const morning = new Date('2026-11-26T23:30:00Z'); // 00:30 on the 27th in Douala (UTC+1)
    expect(hashClientIp('203.0.113.7', morning, secret)).toBe(hashClientIp('203.0.113.7', noonDouala, secret));
  });

  it('changes at midnight in Douala, so days cannot be linked', () => {
    const before = new Date('2026-11-26T22:59:59Z'); // 23:59:59 on the 26th in Douala
    expect(hashClientIp('203.0.113.7', before, secret)).not.toBe(hashClientIp('203.0.113.7', noonDouala, secret));
  });

  it('tells readers apart and never contains the address', () => {
    const a = hashClientIp('203.0.113.7', noonDouala, secret);
    const b = hashClientIp('203.0.113.8', noonDouala, secret);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toContain('203');
  });

  it('depends on the server secret (not recomputable from the address and the date alone)', () => {
    expect(hashClientIp('203.0.113.7', noonDouala, secret)).not.toBe(hashClientIp('203.0.113.7', noonDouala, 'another-secret-987654'));
  });

  it('treats an IPv4-mapped IPv6 address as the IPv4 address', () => {
    expect(normalizeIp('::FFFF:203.0.113.7')).toBe('203.0.113.7');
    expect(hashClientIp('::ffff:203.0.113.7', noonDouala, secret)).toBe(hashClientIp('203.0.113.7', noonDouala, secret));
    expect(normalizeIp('2001:DB8::1')).toBe('2001:db8::1');
  });

  it('works without an explicit secret (random per process)', () => {
    expect(hashClientIp('203.0.113.7', noonDouala)).toBe(hashClientIp('203.0.113.7', noonDouala));
  });
});

describe('subscriberKey', () => {
  it('keeps an IPv4 address whole', () => {
    expect(subscriberKey('41.202.219.10')).toBe('41.202.219.10');
    expect(subscriberKey('::ffff:41.202.219.10')).toBe('41.202.219.10');
  });

  it('keys an IPv6 client by its /64, however the address is written', () => {
    expect(subscriberKey('2001:db8:aa:bb::1')).toBe('2001:db8:aa:bb::/64');
    expect(subscriberKey('2001:0DB8:00AA:00BB:1234:5678:9abc:def0')).toBe('2001:db8:aa:bb::/64');
    expect(subscriberKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(subscriberKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(subscriberKey('2001:db8:aa:bc::1')).not.toBe(subscriberKey('2001:db8:aa:bb::1'));
  });

  it('one phone rotating privacy addresses in its /64 is one client for the day', () => {
    expect(hashClientIp('2001:db8:aa:bb:1::9', noonDouala, secret)).toBe(hashClientIp('2001:db8:aa:bb:ffff::1', noonDouala, secret));
  });

  it('extra parts tell views apart without ambiguity', () => {
    expect(hashClientIp('41.202.219.10', noonDouala, secret, 'ua', '12')).not.toBe(hashClientIp('41.202.219.10', noonDouala, secret, 'ua1', '2'));
  });
});
