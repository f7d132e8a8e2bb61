/**
 * `npm run bench -- --model` (or `npm run bench:model`): how much can one server carry? Replays a model of a news
 * day against `next start` behind the shipped nginx configuration (deploy/nginx.conf, ./nginx.ts), raising the
 * rate in steps until p99 passes 1 s or errors appear, then stops by itself and writes its table between the
 * `bench:model` markers of BENCHMARKS.md (the method is written there, above the markers).
 *
 * The model (one "page view" = what a reader's phone asks for):
 *  - two thirds of page views are articles, chosen on a Zipf curve (s = 1) over every published version ranked
 *    by popularity: the versions of the last 48 hours first (in a fixed random order: recent is not the same as
 *    popular), then the archive, newest first. Each article view sends its view beacon (POST /api/views, a phone's
 *    user agent, a random per-tab token, one of 20,000 carrier addresses in X-Forwarded-For), as the lite
 *    script does;
 *  - one third are front pages (60 %) and section pages (40 %; one in ten is a section's page 2), in each
 *    language in proportion to its published versions;
 *  - a share of views are cold (`--cold-share`, default 20 %): the phone also fetches the stylesheets, fonts and
 *    lite script (nginx serves them from its cache: immutable). Images are left out (nginx serves library photos
 *    from disk, not through the app);
 *  - the newsroom publishes an article every `--publish-every` seconds (default 60) through the same write
 *    layer as the newsroom (db/article-writes.ts createArticle + publishArticle, the `system` actor), then
 *    revalidates every page it touches (lib/publishing/targets.ts → POST /api/revalidate, which takes paths: the
 *    sitemap files are refreshed by the app's scheduler, which replays the audit log within a minute); new
 *    articles join the top of the popularity ranking from the next step on.
 *
 * Load: wrk with a Lua script (requests prepared once per step, a Poisson arrival schedule per wrk thread through
 * wrk's `delay()` hook, so the rate is set rather than being whatever N busy connections achieve; latency is
 * measured from when a request is written, so a generator that falls behind shows as "achieved < target", which
 * ends the run). The database is copied first (--db is never written). The machine has two cores, shared by
 * next, nginx and the load generator: wrk's CPU is sampled and reported beside them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { mulberry32 } from '../../lib/random';
import { startNginx, type Nginx } from './nginx';
import { READER_UA } from './page-types';
import { revalidatePaths, startApp, stop, type App } from './server';
import { wrkVersion } from './wrk';

export interface ModelOptions {
  db: string;
  work: string;
  stepSeconds: number;
  startRate: number;
  factor: number;
  maxMinutes: number;
  coldShare: number;
  publishEvery: number;
  appPort?: number;
  nginxPort?: number;
  write: boolean;
}

const log = (...a: unknown[]) => console.error('·', ...a);
const f0 = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '–');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const pct = (n: number) => (Number.isFinite(n) ? `${Math.round(n * 100)} %` : '–');

const ARTICLE_SHARE = 2 / 3;
const FRONT_SHARE_OF_LISTINGS = 0.6;
const RECENT_MS = 48 * 3600_000;
const ADDRESSES = 20_000;
const P99_LIMIT_MS = 1000;
/** Page views per request file: the Lua script cycles through them. */
const VIEWS_PER_FILE = 30_000;

// ---------------------------------------------------------------- content and the popularity model
export interface Article {
  id: number;
  locale: string;
  path: string;
  publishedAt: number;
}

