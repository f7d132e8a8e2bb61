import { describe, expect, it } from 'vitest';
import { refusalPage, SearchGuard, searchLocale } from './search-guard';

describe('search guard', () => {
  it('guards searches with words only, in both languages', () => {
    expect(searchLocale('/fr/recherche?q=cacao')).toBe('fr');
    expect(searchLocale('/en/search?q=cocoa&page=2')).toBe('en');
    expect(searchLocale('/fr/recherche')).toBeNull(); // the empty search page is a plain page
    expect(searchLocale('/fr/recherche?q=%20%20')).toBeNull();
    expect(searchLocale('/fr/economie/cacao?q=x')).toBeNull();
    expect(searchLocale('/fr')).toBeNull();
  });

  it('a client gets its per-minute share, then 429 with the seconds until the next search', () => {
    const guard = new SearchGuard({ perClientPerMinute: 3, maxInFlight: 100, maxPerSecond: 100 });
    const answers = [0, 1, 2, 3].map(() => guard.admit('client-a', 0));
    answers.forEach((a) => a.ok && a.release());
    expect(answers.map((a) => (a.ok ? 200 : a.status))).toEqual([200, 200, 200, 429]);
    expect(answers[3]).toEqual({ ok: false, status: 429, reason: 'client', retryAfter: 20 }); // 3 a minute: one every 20 s
    expect(guard.admit('client-b', 0).ok).toBe(true); // someone else is not affected
    expect(guard.admit('client-a', 20_000).ok).toBe(true);
  });

  it('at most maxInFlight searches are answered at once; a finished one frees its place', () => {
    const guard = new SearchGuard({ perClientPerMinute: 100, maxInFlight: 2, maxPerSecond: 100 });
    const a = guard.admit('a', 0);
    const b = guard.admit('b', 0);
    expect(guard.admit('c', 0)).toEqual({ ok: false, status: 429, reason: 'busy', retryAfter: 1 });
    if (a.ok) {
      a.release();
      a.release(); // twice is harmless
    }
    expect(guard.admit('c', 0).ok).toBe(true);
    expect(guard.searchesInFlight).toBe(2);
    expect(b.ok).toBe(true);
  });

  it('at most maxPerSecond searches start each second, from however many addresses', () => {
    const guard = new SearchGuard({ perClientPerMinute: 100, maxInFlight: 100, maxPerSecond: 5 });
    const started = Array.from({ length: 8 }, (_, i) => guard.admit(`client-${i}`, 500));
    started.forEach((s) => s.ok && s.release());
    expect(started.filter((s) => s.ok)).toHaveLength(5);
    expect(guard.admit('client-9', 1000).ok).toBe(true);
  });

  it('the refusal page speaks the reader’s language', () => {
    const fr = refusalPage('fr', 'client', 20);
    expect(fr).toContain('<html lang="fr">');
    expect(fr).toContain('Trop de recherches');
    expect(fr).toContain('Réessayez dans 20\u00a0secondes.'.replace('\u00a0', ' '));
    expect(fr).toContain('href="/fr"');
    expect(fr).not.toMatch(/Too many|Try again|Back to/);
    const en = refusalPage('en', 'busy', 1);
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Search is very busy right now.');
  });
});
