import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { highlightParts, MARK_END, MARK_START } from '@/lib/highlight';
import { newsroom, useTestDb } from '@/tests/support/db';
import { buildMatchQuery, countSearchResults, MAX_QUERY_WORDS, searchArticles } from './search';

const now = new Date('2026-03-18T09:00:00Z');
let env: ReturnType<typeof useTestDb>;
let room: ReturnType<typeof newsroom>;
let ids: Record<string, number>;

beforeEach(() => {
  env = useTestDb();
  room = newsroom(env.db, now);
  const economy = room.category('economy');
  const author = room.author('ada');
  const a = (slug: string, locale: 'fr' | 'en', title: string, body: string, extra: Partial<Parameters<typeof room.article>[0]> = {}) =>
    room.article({ slug, locale, title, body, categoryId: economy, authorId: author, ...extra });
  ids = {
    economie: a('economie', 'fr', 'L’économie du Cameroun résiste', 'La croissance **économique** reste solide selon la banque centrale.', { ageHours: 10 }),
    cacao: a('cacao', 'fr', 'Le prix du cacao grimpe', 'Les planteurs de cacao du Centre se réjouissent. Cameroun.', { ageHours: 20 }),
    ancien: a('ancien', 'fr', 'Cacao : bilan de la campagne', 'Le cacao et le café dans l’économie.', { ageHours: 24 * 400 }),
    draft: a('brouillon', 'fr', 'Économie secrète', 'Brouillon sur l’économie du Cameroun.', { status: 'draft' }),
    future: a('futur', 'fr', 'Économie de demain', 'Article programmé sur l’économie.', { status: 'scheduled', ageHours: -5 }),
    english: a('economy', 'en', 'Cameroon’s economy holds up', 'Cocoa exports and the economy.', { ageHours: 10 }),
  };
});
afterEach(() => env.close());

const found = (locale: 'fr' | 'en', q: string) => searchArticles(locale, q, 1, 10, now)!.items.map((h) => h.article.id);

describe('search: accents, case, prefix', () => {
  it('is accent-insensitive: "economie" finds "économie"', () => {
    expect(found('fr', 'economie')).toContain(ids.economie);
    expect(found('fr', 'ÉCONOMIE')).toContain(ids.economie);
  });

  it('is case-insensitive: "cameroun" finds "Cameroun"', () => {
    expect(found('fr', 'cameroun')).toEqual(expect.arrayContaining([ids.economie, ids.cacao]));
  });

  it('matches the last word as a prefix, the others as whole words', () => {
    expect(found('fr', 'prix cac')).toEqual([ids.cacao]);
    expect(found('fr', 'cac prix')).toEqual([]); // "cac" is not a prefix when not last
    expect(found('fr', 'planteur')).toEqual([ids.cacao]);
  });

  it('needs every word', () => {
    expect(found('fr', 'cacao banque')).toEqual([]);
  });

  it('shows only the reader’s language, never drafts or future articles', () => {
    expect(found('fr', 'économie').sort()).toEqual([ids.economie, ids.ancien].sort());
    expect(found('en', 'economy')).toEqual([ids.english]);
    expect(countSearchResults('en', 'cacao', now)).toBe(0);
    expect(countSearchResults('fr', 'cacao', now)).toBe(2);
  });

  it('ranks by relevance and recency: a title match of today beats an old one', () => {
    expect(found('fr', 'cacao')).toEqual([ids.cacao, ids.ancien]);
  });

  it('highlights matches with markers that become <mark> parts', () => {
    const [hit] = searchArticles('fr', 'croissance', 1, 10, now)!.items;
    expect(hit!.snippet).toContain(`${MARK_START}croissance${MARK_END}`);
    expect(hit!.snippet).not.toContain('**'); // Markdown punctuation removed
    const marked = highlightParts(hit!.snippet).filter((p) => p.marked);
    expect(marked.map((p) => p.text)).toEqual(['croissance']);
    const [titleHit] = searchArticles('fr', 'resiste', 1, 10, now)!.items;
    expect(highlightParts(titleHit!.title)).toEqual([
      { text: 'L’économie du Cameroun ', marked: false },
      { text: 'résiste', marked: true },
    ]);
  });

  it('paginates; a page beyond the last is null', () => {
    const p1 = searchArticles('fr', 'cacao', 1, 1, now)!;
    expect(p1).toMatchObject({ total: 2, pageCount: 2, page: 1 });
    expect(searchArticles('fr', 'cacao', 2, 1, now)!.items.map((h) => h.article.id)).toEqual([ids.ancien]);
    expect(searchArticles('fr', 'cacao', 3, 1, now)).toBeNull();
  });
});