function readContent(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const visible = `a.status = 'published' and a.published_at <= unixepoch('now') * 1000`;
    const articles = (
      db
        .prepare(
          `select a.id, a.locale, a.slug, c.slug as section, a.published_at as publishedAt from articles a
           join category_translations c on c.category_id = a.category_id and c.locale = a.locale
           where ${visible} order by a.published_at desc, a.id desc`,
        )
        .all() as { id: number; locale: string; slug: string; section: string; publishedAt: number }[]
    ).map((a) => ({ id: a.id, locale: a.locale, path: `/${a.locale}/${a.section}/${a.slug}`, publishedAt: a.publishedAt }));
    const sections = db
      .prepare(
        `select c.locale, c.slug, count(a.id) as n from category_translations c
         join articles a on a.category_id = c.category_id and a.locale = c.locale and ${visible}
         group by c.locale, c.slug`,
      )
      .all() as { locale: string; slug: string; n: number }[];
    const category = db.prepare('select id from categories order by id limit 1').get() as { id: number } | undefined;
    const author = db.prepare('select id from authors order by id limit 1').get() as { id: number } | undefined;
    if (!articles.length || !sections.length || !category || !author) throw new Error('the database has no published content to model a day on');
    return { articles, sections, categoryId: category.id, authorId: author.id };
  } finally {
    db.close();
  }
}

/** Popularity order: the last 48 h (shuffled: recent is not popular by itself), then the archive, newest first. */
export function popularityOrder(articles: Article[], random: () => number, now: number): Article[] {
  const recent = articles.filter((a) => now - a.publishedAt < RECENT_MS);
  for (let i = recent.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [recent[i], recent[j]] = [recent[j]!, recent[i]!];
  }
  return [...recent, ...articles.filter((a) => now - a.publishedAt >= RECENT_MS)];
}

/** Zipf (s = 1) sampling over ranks 0…n-1: cumulative weights and a binary search. */
export function zipf(n: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) cumulative[r] = sum += 1 / (r + 1);
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

// ---------------------------------------------------------------- request files and the wrk script
export interface Mix {
  lines: string[];
  views: number;
  requests: number;
  beacons: number;
  /** Share of page views on the articles of the last 48 h. */
  recentShare: number;
}

export function requestMix(ranked: Article[], sections: { locale: string; slug: string; n: number }[], assets: string[], coldShare: number, random: () => number, now: number): Mix {
  const pickArticle = zipf(ranked.length, random);
  const locales = [...new Set(ranked.map((a) => a.locale))];
  const perLocale = locales.map((l) => ranked.filter((a) => a.locale === l).length / ranked.length);
  const pickLocale = () => {
    let x = random();
    for (let i = 0; i < locales.length; i++) if ((x -= perLocale[i]!) < 0) return locales[i]!;
    return locales[0]!;
  };
  const sectionsOf = new Map(locales.map((l) => [l, sections.filter((s) => s.locale === l)]));
  const lines: string[] = [];
  let beacons = 0;
  let recent = 0;
  for (let v = 0; v < VIEWS_PER_FILE; v++) {
    if (random() < ARTICLE_SHARE) {
      const a = ranked[pickArticle()]!;
      if (now - a.publishedAt < RECENT_MS) recent += 1;
      lines.push(`GET\t${a.path}`);
      const reader = randomBytes(16).toString('hex');
      const n = Math.floor(random() * ADDRESSES);
      lines.push(`POST\t/api/views\t{"articleId":${a.id},"reader":"${reader}"}\t10.${100 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`);
      beacons += 1;
    } else {
      const locale = pickLocale();
      const list = sectionsOf.get(locale) ?? [];
      if (random() < FRONT_SHARE_OF_LISTINGS || !list.length) lines.push(`GET\t/${locale}`);
      else {
        const s = list[Math.floor(random() * list.length)]!;
        lines.push(random() < 0.1 && s.n > 24 ? `GET\t/${locale}/${s.slug}/page/2` : `GET\t/${locale}/${s.slug}`);
      }
    }
    if (random() < coldShare) for (const asset of assets) lines.push(`GET\t${asset}`);
  }
  return { lines, views: VIEWS_PER_FILE, requests: lines.length, beacons, recentShare: recent / VIEWS_PER_FILE };
}

