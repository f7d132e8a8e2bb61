/**
 * Fills a fresh SQLite database with a large synthetic newsroom, for benchmarks and scale tests:
 *
 *   npm run db:generate -- --articles 100000 --out data/large.db [--seed 42] [--translated 0.7]
 *
 * Content: bilingual stories built from parallel French/English word banks (scripts/generate/banks.ts), so that a
 * story's two versions say the same thing; the demo taxonomy (sections, topics, authors) of db/seed/content;
 * 1–3 topics per version; publication times spread over the past, the newest a few minutes ago; a few drafts and
 * scheduled versions; 30 days of daily views (recent articles get most of them, a long tail gets a few).
 *
 * Speed: raw prepared statements in large transactions, journal off during the load, the FTS triggers dropped and
 * the full-text index filled once at the end with the text readers see (kiosque_text), parsed on worker threads.
 */
import { existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { authors as seedAuthors, categories as seedCategories, tags as seedTags } from '../db/seed/content';
import { illustrationPath, crops, VARIANTS } from '../db/seed/illustrations';
import { siteDay } from '../lib/format';
import * as bank from './generate/banks';
import { mulberry32 } from '../lib/random';
import { TextWorkers } from './generate/text-workers';

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    out: { type: 'string', default: 'data/large.db' },
    seed: { type: 'string', default: '42' },
    translated: { type: 'string', default: '0.7' },
  },
});
const target = Number(args.articles);
const translatedShare = Number(args.translated);
if (!Number.isInteger(target) || target < 10 || target > 5_000_000) throw new Error('--articles must be an integer between 10 and 5,000,000');
if (!(translatedShare >= 0 && translatedShare <= 1)) throw new Error('--translated must be between 0 and 1');
const out = args.out;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const started = performance.now();

const random = mulberry32(Number(args.seed));
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;

// ---------------------------------------------------------------- text synthesis (one story → fr + en)
const nf = { fr: new Intl.NumberFormat('fr-FR'), en: new Intl.NumberFormat('en-GB') };
type L = 0 | 1; // 0 = fr, 1 = en
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface Choice { s: number; v: number; o: bank.Pair; p: number; t: number }
function choose(objects: readonly bank.Pair[]): Choice {
  return { s: int(bank.subjects.length), v: int(bank.verbs.length), o: pick(objects), p: int(bank.places.length), t: int(bank.times.length) };
}
function headline(c: Choice, l: L): string {
  const verb = bank.verbs[c.v]!;
  return `${bank.subjects[c.s]![l]} ${l === 0 ? verb.fr[0] : verb.en[0]} ${c.o[l]} ${bank.places[c.p]![l]}`;
}
function factSentence(c: Choice, l: L): string {
  const verb = bank.verbs[c.v]!;
  return l === 0
    ? `${bank.subjects[c.s]![0]} ${verb.fr[1]} ${c.o[0]} ${bank.places[c.p]![0]}, ${bank.times[c.t]![0]}.`
    : `${bank.subjects[c.s]![1]} ${verb.en[1]} ${c.o[1]} ${bank.places[c.p]![1]} ${bank.times[c.t]![1]}.`;
}

/** A paragraph as [fr, en]: 3 to 5 sentences of different shapes. */
function paragraph(objects: readonly bank.Pair[]): [string, string] {
  const fr: string[] = [];
  const en: string[] = [];
  const n = 3 + int(3);
  for (let i = 0; i < n; i++) {
    const shape = int(5);
    if (shape === 0) {
      const c = choose(objects);
      fr.push(factSentence(c, 0));
      en.push(factSentence(c, 1));
    } else if (shape === 1) {
      const q = pick(bank.quotes);
      const s = pick(bank.subjects);
      fr.push(`«\u202F${q[0]}\u202F», a déclaré ${s[0].charAt(0).toLowerCase()}${s[0].slice(1)}.`);
      en.push(`“${q[1]},” said ${s[1].charAt(0).toLowerCase()}${s[1].slice(1)}.`);
    } else if (shape === 2) {
      const src = pick(bank.sources);
      const k = pick(bank.counted);
      const tail = pick(bank.countedTail);
      const count = (1 + int(90)) * (int(2) ? 10 : 100);
      fr.push(`Selon ${src[0]}, ${nf.fr.format(count)} ${k[0]} ${tail[0]}.`);
      en.push(`According to ${src[1]}, ${nf.en.format(count)} ${k[1]} ${tail[1]}.`);
    } else if (shape === 3) {
      const con = pick(bank.connectors);
      const r = pick(bank.reactions);
      fr.push(`${con[0]}, ${r[0]}.`);
      en.push(`${con[1]}, ${r[1]}.`);
    } else {
      const r = pick(bank.reactions);
      const o = pick(objects);
      fr.push(`Au cœur des discussions, ${o[0]}\u00A0: ${r[0]}.`);
      en.push(`At the heart of the talks is ${o[1]}: ${r[1]}.`);
    }
  }
  return [fr.join(' '), en.join(' ')];
}

