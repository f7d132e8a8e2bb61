import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildForecastUrl,
  createWeatherClient,
  getCurrentWeather,
  WEATHER_CONDITIONS,
  weatherCondition,
  weatherIcon,
  type WeatherClientOptions,
} from './weather';

const CACHE_MS = 600_000;
const TIMEOUT_MS = 60;

function body(temperature: unknown = 23.9, code: unknown = 2, time = '2024-11-15T14:00') {
  return {
    latitude: 3.875,
    longitude: 11.5,
    utc_offset_seconds: 3600,
    timezone: 'Africa/Douala',
    current_units: { time: 'iso8601', interval: 'seconds', temperature_2m: '°C', weather_code: 'wmo code' },
    current: { time, interval: 900, temperature_2m: temperature, weather_code: code },
  };
}

function jsonResponse(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
}

/** A fetch that never answers but rejects when its signal aborts, like the real one. */
function hangingFetch(): typeof fetch {
  return (_input, init) =>
    new Promise<Response>((_, reject) => {
      const signal = init?.signal;
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
}

type FetchStep = Response | Error | (() => Promise<Response>) | typeof fetch;

function setup(steps: FetchStep[], overrides: Partial<WeatherClientOptions> = {}) {
  const clock = { t: Date.parse('2024-11-15T13:00:00Z') };
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const logs: string[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    calls.push({ url: String(input), init });
    const step = steps.shift();
    if (step === undefined) throw new Error('unexpected fetch');
    if (step instanceof Response) return step;
    if (step instanceof Error) throw step;
    return (step as typeof fetch)(input, init);
  };
  const client = createWeatherClient({
    baseUrl: 'https://weather.test/',
    latitude: 3.848,
    longitude: 11.502,
    timeoutMs: TIMEOUT_MS,
    cacheMs: CACHE_MS,
    fetch: fetchImpl,
    now: () => clock.t,
    log: (line) => logs.push(line),
    ...overrides,
  });
  return { client, clock, calls, logs };
}

const good = {
  temperature: 23.9,
  code: 2,
  condition: 'partlyCloudy',
  observedAt: '2024-11-15T13:00:00.000Z',
};

describe('createWeatherClient', () => {
  it('fetches and parses the current weather', async () => {
    const { client, calls, logs } = setup([jsonResponse(body())]);
    await expect(client.getCurrentWeather()).resolves.toEqual(good);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(
      'https://weather.test/v1/forecast?latitude=3.848&longitude=11.502&current=temperature_2m,weather_code&timezone=Africa%2FDouala',
    );
    expect(calls[0]!.init?.cache).toBe('no-store');
    expect(calls[0]!.init?.signal).toBeInstanceOf(AbortSignal);
    expect(logs).toEqual([]);
  });

  it('serves from cache within the TTL', async () => {
    const { client, clock, calls } = setup([jsonResponse(body())]);
    await client.getCurrentWeather();
    clock.t += CACHE_MS - 1;
    await expect(client.getCurrentWeather()).resolves.toEqual(good);
    expect(calls).toHaveLength(1);
  });

  it('refetches once the TTL has passed', async () => {
    const { client, clock, calls } = setup([jsonResponse(body()), jsonResponse(body(25.1, 61, '2024-11-15T14:15'))]);
    await client.getCurrentWeather();
    clock.t += CACHE_MS;
    await expect(client.getCurrentWeather()).resolves.toEqual({
      temperature: 25.1,
      code: 61,
      condition: 'rain',
      observedAt: '2024-11-15T13:15:00.000Z',
    });
    expect(calls).toHaveLength(2);
  });

  it('gives up after the timeout and returns null without a previous reading', async () => {
    const { client, logs } = setup([hangingFetch()]);
    const started = performance.now();
    await expect(client.getCurrentWeather()).resolves.toBeNull();
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 500);
    expect(logs.map((line) => JSON.parse(line))).toEqual([
      { level: 'warn', msg: 'weather_fetch_failed', reason: 'timeout' },
    ]);
  });

  it('enforces the timeout even when the fetch ignores the abort signal', async () => {
    const { client } = setup([() => new Promise<Response>(() => {})]);
    const started = performance.now();
    await expect(client.getCurrentWeather()).resolves.toBeNull();
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 500);
  });

  it('falls back to the last good reading on timeout', async () => {
    const { client, clock } = setup([jsonResponse(body()), hangingFetch()]);
    await client.getCurrentWeather();
    clock.t += CACHE_MS + 1;
    await expect(client.getCurrentWeather()).resolves.toEqual(good);
  });

  it('falls back on HTTP 500', async () => {
    const { client, clock, logs } = setup([jsonResponse(body()), jsonResponse({ error: true }, 500)]);
    await client.getCurrentWeather();
    clock.t += CACHE_MS + 1;
    await expect(client.getCurrentWeather()).resolves.toEqual(good);
    expect(JSON.parse(logs[0]!)).toEqual({ level: 'warn', msg: 'weather_fetch_failed', reason: 'http_500' });
  });

  it('returns null on HTTP 500 without a previous reading', async () => {
    const { client } = setup([jsonResponse({}, 503)]);
    await expect(client.getCurrentWeather()).resolves.toBeNull();
  });

  it('falls back on a network error', async () => {
    const { client, clock, logs } = setup([jsonResponse(body()), new TypeError('fetch failed')]);
    await client.getCurrentWeather();
    clock.t += CACHE_MS + 1;
    await expect(client.getCurrentWeather()).resolves.toEqual(good);
    expect(JSON.parse(logs[0]!).reason).toBe('network');
  });

  it('falls back on malformed JSON', async () => {
    const { client, clock, logs } = setup([
      jsonResponse(body()),
      new Response('{"current": {"temperature_2m": 2', { status: 200, headers: { 'content-type': 'application/json' } }),
    ]);
    await client.getCurrentWeather();
    clock.t += CACHE_MS + 1;
    await expect(client.getCurrentWeather()).resolves.toEqual(good);
    expect(JSON.parse(logs[0]!).reason).toBe('invalid_json');
  });

  it('falls back on a schema mismatch (temperature as a string)', async () => {
    const { client, clock, logs } = setup([jsonResponse(body()), jsonResponse(body('23.9'))]);
    await client.getCurrentWeather();
    clock.t += CACHE_MS + 1;
    await expect(client.getCurrentWeather()).resolves.toEqual(good);
    expect(JSON.parse(logs[0]!).reason).toBe('schema_mismatch');
  });

  it.each([
    ['temperature out of range', body(71)],
    ['fractional weather code', body(23.9, 2.5)],
    ['weather code out of range', body(23.9, 100)],
    ['missing current block', { latitude: 3.8 }],
    ['null body', null],
  ])('rejects %s', async (_name, value) => {
    const { client, logs } = setup([jsonResponse(value)]);
    await expect(client.getCurrentWeather()).resolves.toBeNull();
    expect(JSON.parse(logs[0]!).reason).toBe('schema_mismatch');
  });

  it('falls back to the fetch time when the API gives no usable time', async () => {
    const { client, clock } = setup([jsonResponse({ current: { temperature_2m: 20, weather_code: 0 } })]);
    await expect(client.getCurrentWeather()).resolves.toEqual({
      temperature: 20,
      code: 0,
      condition: 'clear',
      observedAt: new Date(clock.t).toISOString(),
    });
  });

  it('remembers a failure for 60 s and does not refetch meanwhile', async () => {
    const { client, clock, calls, logs } = setup([
      jsonResponse(body()),
      jsonResponse({}, 500),
      jsonResponse(body(30, 0)),
    ]);
    await client.getCurrentWeather();
    clock.t += CACHE_MS + 1;
    await expect(client.getCurrentWeather()).resolves.toEqual(good); // fails, falls back
    expect(calls).toHaveLength(2);
    const failedAt = clock.t;
    for (const elapsed of [0, 1, 10_000, 59_999]) {
      clock.t = failedAt + elapsed;
      await expect(client.getCurrentWeather()).resolves.toEqual(good);
    }
    expect(calls).toHaveLength(2);
    expect(logs).toHaveLength(1);
    clock.t = failedAt + 60_000;
    await expect(client.getCurrentWeather()).resolves.toMatchObject({ temperature: 30, condition: 'clear' });
    expect(calls).toHaveLength(3);
  });

  it('returns null during the backoff when there is no reading', async () => {
    const { client, clock, calls } = setup([new TypeError('fetch failed')]);
    await expect(client.getCurrentWeather()).resolves.toBeNull();
    clock.t += 30_000;
    await expect(client.getCurrentWeather()).resolves.toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('hides a reading older than 15 minutes (pages live 15 more: a reader never sees one older than 30)', async () => {
    const { client, clock } = setup([jsonResponse(body()), jsonResponse({}, 500), jsonResponse({}, 500)]);
    await client.getCurrentWeather();
    clock.t += 15 * 60_000;
    await expect(client.getCurrentWeather()).resolves.toEqual(good); // exactly 15 min: still shown
    clock.t += 60_000;
    await expect(client.getCurrentWeather()).resolves.toBeNull();
  });

  it('shares one in-flight request between concurrent callers', async () => {
    let release: (response: Response) => void = () => {};
    const { client, calls } = setup([() => new Promise<Response>((resolve) => (release = resolve))], {
      timeoutMs: 1000,
    });
    const pending = [client.getCurrentWeather(), client.getCurrentWeather(), client.getCurrentWeather()];
    await Promise.resolve();
    release(jsonResponse(body()));
    const results = await Promise.all(pending);
    expect(calls).toHaveLength(1);
    expect(results).toEqual([good, good, good]);
  });

  it('never throws, even if the clock or the logger does', async () => {
    const broken = createWeatherClient({
      baseUrl: 'https://weather.test',
      latitude: 0,
      longitude: 0,
      timeoutMs: 50,
      cacheMs: CACHE_MS,
      fetch: async () => {
        throw new Error('boom');
      },
      log: () => {
        throw new Error('log broken');
      },
    });
    await expect(broken.getCurrentWeather()).resolves.toBeNull();
    const brokenClock = createWeatherClient({
      baseUrl: 'https://weather.test',
      latitude: 0,
      longitude: 0,
      timeoutMs: 50,
      cacheMs: CACHE_MS,
      now: () => {
        throw new Error('clock broken');
      },
    });
    await expect(brokenClock.getCurrentWeather()).resolves.toBeNull();
  });
});

describe('default fetch', () => {
  it("uses Next.js's original fetch, not the patched one that would make the page dynamic", async () => {
    const original = vi.fn(async () => jsonResponse(body()));
    const patched = Object.assign(
      vi.fn(async () => {
        throw new Error('patched fetch must not be used');
      }),
      { __nextPatched: true, _nextOriginalFetch: original },
    );
    vi.stubGlobal('fetch', patched);
    const client = createWeatherClient({ baseUrl: 'https://weather.test', latitude: 1, longitude: 2, timeoutMs: 500, cacheMs: CACHE_MS });
    await expect(client.getCurrentWeather()).resolves.toEqual(good);
    expect(original).toHaveBeenCalledTimes(1);
    expect(patched).not.toHaveBeenCalled();
  });

  it('uses globalThis.fetch outside Next.js', async () => {
    const plain = vi.fn(async () => jsonResponse(body()));
    vi.stubGlobal('fetch', plain);
    const client = createWeatherClient({ baseUrl: 'https://weather.test', latitude: 1, longitude: 2, timeoutMs: 500, cacheMs: CACHE_MS });
    await expect(client.getCurrentWeather()).resolves.toEqual(good);
    expect(plain).toHaveBeenCalledTimes(1);
  });
});

describe('against a real HTTP server', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function startServer(handler: (req: IncomingMessage) => { status: number; body: string }) {
    const requests: IncomingMessage[] = [];
    const server = createServer((req, res) => {
      requests.push(req);
      const { status, body: text } = handler(req);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(text);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    close = () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    return { baseUrl: `http://127.0.0.1:${port}`, requests };
  }

  it('requests /v1/forecast with the right query parameters', async () => {
    const { baseUrl, requests } = await startServer(() => ({ status: 200, body: JSON.stringify(body(23.9, 95)) }));
    const client = createWeatherClient({ baseUrl, latitude: 3.848, longitude: 11.502, timeoutMs: 1500, cacheMs: CACHE_MS });
    await expect(client.getCurrentWeather()).resolves.toEqual({ ...good, code: 95, condition: 'thunderstorm' });
    expect(requests).toHaveLength(1);
    const url = new URL(requests[0]!.url!, baseUrl);
    expect(requests[0]!.method).toBe('GET');
    expect(url.pathname).toBe('/v1/forecast');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      latitude: '3.848',
      longitude: '11.502',
      current: 'temperature_2m,weather_code',
      timezone: 'Africa/Douala',
    });
    expect(requests[0]!.url).toContain('timezone=Africa%2FDouala');
  });

  it('builds the default instance from the environment', async () => {
    const { baseUrl, requests } = await startServer(() => ({ status: 200, body: JSON.stringify(body(18.2, 3)) }));
    vi.stubEnv('WEATHER_API_URL', `${baseUrl}/`);
    vi.stubEnv('WEATHER_LATITUDE', '4.05');
    vi.stubEnv('WEATHER_LONGITUDE', '9.7');
    vi.stubEnv('WEATHER_TIMEOUT_MS', '1000');
    await expect(getCurrentWeather()).resolves.toMatchObject({ temperature: 18.2, condition: 'overcast' });
    const url = new URL(requests[0]!.url!, baseUrl);
    expect(url.searchParams.get('latitude')).toBe('4.05');
    expect(url.searchParams.get('longitude')).toBe('9.7');
    // cached for WEATHER_CACHE_SECONDS: the second render does not hit the service
    await getCurrentWeather();
    expect(requests).toHaveLength(1);
  });
});

describe('weatherCondition / weatherIcon', () => {
  it.each([
    [0, 'clear'],
    [1, 'mainlyClear'],
    [2, 'partlyCloudy'],
    [3, 'overcast'],
    [45, 'fog'],
    [48, 'fog'],
    [51, 'drizzle'],
    [53, 'drizzle'],
    [55, 'drizzle'],
    [56, 'freezingRain'],
    [57, 'freezingRain'],
    [61, 'rain'],
    [63, 'rain'],
    [65, 'rain'],
    [66, 'freezingRain'],
    [67, 'freezingRain'],
    [71, 'snow'],
    [77, 'snow'],
    [80, 'showers'],
    [82, 'showers'],
    [85, 'snow'],
    [86, 'snow'],
    [95, 'thunderstorm'],
    [96, 'thunderstorm'],
    [99, 'thunderstorm'],
    [4, 'unknown'],
    [50, 'unknown'],
    [90, 'unknown'],
    [2.5, 'unknown'],
  ])('maps WMO code %s to %s', (code, condition) => {
    expect(weatherCondition(code)).toBe(condition);
  });

  it('has an icon for every condition', () => {
    for (const condition of WEATHER_CONDITIONS) expect(weatherIcon(condition)).toMatch(/\S/u);
  });

  it('builds the forecast URL without a double slash', () => {
    expect(buildForecastUrl('http://localhost:4010//', 1, -2)).toBe(
      'http://localhost:4010/v1/forecast?latitude=1&longitude=-2&current=temperature_2m,weather_code&timezone=Africa%2FDouala',
    );
  });
});