const lua = (file: string, ratePerThreadPerMs: number) => `
local ffi = require("ffi")
ffi.cdef[[ typedef struct { long tv_sec; long tv_usec; } kiosque_timeval; int gettimeofday(kiosque_timeval *tv, void *tz); ]]
local tv = ffi.new("kiosque_timeval")
local function now() ffi.C.gettimeofday(tv, nil); return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000 end
local threads = 0
function setup(thread) thread:set("id", threads); threads = threads + 1 end
local requests = {}
local i = 0
local slot = 0
local rate = ${ratePerThreadPerMs}
function init(args)
  local base = { ["User-Agent"] = [==[${READER_UA}]==], ["Accept-Encoding"] = "gzip, br", ["Accept-Language"] = "fr-FR,fr;q=0.9" }
  for line in io.lines([==[${file}]==]) do
    local m, p, b, x = line:match("^(%u+)\\t([^\\t]*)\\t?([^\\t]*)\\t?([^\\t]*)$")
    if m == "POST" then
      requests[#requests + 1] = wrk.format("POST", p, { ["User-Agent"] = base["User-Agent"], ["Content-Type"] = "text/plain;charset=UTF-8", ["X-Forwarded-For"] = x }, b)
    else
      requests[#requests + 1] = wrk.format("GET", p, base)
    end
  end
  math.randomseed(1000 + (id or 0))
  i = math.floor(#requests * (id or 0) / 2)
  slot = now()
end
function request()
  i = i + 1
  if i > #requests then i = 1 end
  return requests[i]
end
function delay()
  local t = now()
  if slot < t - 1000 then slot = t end
  slot = slot - math.log(1 - math.random()) / rate
  local d = slot - t
  if d < 1 then return 0 end
  return math.floor(d)
end
done = function(s, latency, requests)
  io.write(string.format('WRKJSON {"requests":%d,"bytes":%d,"us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50":%d,"p99":%d}\\n',
    s.requests, s.bytes, s.duration, s.errors.connect, s.errors.read, s.errors.write, s.errors.status, s.errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
`;

interface WrkResult {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  socketErrors: number;
  badStatus: number;
  cpu: number;
}

function runWrk(url: string, script: string, connections: number, seconds: number, sampler: CpuSampler): Promise<WrkResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', ['-t2', `-c${connections}`, `-d${seconds}s`, '--timeout', '5s', '-s', script, url], { stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.pid) sampler.track('wrk', child.pid);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('WRKJSON '));
      if (code !== 0 || !line) return reject(new Error(`wrk exited with ${code}: ${out.slice(-500)}`));
      const s = JSON.parse(line.slice(8)) as Record<string, number>;
      resolve({
        requests: s.requests!,
        seconds: s.us! / 1e6,
        p50: s.p50! / 1000,
        p99: s.p99! / 1000,
        socketErrors: s.connect! + s.read! + s.write! + s.timeout!,
        badStatus: s.status!,
        cpu: 0,
      });
    });
  });
}

// ---------------------------------------------------------------- CPU from /proc
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

function ticksOf(pid: number): { ticks: number; ppid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

function machineTicks(): { busy: number; total: number } {
  const [, ...f] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = f.map(Number);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - n[3]! - n[4]!, total };
}

/** CPU time of process trees (next, nginx, wrk), sampled every second so that a process that exits is still counted. */
class CpuSampler {
  private roots = new Map<string, number[]>();
  private seen = new Map<number, { group: string; first: number; last: number }>();
  private timer?: NodeJS.Timeout;
  private machine0 = machineTicks();
  private started = performance.now();
  private bench0 = process.cpuUsage();

  track(group: string, pid: number) {
    this.roots.set(group, [...(this.roots.get(group) ?? []), pid]);
    this.sample();
  }

  start() {
    this.seen.clear();
    this.machine0 = machineTicks();
    this.started = performance.now();
    this.bench0 = process.cpuUsage();
    this.sample();
    this.timer = setInterval(() => this.sample(), 1000);
  }

