/**
 * A carrier-grade NAT crowd, simulated end to end through the real beacon rules and the real database: 2,000 phone
 * readers behind 4 public addresses read 50 articles with a known distribution over six hours. "Hot this week"
 * must rank the articles in the true order, with at least 95 % of the views counted; reloads count once; bots
 * count nothing. Before issue #15 (one token bucket of 20 per address) this crowd was counted at ~1 %.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileTrustedProxies } from '@/lib/trusted-proxies';
import { handleViewBeacon, ViewBuffer, ViewGate, type BeaconDeps } from '@/lib/view-beacon';
import { mulberry32 } from '@/lib/random';
import { newsroom, useTestDb } from '@/tests/support/db';
import { isCountableArticle, recordViews } from './views';
import { hotThisWeek } from './widgets';

const start = new Date('2026-11-27T07:00:00Z'); // 08:00 in Douala
const MIN = 60_000;
const CARRIER_ADDRESSES = ['41.202.219.10', '41.202.219.11', '154.72.160.5', '102.244.0.7'];

/** User agents of phones as they reach a Cameroonian news site: mostly Chrome's reduced UA, which says nearly nothing. */
const PHONE_USER_AGENTS = [
  ...[129, 130, 131].map((v) => `Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Mobile Safari/537.36`),
  'Opera/9.80 (J2ME/MIDP; Opera Mini/4.2.14912/870; U; fr) Presto/2.4.15',
  'Mozilla/5.0 (Linux; U; Android 12; TECNO KG5p Build/SP1A.210812.016) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36 OPR/82.0.2254.73542',
  'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 12; TECNO KG5p Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.39 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/489.0.0.41.109;]',
  'Mozilla/5.0 (Linux; Android 13; Infinix X6831 Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.102 Mobile Safari/537.36',
  'Mozilla/5.0 (Android 13; Mobile; rv:132.0) Gecko/132.0 Firefox/132.0',
];

let env: ReturnType<typeof useTestDb>;
let ids: number[];

beforeEach(() => {
  env = useTestDb();
  const room = newsroom(env.db, start);
  const category = room.category('news');
  const author = room.author('desk');
  ids = Array.from({ length: 50 }, (_, i) => room.article({ locale: 'en', categoryId: category, authorId: author, ageHours: 24 + i }));
});
afterEach(() => env.close());

function counter(): BeaconDeps & { buffer: ViewBuffer } {
  return {
    buffer: new ViewBuffer({ write: (batch) => recordViews(batch).ok }),
    gate: new ViewGate(), // the production defaults
    trust: compileTrustedProxies('loopback'),
    isCountable: (id, at) => isCountableArticle(id, at),
    secret: 'simulation-secret-0123',
  };
}

/** Behind nginx on the same host: the TCP peer is loopback, X-Forwarded-For names the carrier address. */
function beacon(deps: BeaconDeps, at: Date, address: string, ua: string, articleId: number, reader?: string) {
  return handleViewBeacon(
    {
      headers: new Headers({ 'user-agent': ua, 'x-forwarded-for': address }),
      body: JSON.stringify(reader ? { articleId, reader } : { articleId }),
      peer: '127.0.0.1',
      now: at,
    },
    deps,
  );
}

const totalViews = () => (env.db.$client.prepare('select coalesce(sum(views), 0) as n from article_views_daily').get() as { n: number }).n;

describe('views behind carrier-grade NAT', () => {
  it('2,000 phones behind 4 addresses: ≥ 95 % of the views counted, Hot this week in the true order', () => {
    const random = mulberry32(15);
    const readers = Array.from({ length: 2000 }, (_, r) => ({
      address: CARRIER_ADDRESSES[r % CARRIER_ADDRESSES.length]!,
      ua: PHONE_USER_AGENTS[Math.floor(random() * PHONE_USER_AGENTS.length)]!,
      // 3 % of browsers refuse sessionStorage: no tab token, the server falls back to address + user agent.
      reader: random() < 0.03 ? undefined : Array.from({ length: 4 }, () => Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0')).join(''),
    }));
    // The known distribution: article i is read by 30 + 8 × (49 − i) different readers (422 down to 30).
    const trueReaders = ids.map((_, i) => 30 + 8 * (49 - i));
    type Event = { at: number; reader: (typeof readers)[number]; articleId: number };
    const events: Event[] = [];
    ids.forEach((articleId, i) => {
      const chosen = new Set<number>();
      while (chosen.size < trueReaders[i]!) chosen.add(Math.floor(random() * readers.length));
      for (const r of chosen) {
        const at = start.getTime() + Math.floor(random() * 6 * 60 * MIN);
        events.push({ at, reader: readers[r]!, articleId });
        // A third of the readers reload the page once or twice within a few minutes: still one view.
        if (random() < 0.33) events.push({ at: at + Math.floor(random() * 5 * MIN), reader: readers[r]!, articleId });
        if (random() < 0.1) events.push({ at: at + Math.floor(random() * 10 * MIN), reader: readers[r]!, articleId });
      }
    });
    events.sort((a, b) => a.at - b.at);

    const deps = counter();
    const statuses = new Map<number, number>();
    let lastFlush = events[0]!.at;
    for (const e of events) {
      const status = beacon(deps, new Date(e.at), e.reader.address, e.reader.ua, e.articleId, e.reader.reader);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (e.at - lastFlush >= 5_000) {
        deps.buffer.flush();
        lastFlush = e.at;
      }
    }
    deps.buffer.flush();

    const expected = trueReaders.reduce((a, b) => a + b, 0); // 11,300 views
    expect(statuses.get(400) ?? 0).toBe(0);
    expect(statuses.get(429) ?? 0).toBe(0);
    expect(totalViews()).toBeLessThanOrEqual(expected);
    expect(totalViews()).toBeGreaterThanOrEqual(Math.ceil(0.95 * expected));

    const readAt = new Date(start.getTime() + 7 * 60 * MIN);
    const hot = hotThisWeek('en', 50, readAt);
    expect(hot.map((a) => a.id)).toEqual(ids); // ids are in true order: article 0 is the most read
  });

  it('one phone reloading an article 1,000 times counts once per window', () => {
    const deps = counter();
    const ua = PHONE_USER_AGENTS[0]!;
    for (let i = 0; i < 1000; i++) beacon(deps, new Date(start.getTime() + i * 1500), CARRIER_ADDRESSES[0]!, ua, ids[0]!, 'tab-reloading-000001');
    deps.buffer.flush();
    // 1,000 reloads 1.5 s apart span 25 minutes: one window.
    expect(totalViews()).toBe(1);
    // The same without a tab token (storage blocked): still once.
    for (let i = 0; i < 1000; i++) beacon(deps, new Date(start.getTime() + i * 1500), CARRIER_ADDRESSES[1]!, ua, ids[1]!);
    deps.buffer.flush();
    expect(totalViews()).toBe(2);
  });

  it('a bot counts nothing, from any address', () => {
    const deps = counter();
    const bots = [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.69 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)',
      'python-requests/2.32.3',
    ];
    for (const [i, ua] of bots.entries()) {
      for (const id of ids) expect(beacon(deps, new Date(start.getTime() + i * MIN), CARRIER_ADDRESSES[i]!, ua, id, `bot-tab-${i}-${id}-aaaaaaaa`)).toBe(204);
    }
    deps.buffer.flush();
    expect(totalViews()).toBe(0);
    expect(hotThisWeek('en', 5, new Date(start.getTime() + 60 * MIN))).toEqual([]);
  });
});