function slugify(text: string, suffix: string): string {
  const base = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'«»“”]/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70)
    .replace(/-+$/g, '');
  return `${base}-${suffix}`;
}

// ---------------------------------------------------------------- database
if (existsSync(out)) for (const f of [out, `${out}-wal`, `${out}-shm`]) rmSync(f, { force: true });
const db = openDatabase(out);
migrateDatabase(db);
const sqlite = db.$client;
// Bulk-load settings: nothing to protect in a file we are creating from scratch.
sqlite.pragma('journal_mode = OFF');
sqlite.pragma('synchronous = OFF');
sqlite.pragma('cache_size = -262144'); // 256 MiB
sqlite.pragma('temp_store = MEMORY');
sqlite.pragma('foreign_keys = OFF');

const ftsTriggers = sqlite
  .prepare("select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'articles' and name like 'articles_fts_%'")
  .all() as { name: string; sql: string }[];
for (const t of ftsTriggers) sqlite.exec(`DROP TRIGGER ${t.name}`);

const now = Date.now();
const ins = {
  category: sqlite.prepare('insert into categories (key, position) values (?, ?)'),
  categoryT: sqlite.prepare('insert into category_translations (category_id, locale, name, slug, description) values (?, ?, ?, ?, ?)'),
  tag: sqlite.prepare('insert into tags (key) values (?)'),
  tagT: sqlite.prepare('insert into tag_translations (tag_id, locale, name, slug) values (?, ?, ?, ?)'),
  author: sqlite.prepare('insert into authors (key, kind, url) values (?, ?, null)'),
  authorT: sqlite.prepare('insert into author_translations (author_id, locale, name, slug, bio) values (?, ?, ?, ?, ?)'),
  story: sqlite.prepare('insert into stories (id, key, created_at) values (?, null, ?)'),
  article: sqlite.prepare(`insert into articles (id, story_id, locale, slug, title, standfirst, body, kind, video_duration_seconds,
    category_id, author_id, hero_image, hero_width, hero_height, hero_alt, hero_caption, hero_credit, status, published_at, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  articleTag: sqlite.prepare('insert or ignore into article_tags (article_id, tag_id) values (?, ?)'),
  views: sqlite.prepare('insert or ignore into article_views_daily (article_id, day, views) values (?, ?, ?)'),
};

const categoryIds: { key: string; id: number; names: Record<'fr' | 'en', string> }[] = [];
const tagIds: number[] = [];
const authorIds: number[] = [];
sqlite.transaction(() => {
  for (const c of seedCategories) {
    const id = Number(ins.category.run(c.key, c.position).lastInsertRowid);
    categoryIds.push({ key: c.key, id, names: { fr: c.names.fr.name, en: c.names.en.name } });
    for (const l of ['fr', 'en'] as const) ins.categoryT.run(id, l, c.names[l].name, c.names[l].slug, c.names[l].description);
  }
  for (const t of seedTags) {
    const id = Number(ins.tag.run(t.key).lastInsertRowid);
    tagIds.push(id);
    for (const l of ['fr', 'en'] as const) ins.tagT.run(id, l, t.names[l].name, t.names[l].slug);
  }
  for (const a of seedAuthors) {
    const id = Number(ins.author.run(a.key, a.kind).lastInsertRowid);
    authorIds.push(id);
    for (const l of ['fr', 'en'] as const) ins.authorT.run(id, l, a.names[l].name, a.names[l].slug, a.names[l].bio);
  }
})();

// ---------------------------------------------------------------- progress
const isTty = process.stderr.isTTY;
let lastProgress = 0;
function progress(label: string, done: number, total: number, force = false) {
  const t = performance.now();
  if (!force && t - lastProgress < (isTty ? 200 : 5000)) return;
  lastProgress = t;
  const elapsed = (t - started) / 1000;
  const pct = total ? Math.min(100, (100 * done) / total) : 100;
  const width = 30;
  const filled = Math.round((pct / 100) * width);
  const line = `${label.padEnd(9)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct.toFixed(1).padStart(5)}%  ${done.toLocaleString('en')}/${total.toLocaleString('en')}  ${elapsed.toFixed(1)} s`;
  process.stderr.write(isTty ? `\r${line}` : `${line}\n`);
}
const endProgress = () => isTty && process.stderr.write('\n');

// ---------------------------------------------------------------- articles
// Spread publication over the past so that a typical day has ~100 versions (a busy bilingual newsroom).
const spanMs = Math.max(30 * DAY, (target / 100) * DAY);
const BATCH = 5000;
const alt = { fr: (s: string) => `Illustration de la rubrique ${s}`, en: (s: string) => `Illustration for the ${s} section` };
const credit = 'Kiosque / Illustration';
const [heroW, heroH] = crops['16x9'];
const sectionWeights: Record<string, number> = { politics: 20, economy: 18, society: 20, sport: 15, culture: 10, international: 12, videos: 5 };
const weighted = categoryIds.flatMap((c) => Array.from({ length: sectionWeights[c.key] ?? 10 }, () => c));
const pickCategory = () => pick(weighted);
let articleId = 0;
let storyId = 0;
const recent: { id: number; publishedAt: number }[] = []; // versions of the last 37 days, for views
const longTail: number[] = [];

function writeStory() {
  storyId++;
  // Newest story first in id order is not required; times are drawn from a skewed distribution (denser recently).
  const age = Math.floor(Math.pow(random(), 1.3) * spanMs) + 2 * MINUTE;
  const publishedAt = now - age;
  const category = pickCategory();
  const objects = [...(bank.objects[category.key] ?? []), ...bank.objects.any!];
  const main = choose(objects);
  const lead = choose(objects);
  const paragraphs: [string, string][] = [];
  const count = 5 + int(4);
  for (let i = 0; i < count; i++) paragraphs.push(paragraph(objects));
  const sub = pick(bank.subheadings);
  const bodies: [string, string] = [
    paragraphs.map((p, i) => (i === 3 ? `## ${sub[0]}\n\n${p[0]}` : p[0])).join('\n\n'),
    paragraphs.map((p, i) => (i === 3 ? `## ${sub[1]}\n\n${p[1]}` : p[1])).join('\n\n'),
  ];
  const isVideo = category.key === 'videos';
  const author = authorIds[int(authorIds.length)]!;
  const variant = 1 + (storyId % VARIANTS);
  const tags = new Set<number>();
  const nTags = 1 + int(3);
  while (tags.size < nTags) tags.add(tagIds[int(tagIds.length)]!);
  const status = random() < 0.01 ? 'draft' : age < 30 * MINUTE && random() < 0.1 ? 'scheduled' : 'published';
  const languages: ('fr' | 'en')[] = random() < translatedShare && target - articleId >= 2 ? ['fr', 'en'] : [random() < 0.65 ? 'fr' : 'en'];
  ins.story.run(storyId, publishedAt);
  const suffix = storyId.toString(36);
  for (const locale of languages) {
    const l: L = locale === 'fr' ? 0 : 1;
    articleId++;
    const title = cap(headline(main, l));
    const standfirst = factSentence(lead, l);
    const pub = locale === 'en' && languages.length === 2 ? publishedAt + int(120) * MINUTE : publishedAt;
    const scheduledAt = status === 'scheduled' ? now + (1 + int(48)) * 60 * MINUTE : pub;
    const updated = random() < 0.2 ? Math.min(now, pub + int(360) * MINUTE) : pub;
    ins.article.run(
      articleId, storyId, locale, slugify(title, suffix), title, standfirst, bodies[l],
      isVideo ? 'video' : 'article', isVideo ? 40 + int(360) : null,
      category.id, author, illustrationPath(category.key, variant), heroW, heroH, alt[locale](category.names[locale]),
      `${bank.places[main.p]![l].replace(/^(à|in) /, '')}`, credit,
      status, status === 'draft' ? null : scheduledAt, pub, status === 'published' ? Math.max(updated, pub) : pub,
    );
    for (const t of tags) ins.articleTag.run(articleId, t);
    if (status === 'published') {
      if (now - pub < 37 * DAY) recent.push({ id: articleId, publishedAt: pub });
      else if (random() < 0.05) longTail.push(articleId);
    }
  }
}