  private sample() {
    const all = new Map<number, { ticks: number; ppid: number }>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const t = ticksOf(Number(name));
      if (t) all.set(Number(name), t);
    }
    for (const [group, pids] of this.roots) {
      const tree = new Set(pids.filter((p) => all.has(p)));
      let grew = true;
      while (grew) {
        grew = false;
        for (const [pid, t] of all) {
          if (tree.has(pid) || !tree.has(t.ppid)) continue;
          tree.add(pid);
          grew = true;
        }
      }
      for (const pid of tree) {
        const ticks = all.get(pid)!.ticks;
        const known = this.seen.get(pid);
        if (known) known.last = ticks;
        else this.seen.set(pid, { group, first: ticks, last: ticks });
      }
    }
  }

  /** Share of one core used by each group since start(), and of the whole machine. */
  stop(): Record<string, number> & { machine: number; bench: number } {
    clearInterval(this.timer);
    this.sample();
    const seconds = (performance.now() - this.started) / 1000;
    const out: Record<string, number> = {};
    for (const { group, first, last } of this.seen.values()) out[group] = (out[group] ?? 0) + (last - first) / CLK_TCK / seconds;
    const m = machineTicks();
    const bench = process.cpuUsage(this.bench0);
    return { ...out, machine: (m.busy - this.machine0.busy) / (m.total - this.machine0.total), bench: (bench.user + bench.system) / 1e6 / seconds };
  }
}

// ---------------------------------------------------------------- the nginx access log
interface EdgeStats {
  pages: number;
  pageHits: number;
  origin: number;
  beacons: number;
  assets: number;
  bad: number;
  pageP99: number;
  beaconP99: number;
  statuses: Record<string, number>;
}

function readLog(file: string, from: number): { stats: EdgeStats; offset: number } {
  const size = existsSync(file) ? statSync(file).size : 0;
  const stats: EdgeStats = { pages: 0, pageHits: 0, origin: 0, beacons: 0, assets: 0, bad: 0, pageP99: NaN, beaconP99: NaN, statuses: {} };
  if (size <= from) return { stats, offset: from };
  const text = readFileSync(file).subarray(from, size).toString('utf8');
  const pageTimes: number[] = [];
  const beaconTimes: number[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let r: { uri: string; method: string; status: number; duration: number; upstream: string; cache: string };
    try {
      r = JSON.parse(line);
    } catch {
      continue;
    }
    stats.statuses[r.status] = (stats.statuses[r.status] ?? 0) + 1;
    // 499: the client closed the connection — wrk does, with requests in flight, when a step ends. Not the server's
    // error (a client that gave up early shows in wrk's own socket errors and time-outs).
    if (r.status >= 400 && r.status !== 499) stats.bad += 1;
    if (r.upstream && r.upstream !== '-') stats.origin += 1;
    if (r.uri.startsWith('/api/views')) {
      stats.beacons += 1;
      beaconTimes.push(r.duration * 1000);
    } else if (r.uri.startsWith('/_next/')) stats.assets += 1;
    else {
      stats.pages += 1;
      pageTimes.push(r.duration * 1000);
      if (r.cache === 'HIT' || r.cache === 'STALE' || r.cache === 'UPDATING') stats.pageHits += 1;
    }
  }
  const p99 = (xs: number[]) => (xs.length ? xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]! : NaN);
  stats.pageP99 = p99(pageTimes);
  stats.beaconP99 = p99(beaconTimes);
  return { stats, offset: size };
}

// ---------------------------------------------------------------- the newsroom
async function newsroom(dbFile: string, app: App, content: ReturnType<typeof readContent>) {
  process.env.DATABASE_PATH = dbFile;
  const writes = await import('../../db/article-writes');
  const { refreshTargets } = await import('../../lib/publishing/targets');
  const published: Article[] = [];
  let failures = 0;
  let n = 0;
  const publishOne = async () => {
    n += 1;
    try {
      const stamp = new Date().toISOString();
      const { id } = writes.createArticle(writes.SYSTEM_NEWSROOM_ACTOR, {
        locale: 'fr',
        title: `Dépêche de charge ${n} (${stamp})`,
        standfirst: 'Article publié par le modèle de charge de npm run bench -- --model.',
        body: Array.from({ length: 8 }, (_, i) => `Paragraphe ${i + 1} de la dépêche ${n}, publiée à ${stamp} pendant la mesure de capacité.`).join('\n\n'),
        categoryId: content.categoryId,
        authorId: content.authorId,
      });
      writes.publishArticle(writes.SYSTEM_NEWSROOM_ACTOR, id);
      const places = writes.readerPlacesOf(id);
      const paths = refreshTargets([places]).map((t) => t.path);
      await revalidatePaths(app, paths.slice(0, 200), { timeoutMs: 10_000 });
      if (places?.articleUrls[0]) published.unshift({ id, locale: 'fr', path: places.articleUrls[0], publishedAt: Date.now() });
    } catch (error) {
      failures += 1;
      log(`publication ${n} failed: ${(error as Error).message}`);
    }
  };
  return { publishOne, published, stats: () => ({ count: n, failures }) };
}

