import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';
import { clientAddress, compileTrustedProxies } from './trusted-proxies';

describe('trusted proxies', () => {
  const loopback = compileTrustedProxies('loopback');

  it('behind nginx on the same host, the address nginx saw is the reader; what the device claimed is ignored', () => {
    expect(clientAddress('127.0.0.1', '10.0.0.1, 198.51.100.7', loopback)).toBe('198.51.100.7');
    expect(clientAddress('::1', '198.51.100.7', loopback)).toBe('198.51.100.7');
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.7', loopback)).toBe('198.51.100.7');
    expect(clientAddress('127.0.0.1', null, loopback)).toBe('127.0.0.1');
  });

  it('a client talking directly is its TCP peer, whatever X-Forwarded-For says', () => {
    expect(clientAddress('192.0.2.50', '10.0.0.1', loopback)).toBe('192.0.2.50');
  });

  it('behind Cloudflare and nginx, the reader is the address Cloudflare saw, not the CDN edge', () => {
    const trust = compileTrustedProxies('loopback, cloudflare');
    expect(clientAddress('127.0.0.1', '6.6.6.6, 41.202.219.10, 172.64.1.1', trust)).toBe('41.202.219.10');
    expect(clientAddress('127.0.0.1', '2c0f:2a80::1, 2606:4700::1', trust)).toBe('2c0f:2a80::1');
    // Without the preset, every view would carry the CDN's address.
    expect(clientAddress('127.0.0.1', '41.202.219.10, 172.64.1.1', loopback)).toBe('172.64.1.1');
  });

  it('behind Fastly and nginx, likewise with the fastly preset', () => {
    const trust = compileTrustedProxies('loopback,fastly');
    expect(clientAddress('127.0.0.1', '41.202.219.10, 151.101.1.1', trust)).toBe('41.202.219.10');
    expect(clientAddress('127.0.0.1', '2c0f:2a80::1, 2a04:4e42::10', trust)).toBe('2c0f:2a80::1');
    // A Cloudflare edge is not a Fastly one.
    expect(clientAddress('127.0.0.1', '41.202.219.10, 172.64.1.1', trust)).toBe('172.64.1.1');
  });

  it('CIDR ranges of a load balancer in the LAN', () => {
    const trust = compileTrustedProxies('10.1.0.0/16');
    expect(clientAddress('10.1.2.3', '41.202.219.10', trust)).toBe('41.202.219.10');
    expect(clientAddress('10.2.2.3', '41.202.219.10', trust)).toBe('10.2.2.3');
  });

  it('"none" trusts nobody, not even loopback', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.7', compileTrustedProxies('none'))).toBe('127.0.0.1');
  });

  it('without a known peer (dev server), the last X-Forwarded-For entry stands for it', () => {
    expect(clientAddress(null, '198.51.100.7', loopback)).toBe('198.51.100.7');
    expect(clientAddress(undefined, undefined, loopback)).toBe('unknown');
  });

  it('a bad TRUSTED_PROXIES value refuses to start, naming the variable and the entry', () => {
    expect(() => parseConfig({ TRUSTED_PROXIES: 'loopback, cloudfare' })).toThrow(/TRUSTED_PROXIES.*"cloudfare"/);
    expect(() => parseConfig({ TRUSTED_PROXIES: '10.0.0.0/40' })).toThrow(/TRUSTED_PROXIES/);
    expect(parseConfig({}).TRUSTED_PROXIES).toBe('loopback');
  });
});