const writeBatch = sqlite.transaction((until: number) => {
  while (articleId < until) writeStory();
});
while (articleId < target) {
  writeBatch(Math.min(target, articleId + BATCH));
  progress('articles', articleId, target);
}
progress('articles', articleId, target, true);
endProgress();

// ---------------------------------------------------------------- views: 30 days
const dayRows = sqlite.transaction(() => {
  let rows = 0;
  for (let d = 0; d < 30; d++) {
    const dayStart = now - d * DAY;
    const day = siteDay(new Date(dayStart));
    for (const a of recent) {
      if (a.publishedAt > dayStart) continue;
      const age = (dayStart - a.publishedAt) / DAY;
      if (age > 7) continue;
      const popularity = 20 + (a.id % 13 === 0 ? 2000 : 300) * random();
      const views = Math.round(popularity * Math.exp(-age / 2) * (0.6 + random() * 0.8));
      if (views > 0) {
        ins.views.run(a.id, day, views);
        rows++;
      }
    }
    for (let i = 0; i < Math.min(400, longTail.length); i++) {
      ins.views.run(longTail[int(longTail.length)]!, day, 1 + int(25));
      rows++;
    }
    progress('views', d + 1, 30);
  }
  return rows;
});
const viewRows = dayRows();
progress('views', 30, 30, true);
endProgress();

