import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { baseCsp, cspForHtml, isFrameworkInlineScript } from './csp';
import { securityHeaders } from './security';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

const bootstrap = '(self.__next_f=self.__next_f||[]).push([0])';
const flight = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n2:I[3975,[],\\"default\\"]\\n"])';
const turbopack =
  '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/0kqziy-7_gy73.js","static/chunks/30ohzb3y969vx.js"],"runtimeModuleIds":[94553]});';

function directive(policy: string, name: string): string[] {
  return policy.split(';').map((d) => d.trim().split(/\s+/)).find((d) => d[0] === name)?.slice(1) ?? [];
}

describe('base policy', () => {
  it('allows no inline script and no eval in production, and forbids framing, plugins and foreign forms', () => {
    const policy = baseCsp({ https: false });
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(directive(policy, 'base-uri')).toEqual(["'self'"]);
    expect(directive(policy, 'form-action')).toEqual(["'self'"]);
    expect(directive(policy, 'img-src')).toEqual(["'self'", 'data:']);
    expect(directive(policy, 'connect-src')).toEqual(["'self'"]);
    // Frames: exactly the three click-to-load video players, over https, nothing else (no wildcard, no self).
    expect(directive(policy, 'frame-src')).toEqual(['https://www.youtube-nocookie.com', 'https://www.dailymotion.com', 'https://www.facebook.com']);
    expect(directive(policy, 'child-src')).toEqual([]);
    expect(policy).not.toContain('upgrade-insecure-requests');
    expect(baseCsp({ https: true })).toContain('upgrade-insecure-requests');
  });
});

describe('cspForHtml', () => {
  const html = `<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async=""></script>
<script id="_R_">${turbopack}</script></head><body><img style="color:transparent" src="/media/x.svg">
<script type="application/ld+json">{"@context":"https://schema.org"}</script>
<script>${bootstrap}</script><script>${flight}</script><script>alert(document.cookie)</script></body></html>`;

  it("adds the hashes of the framework's inline scripts to script-src, and only those", () => {
    const { policy, rejected } = cspForHtml(baseCsp({ https: false }), html);
    const scriptSrc = directive(policy, 'script-src');
    expect(scriptSrc).toEqual(["'self'", sha(turbopack), sha(bootstrap), sha(flight)]);
    expect(scriptSrc).not.toContain(sha('alert(document.cookie)'));
    expect(rejected).toBe(1);
  });

  it("allows next/image's inline style attribute by hash only", () => {
    const { policy } = cspForHtml(baseCsp({ https: false }), html);
    expect(directive(policy, 'style-src-attr')).toEqual(["'unsafe-hashes'", sha('color:transparent')]);
    expect(directive(policy, 'style-src')).toEqual(["'self'"]);
  });

  it('leaves a page without inline scripts with the base policy', () => {
    const base = baseCsp({ https: false });
    expect(cspForHtml(base, '<html><body><p>Hello</p></body></html>').policy).toBe(base.split('; ').join('; '));
  });
});

describe('isFrameworkInlineScript', () => {
  it('recognizes what Next and React emit', () => {
    for (const code of [bootstrap, flight, turbopack, 'self.__next_f.push([2,null])', '$RC("B:0","S:0")']) {
      expect(isFrameworkInlineScript(code), code).toBe(true);
    }
  });

  it('rejects look-alikes that run other code', () => {
    for (const code of [
      'self.__next_f.push([1,"x"]);alert(1)',
      'self.__next_f.push([1,"x"]),fetch("//evil")',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["https://evil/x.js"],"runtimeModuleIds":[1]});',
      '$RC("B:0",alert(1))',
      'eval(location.hash)',
    ]) {
      expect(isFrameworkInlineScript(code), code).toBe(false);
    }
  });
});

describe('securityHeaders', () => {
  const values = (env: Record<string, string>) => Object.fromEntries(securityHeaders(env)[0]!.headers.map((h) => [h.key, h.value]));

  it('sends HSTS only when the site is served over HTTPS', () => {
    expect(values({ SITE_URL: 'http://localhost:3000' })['Strict-Transport-Security']).toBeUndefined();
    expect(values({ SITE_URL: 'https://kiosque.example' })['Strict-Transport-Security']).toMatch(/^max-age=\d{8}/);
  });

  it('sets the other headers on every path', () => {
    const rules = securityHeaders({ SITE_URL: 'http://localhost:3000' });
    expect(rules[0]!.source).toBe('/:path*');
    const h = values({ SITE_URL: 'http://localhost:3000' });
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['X-Frame-Options']).toBe('DENY');
    expect(h['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(h['Permissions-Policy']).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\).*interest-cohort=\(\)/);
  });

  it('isolates the newsroom from other windows (COOP), not the public reader pages', () => {
    const rules = securityHeaders({ SITE_URL: 'http://localhost:3000' });
    expect(values({ SITE_URL: 'http://localhost:3000' })['Cross-Origin-Opener-Policy']).toBeUndefined();
    const newsroom = rules.find((r) => r.source === '/newsroom/:path*');
    expect(newsroom?.headers).toEqual([{ key: 'Cross-Origin-Opener-Policy', value: 'same-origin' }]);
  });
});