// ---------------------------------------------------------------- main
interface Step {
  target: number;
  achieved: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  edge: EdgeStats;
  seconds: number;
  cpu: Record<string, number> & { machine: number; bench: number };
  connections: number;
  reasons: string[];
}

export async function runModel(o: ModelOptions): Promise<void> {
  if (!wrkVersion) throw new Error('the capacity model needs wrk (apt-get install wrk): autocannon would spend the cores it measures');
  const deadline = Date.now() + o.maxMinutes * 60_000;
  const loadAtStart = loadavg();
  const copy = join(o.work, 'model.db');
  log(`copying ${o.db} (the run publishes into the copy)…`);
  const source = new Database(o.db, { readonly: true, fileMustExist: true });
  await source.backup(copy);
  source.close();
  const content = readContent(copy);
  log(`${f0(content.articles.length)} published versions, ${content.sections.length} sections`);

  const app = await startApp(copy, { port: o.appPort, env: { LOG_REQUESTS: '0', KIOSQUE_WIRE_POLLER: '0' } });
  let nginx: Nginx | undefined;
  const sampler = new CpuSampler();
  try {
    nginx = await startNginx({ work: o.work, appPort: app.port, port: o.nginxPort });
    sampler.track('next', app.child.pid!);
    sampler.track('nginx', nginx.child.pid!);
    // What a cold view fetches besides the HTML: the stylesheets, font preloads and scripts of an article page.
    const articleHtml = await (await fetch(`${nginx.proxy}${content.articles[0]!.path}`)).text();
    const assets = [
      ...articleHtml.matchAll(/<link rel="stylesheet" href="([^"]+)"/g),
      ...articleHtml.matchAll(/<link rel="preload" href="([^"]+)" as="font"/g),
      ...articleHtml.matchAll(/<script src="([^"]+)"/g),
    ].map((m) => m[1]!);
    log(`a cold view also fetches ${assets.length} assets: ${assets.join(', ')}`);
    const desk = await newsroom(copy, app, content);
    const random = mulberry32(42);
    // A fixed popularity order for the whole run; each publication goes on top of it.
    const baseOrder = popularityOrder(content.articles, mulberry32(7), Date.now());
    const scriptFile = join(o.work, 'model.lua');
    const requestsFile = join(o.work, 'model-requests.tsv');
    const prepare = (rate: number) => {
      const now = Date.now();
      const ranked = [...desk.published, ...baseOrder];
      const mix = requestMix(ranked, content.sections, assets, o.coldShare, random, now);
      writeFileSync(requestsFile, `${mix.lines.join('\n')}\n`);
      const perView = mix.requests / mix.views;
      const rps = rate * perView;
      writeFileSync(scriptFile, lua(requestsFile, rps / 2 / 1000));
      return { mix, perView, rps, connections: Math.min(2000, Math.max(16, Math.ceil(rps * 0.25))) };
    };

    log('warming the caches (10 s, not counted)…');
    const warm = prepare(o.startRate);
    await runWrk(nginx.proxy, scriptFile, warm.connections, 10, sampler);
    await nginx.flushLog();
    let offset = readLog(nginx.accessLog, 0).offset;

    let nextPublication = Date.now();
    const publisher = setInterval(() => {
      if (Date.now() >= nextPublication) {
        nextPublication += o.publishEvery * 1000;
        void desk.publishOne();
      }
    }, 500);
    const steps: Step[] = [];
    let mixInfo = warm.mix;
    try {
      for (let rate = o.startRate; ; rate *= o.factor) {
        if (Date.now() + (o.stepSeconds + 5) * 1000 > deadline) {
          log('time is up (--max-minutes): stopping');
          break;
        }
        const plan = prepare(rate);
        mixInfo = plan.mix;
        log(`step: ${f0(rate)} page views/s (${f0(plan.rps)} requests/s, ${plan.connections} connections, ${o.stepSeconds} s)`);
        sampler.start();
        const w = await runWrk(nginx.proxy, scriptFile, plan.connections, o.stepSeconds, sampler);
        const cpu = sampler.stop();
        await nginx.flushLog();
        const read = readLog(nginx.accessLog, offset);
        offset = read.offset;
        const rps = w.requests / w.seconds;
        const step: Step = {
          target: rate,
          achieved: rps / plan.perView,
          rps,
          p50: w.p50,
          p99: w.p99,
          errors: w.socketErrors + w.badStatus + read.stats.bad,
          edge: read.stats,
          seconds: w.seconds,
          cpu,
          connections: plan.connections,
          reasons: [],
        };
        if (step.p99 > P99_LIMIT_MS) step.reasons.push(`p99 ${f0(step.p99)} ms > ${P99_LIMIT_MS} ms`);
        if (step.errors > 0) step.reasons.push(`${step.errors} errors (socket ${w.socketErrors}, HTTP ≥ 400 ${w.badStatus} in wrk and ${read.stats.bad} in nginx's log: ${JSON.stringify(read.stats.statuses)})`);
        if (step.achieved < 0.9 * rate) step.reasons.push(`achieved ${f0(step.achieved)} of ${f0(rate)} page views/s`);
        steps.push(step);
        log(`  → ${f0(step.achieved)} page views/s, p99 ${f0(step.p99)} ms, errors ${step.errors}, hit ratio ${pct(step.edge.pageHits / step.edge.pages)}, CPU next ${pct(cpu.next ?? 0)} nginx ${pct(cpu.nginx ?? 0)} wrk ${pct(cpu.wrk ?? 0)} machine ${pct(cpu.machine)}`);
        if (step.reasons.length) break;
      }
    } finally {
      clearInterval(publisher);
    }
    report(o, steps, mixInfo, assets.length, desk.stats(), content.articles.length, loadAtStart);
  } finally {
    if (nginx) await stop(nginx.child);
    await stop(app.child);
  }
}

