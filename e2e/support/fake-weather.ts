/**
 * A fake Open-Meteo forecast API for the e2e suite. The base path selects its behaviour, so that several
 * portal instances can point at one fake server in different modes:
 *   /ok/v1/forecast      a fixed reading (23.9 °C, partly cloudy)
 *   /down/v1/forecast    HTTP 503
 *   /slow/v1/forecast    hangs for 60 s, far beyond the portal's timeout
 *   /garbage/v1/forecast malformed JSON
 * GET /requests returns how many forecast requests each mode received.
 */
import { createServer } from 'node:http';

export const FAKE_WEATHER = { temperature: 23.9, code: 2 } as const;

const port = Number(process.env.FAKE_WEATHER_PORT ?? 4010);
const counts: Record<string, number> = {};

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/requests') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(counts));
    return;
  }
  if (url.pathname === '/health') {
    res.writeHead(200).end('ok');
    return;
  }
  const match = /^\/(ok|down|slow|garbage)\/v1\/forecast$/.exec(url.pathname);
  if (!match) {
    res.writeHead(404).end();
    return;
  }
  const mode = match[1]!;
  counts[mode] = (counts[mode] ?? 0) + 1;
  if (mode === 'down') {
    res.writeHead(503).end('unavailable');
  } else if (mode === 'slow') {
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), 60_000).unref();
  } else if (mode === 'garbage') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"current": {"temperature_2m": "hot"');
  } else {
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        latitude: Number(url.searchParams.get('latitude')),
        longitude: Number(url.searchParams.get('longitude')),
        current_units: { temperature_2m: '°C', weather_code: 'wmo code' },
        current: { time: '2024-11-15T12:00', interval: 900, temperature_2m: FAKE_WEATHER.temperature, weather_code: FAKE_WEATHER.code },
      }),
    );
  }
});

server.listen(port, '127.0.0.1', () => console.log(`fake weather on http://127.0.0.1:${port}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