// ---------------------------------------------------------------- full-text index
/**
 * The index holds the text readers see (kiosque_text, lib/plain-text.ts), the same as the triggers write. Parsing
 * every body is most of the generator's time, so it runs on worker threads (./generate/text-workers.ts) while this
 * thread reads chunks by id and writes what comes back, a few chunks in flight per worker.
 */
async function fillFullTextIndex(): Promise<void> {
  const workers = new TextWorkers();
  const read = sqlite.prepare('SELECT id, title, standfirst, body FROM articles WHERE id > ? ORDER BY id LIMIT ?');
  const insert = sqlite.prepare('INSERT INTO articles_fts(rowid, title, standfirst, body) VALUES (?, ?, ?, ?)');
  const write = sqlite.transaction((rows: { id: number; title: string; standfirst: string }[], texts: string[]) => {
    rows.forEach((r, i) => insert.run(r.id, r.title, r.standfirst, texts[i]));
  });
  const CHUNK = 250;
  const inFlight = new Set<Promise<void>>();
  let last = 0;
  let done = 0;
  try {
    for (;;) {
      const rows = read.all(last, CHUNK) as { id: number; title: string; standfirst: string; body: string }[];
      if (!rows.length) break;
      last = rows[rows.length - 1]!.id;
      const chunk = workers.texts(rows.map((r) => r.body)).then((texts) => {
        write(rows, texts);
        done += rows.length;
        progress('search', done, articleId);
      });
      inFlight.add(chunk);
      void chunk.finally(() => inFlight.delete(chunk)).catch(() => {});
      if (inFlight.size >= workers.size * 3) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await workers.close();
  }
  progress('search', done, articleId, true);
  endProgress();
}

const ftsStart = performance.now();
for (const t of ftsTriggers) sqlite.exec(t.sql);
sqlite.exec('DELETE FROM articles_fts');
fillFullTextIndex().then(finish, (error: unknown) => {
  console.error(error);
  process.exit(1);
});

function finish() {
  const ftsSeconds = (performance.now() - ftsStart) / 1000;
  sqlite.exec('ANALYZE');
  sqlite.pragma('foreign_keys = ON');
  const fkErrors = sqlite.pragma('foreign_key_check') as unknown[];
  if (fkErrors.length) throw new Error(`foreign key violations: ${fkErrors.length}`);
  sqlite.pragma('journal_mode = WAL');
  sqlite.close();

  const total = (performance.now() - started) / 1000;
  console.log(
    `${out}: ${articleId.toLocaleString('en')} article versions in ${storyId.toLocaleString('en')} stories, ${viewRows.toLocaleString('en')} daily view rows; ` +
      `full-text index ${ftsSeconds.toFixed(1)} s; total ${total.toFixed(1)} s`,
  );
}