describe('search: hostile input never reaches FTS5 as syntax', () => {
  const hostile = [
    '"',
    '""',
    '"cacao',
    'cacao"',
    '*',
    'cacao*',
    '*cacao',
    '-cacao',
    'cacao -prix',
    'NEAR(',
    'NEAR(cacao prix)',
    'NEAR(cacao prix, 2)',
    'OR',
    'cacao OR',
    'OR cacao',
    'cacao OR prix',
    'AND NOT',
    'NOT cacao',
    '(',
    ')',
    '(cacao',
    'cacao)',
    '((()))',
    'title:cacao',
    '{title body}: cacao',
    '^cacao',
    '+',
    'cacao + prix',
    "l'économie",
    '\\',
    '\u0000',
    '\uE000cacao\uE001',
    '\uFFFD\uFFFD',
    '🙂',
    '   ',
    '',
    '%',
    '%FF',
    'x'.repeat(1000),
    'cacao '.repeat(200),
    '"'.repeat(1000),
    '('.repeat(1000),
  ];

  it.each(hostile.map((q) => [q.length > 40 ? `${q.slice(0, 20)}… (${q.length} chars)` : JSON.stringify(q), q]))('%s → results or empty, no error', (_label, q) => {
    expect(() => searchArticles('fr', q, 1, 10, now)).not.toThrow();
    const page = searchArticles('fr', q, 1, 10, now)!;
    expect(page).not.toBeNull();
    expect(page.items.length).toBe(page.total > 10 ? 10 : page.total);
  });

  it('the operators are plain words: "cacao OR banque" needs the word "or"', () => {
    expect(found('fr', 'cacao OR banque')).toEqual([]);
    expect(found('fr', '"cacao" -prix')).toEqual([ids.cacao]); // "-" is not NOT
    expect(found('fr', 'NEAR(cacao prix)')).toEqual([]);
  });

  it('builds only quoted strings, the last one a prefix', () => {
    expect(buildMatchQuery('  cacao OR NEAR(prix, 2) -x* ')).toBe('"cacao" "OR" "NEAR" "prix" "2" "x"*');
    expect(buildMatchQuery('"*()-:^')).toBeNull();
    expect(buildMatchQuery('')).toBeNull();
    expect(buildMatchQuery('word '.repeat(100))!.match(/"/g)!.length).toBe(2 * MAX_QUERY_WORDS);
  });

  it('an empty query gives an empty first page', () => {
    expect(searchArticles('fr', '', 1, 10, now)).toEqual({ items: [], total: 0, page: 1, pageCount: 1 });
    expect(searchArticles('fr', '', 2, 10, now)).toBeNull();
  });

  it('every hostile MATCH expression is valid FTS5 syntax', () => {
    const stmt = env.db.$client.prepare('select count(*) as n from articles_fts where articles_fts match ?');
    for (const q of hostile) {
      const match = buildMatchQuery(q);
      if (match) expect(() => stmt.get(match), q).not.toThrow();
    }
  });
});

describe('search index stays in sync with articles', () => {
  it('finds an edited title and forgets a deleted article', () => {
    env.db.$client.prepare("update articles set title = 'Le manioc flambe' where id = ?").run(ids.cacao);
    expect(found('fr', 'manioc')).toEqual([ids.cacao]);
    expect(found('fr', 'prix')).toEqual([]);
    env.db.$client.prepare('delete from articles where id = ?').run(ids.cacao);
    expect(found('fr', 'manioc')).toEqual([]);
  });
});

describe('search: the text readers see, not Markdown', () => {
  const marked = (text: string) => highlightParts(text).filter((p) => p.marked).map((p) => p.text.toLowerCase());

  it('link targets, image paths and syntax are not searchable; link text is', () => {
    const economy = room.category('politics');
    const author = room.author('bea');
    const id = room.article({
      locale: 'fr',
      slug: 'rapport',
      title: 'Le budget voté',
      body: 'Lire [le rapport du ministère](https://minfi.example/annexes/loi-finances.pdf) et voir ![la carte](/media/carte-regions.png).\n\n## Détails **chiffrés**',
      categoryId: economy,
      authorId: author,
    });
    expect(found('fr', 'minfi')).toEqual([]);
    expect(found('fr', 'annexes')).toEqual([]);
    expect(found('fr', 'regions')).toEqual([]);
    expect(found('fr', 'media')).toEqual([]);
    expect(found('fr', 'rapport ministère')).toEqual([id]);
    expect(found('fr', 'carte')).toEqual([id]); // image alt text is shown to readers (and to screen readers)
    const hit = searchArticles('fr', 'chiffrés', 1, 10, now)!.items[0]!;
    expect(marked(hit.snippet)).toEqual(['chiffrés']);
    expect(hit.snippet).not.toMatch(/\*\*|##|\]\(|https?:/);
  });

  it('an article edited later is re-indexed as text', () => {
    env.db.$client.prepare("update articles set body = 'Voir [ici](https://kribi.example/port) le **port** de Kribi.' where id = ?").run(ids.cacao);
    expect(found('fr', 'kribi')).toEqual([ids.cacao]);
    expect(found('fr', 'planteurs')).toEqual([]);
    const hit = searchArticles('fr', 'port', 1, 10, now)!.items[0]!;
    expect(hit.snippet.replaceAll(MARK_START, '').replaceAll(MARK_END, '')).toBe('Voir ici le port de Kribi.');
  });

  it('the snippet shows the matched words when they are far into a long body', () => {
    const economy = room.category('long');
    const author = room.author('cid');
    const filler = Array.from({ length: 300 }, (_, i) => `Paragraphe ${i} sans rapport avec la question.`).join('\n\n');
    room.article({ locale: 'fr', slug: 'long', title: 'Un long dossier', body: `${filler}\n\nEnfin, la *mangrove* de Douala.`, categoryId: economy, authorId: author });
    const hit = searchArticles('fr', 'mangrove', 1, 10, now)!.items[0]!;
    expect(marked(hit.snippet)).toEqual(['mangrove']);
  });

  it('a word only in the standfirst is shown in the standfirst’s excerpt', () => {
    const economy = room.category('chapo');
    const author = room.author('dee');
    room.article({ locale: 'fr', slug: 'chapo', title: 'Un titre', standfirst: 'Le chapô parle de la savane.', body: 'Le corps parle d’autre chose.', categoryId: economy, authorId: author });
    const hit = searchArticles('fr', 'savane', 1, 10, now)!.items[0]!;
    expect(marked(hit.snippet)).toEqual(['savane']);
  });
});