function report(o: ModelOptions, steps: Step[], mix: Mix, assetCount: number, desk: { count: number; failures: number }, articleCount: number, loadAtStart: number[]) {
  const lines: string[] = [];
  const out = (line = '') => {
    lines.push(line);
    console.log(line);
  };
  const sustained = [...steps].reverse().find((s) => !s.reasons.length);
  const failed = steps.find((s) => s.reasons.length);
  out(
    `Run ${new Date().toISOString()} on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, load average ${loadAtStart.map((l) => l.toFixed(1)).join(' / ')} at the start and ${loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end; ` +
      `database \`${relative(process.cwd(), o.db)}\` (${f0(articleCount)} published versions, copied); wrk ${wrkVersion} (2 threads, Lua-paced) on the same machine; ` +
      `${o.stepSeconds} s per step from ${f0(o.startRate)} page views/s, × ${o.factor} per step; ${pct(o.coldShare)} cold views (+${assetCount} assets each); ` +
      `one publication every ${o.publishEvery} s (${desk.count} made, ${desk.failures} failed). Per page view: ${f1(mix.requests / mix.views)} requests, ${f1(mix.beacons / mix.views)} beacons; ${pct(mix.recentShare / ARTICLE_SHARE)} of article views on the last 48 h's articles.`,
  );
  out();
  out('| Target page views/s | Achieved page views/s | Requests/s | p50 ms | p99 ms | Errors | Edge hit ratio (pages) | App requests/s | Page p99 / beacon p99 at nginx, ms | CPU next | CPU nginx | CPU wrk + bench | Machine busy (2 cores) |');
  out('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of steps) {
    out(
      `| ${f0(s.target)} | ${f0(s.achieved)}${s.reasons.length ? ' ✗' : ''} | ${f0(s.rps)} | ${f1(s.p50)} | ${f0(s.p99)} | ${s.errors} | ${pct(s.edge.pageHits / s.edge.pages)} | ${f0(s.edge.origin / s.seconds)} | ${f0(s.edge.pageP99)} / ${f0(s.edge.beaconP99)} | ${pct(s.cpu.next ?? 0)} | ${pct(s.cpu.nginx ?? 0)} | ${pct((s.cpu.wrk ?? 0) + s.cpu.bench)} | ${pct(s.cpu.machine)} |`,
    );
  }
  out();
  out('CPU: share of one core (next is one JavaScript thread plus its helpers; nginx runs one worker per core); machine busy counts everything running on it, other work included. ✗: the step that ended the run.');
  out();
  if (failed) out(`Stopped at ${f0(failed.target)} page views/s: ${failed.reasons.join('; ')}.`);
  if (!sustained) {
    out('No step was sustained: lower --start-rate.');
  } else {
    const perDay = sustained.achieved * 86_400;
    const h = sustained.edge.pageHits / sustained.edge.pages;
    const beaconsPerView = mix.beacons / mix.views;
    const appPerDay = (sustained.edge.origin / sustained.seconds) * 86_400;
    const saturating = failed ?? sustained;
    const c = saturating.cpu;
    const first =
      (c.next ?? 0) >= 0.85
        ? `next (${pct(c.next ?? 0)} of a core: its JavaScript thread is the bottleneck)`
        : c.machine >= 0.9
          ? `the machine's two cores (${pct(c.machine)} busy: next ${pct(c.next ?? 0)}, nginx ${pct(c.nginx ?? 0)}, and the load generator itself ${pct((c.wrk ?? 0) + c.bench)} of a core)`
          : `no CPU was exhausted (next ${pct(c.next ?? 0)}, nginx ${pct(c.nginx ?? 0)}, machine ${pct(c.machine)}): latency rose first`;
    out(
      `**Sustained: ${f0(sustained.achieved)} page views/s** (p99 ${f0(sustained.p99)} ms, no errors), i.e. **${f0(perDay)} page views per day** at that rate around the clock, ` +
        `or about ${f0(perDay / 2.5)} on a real day whose peak hour runs at 2.5 × the daily mean. What saturates first: ${first}.`,
    );
    out();
    out(
      `Edge: nginx answered ${pct(h)} of page requests from its cache (30 s freshness, deploy/nginx.conf); the app received ${f0(sustained.edge.origin / sustained.seconds)} requests/s ` +
        `(${f0(appPerDay)} a day; Next answers part of them from its own cache), of which the beacons were ${f0(sustained.achieved * beaconsPerView)}/s: every article view reaches the app once, since a beacon is never cached.`,
    );
    out();
    const pagesPerDay = perDay;
    const cdnToServer = pagesPerDay * (1 - h) + pagesPerDay * beaconsPerView;
    out(
      `On paper, a CDN in front (honouring the \`s-maxage=30\` nginx sends, so about the same ${pct(h)} hit ratio; immutable assets ~100 %): of ${f0(pagesPerDay)} page views a day, ` +
        `${f0(pagesPerDay * (1 - h))} page requests and ${f0(pagesPerDay * beaconsPerView)} beacons (POST, never cached) would still reach this server, ${f0(cdnToServer)} requests a day ` +
        `instead of ${f0(pagesPerDay * (1 + beaconsPerView + o.coldShare * assetCount))}. By count the beacons are then ${pct((pagesPerDay * beaconsPerView) / cdnToServer)} of what reaches the server; ` +
        'by cost the page misses weigh more (each may be a render; a beacon is a counter update), so a CDN moves the ceiling by about what it takes off the misses, not by the ratio of request counts.',
    );
  }
  if (!o.write) return;
  const file = 'BENCHMARKS.md';
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = '<!-- bench:model:start -->';
  const end = '<!-- bench:model:end -->';
  const block = `${start}\n${lines.join('\n')}\n${end}`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  text = i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text}\n${block}\n`;
  writeFileSync(file, text);
  log(`written to ${file}`);
}
