import { defineConfig, devices } from '@playwright/test';

/**
 * e2e against the production build. Playwright starts, in order: a fake Open-Meteo server, then the portal
 * (built here, so that prerendered pages read the fake weather and a fresh test database), then three more
 * instances of the same build whose weather service is down, hangs, or answers garbage.
 */
// Ports can be moved (E2E_APP_PORT uses four consecutive ports) so that two checkouts can run e2e at once.
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
const WEATHER_PORT = Number(process.env.E2E_WEATHER_PORT ?? 4010);
const weatherBase = `http://127.0.0.1:${WEATHER_PORT}`;
const E2E_DB = 'data/e2e.db';
const E2E_MEDIA = 'data/e2e-media';

const chromium = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

const serverEnv = (weatherMode: string, extra: Record<string, string> = {}) => ({
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  DATABASE_PATH: E2E_DB,
  // The photo library's files for the test database (e2e/media.flows.spec.ts uploads there), wiped with it.
  MEDIA_DIR: E2E_MEDIA,
  // The demo's seeded photos stay out of the e2e database: the page checks written before the photo library
  // expect the SVG illustrations (share card PNG, sitemap and feed images).
  SEED_PHOTOS: '0',
  SITE_URL: `http://localhost:${APP_PORT}`,
  WEATHER_API_URL: `${weatherBase}/${weatherMode}`,
  WEATHER_TIMEOUT_MS: '1000',
  // Low enough for e2e/views.api.spec.ts to reach it in a few requests.
  VIEWS_PER_ADDRESS_PER_HOUR: '100',
  // Every browser test searches from 127.0.0.1: no per-client limit on the main servers. The "garbage" server
  // (APP_PORT + 3) has a tight one for e2e/search-limit.api.spec.ts.
  SEARCH_PER_CLIENT_PER_MINUTE: '100000',
  SEARCH_MAX_PER_SECOND: '100000',
  SEARCH_MAX_IN_FLIGHT: '64',
  // One process polls the wire feeds (e2e/wire.flows.spec.ts reads the main server's pages right after a poll).
  KIOSQUE_WIRE_POLLER: weatherMode === 'ok' ? '1' : '0',
  ...extra,
});

/** Specs that change the shared e2e database through the newsroom. */
const writers = [/\.flows\.spec\.ts$/, /newsroom[^/]*\.spec\.ts$/];

const build = process.env.E2E_SKIP_BUILD === '1' ? 'true' : `rm -rf ${E2E_DB} ${E2E_DB}-wal ${E2E_DB}-shm ${E2E_MEDIA} && npm run db:seed && npm run build`;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://localhost:${APP_PORT}`,
    locale: 'fr-FR',
    // Never the site's own zone (Africa/Douala): there, a date computed in the browser's zone instead of the site's
    // would look right. Desktop browses in UTC, mobile in Honolulu (UTC−10, eleven hours behind Douala).
    timezoneId: 'UTC',
    // Recording a trace for every test (to keep only failures) cost seconds of CPU per test: record on the retry.
    trace: 'on-first-retry',
  },
  projects: [
    // Reader specs pick their articles from the seeded database when they load (titles, paths, counts), so the
    // specs that write through the newsroom (they publish, unpublish and rename) run after every reader project:
    // the newsroom project depends on them. Those writers are *.flows.spec.ts and newsroom*.spec.ts.
    // phone.spec.ts checks phone layouts at 360 px with touch: the mobile project's job only. The desktop axe
    // runs check the dark scheme too (on the same page load), so the light-only variant is the mobile one.
    {
      name: 'desktop',
      testIgnore: [/phone\.spec\.ts$/, ...writers],
      grepInvert: /light scheme only/,
      use: { ...devices['Desktop Chrome'], locale: 'fr-FR', launchOptions: chromium },
    },
    {
      name: 'mobile',
      // API checks need no phone. Colour contrast does not depend on the viewport: the dark-scheme contrast runs
      // are desktop only.
      // The language leak check (language.spec.ts) reads every text node and attribute, shown or not: what it
      // sees does not depend on the viewport, so the desktop run is the one.
      testIgnore: [/\.api\.spec\.ts$/, /language\.spec\.ts$/, ...writers],
      grepInvert: /dark scheme/,
      use: { ...devices['Pixel 7'], locale: 'fr-FR', timezoneId: 'Pacific/Honolulu', launchOptions: chromium },
    },
    // Reading without JavaScript: only the dedicated *.nojs.ts spec (other projects do not match that name).
    { name: 'nojs', testMatch: /\.nojs\.ts$/, use: { ...devices['Desktop Chrome'], javaScriptEnabled: false, locale: 'fr-FR', launchOptions: chromium } },
    // The newsroom's multi-user flows and its administration, on a desktop browser; the newsroom on a phone is
    // newsroom-phone.spec.ts, on the phone.
    {
      name: 'newsroom',
      testMatch: writers,
      testIgnore: /phone\.spec\.ts$/,
      dependencies: ['desktop', 'mobile', 'nojs'],
      use: { ...devices['Desktop Chrome'], locale: 'fr-FR', launchOptions: chromium },
    },
    {
      name: 'newsroom-phone',
      testMatch: /newsroom-phone\.spec\.ts$/,
      dependencies: ['desktop', 'mobile', 'nojs'],
      use: { ...devices['Pixel 7'], locale: 'fr-FR', timezoneId: 'Pacific/Honolulu', launchOptions: chromium },
    },
  ],
  webServer: [
    {
      command: 'node_modules/.bin/tsx e2e/support/fake-weather.ts',
      url: `${weatherBase}/health`,
      env: { FAKE_WEATHER_PORT: String(WEATHER_PORT) },
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
    },
    {
      command: `${build} && exec node_modules/.bin/next start -p ${APP_PORT}`,
      url: `http://localhost:${APP_PORT}/fr`,
      env: serverEnv('ok'),
      timeout: 15 * 60_000,
      reuseExistingServer: !process.env.CI,
      // Build output and warnings/errors (stderr) are shown; the per-request JSON log on stdout is not.
      stdout: 'ignore',
    },
    {
      command: `exec node_modules/.bin/next start -p ${APP_PORT + 1}`,
      url: `http://localhost:${APP_PORT + 1}/fr`,
      env: serverEnv('down'),
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `exec node_modules/.bin/next start -p ${APP_PORT + 2}`,
      url: `http://localhost:${APP_PORT + 2}/fr`,
      env: serverEnv('slow'),
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `exec node_modules/.bin/next start -p ${APP_PORT + 3}`,
      url: `http://localhost:${APP_PORT + 3}/fr`,
      env: serverEnv('garbage', { SEARCH_PER_CLIENT_PER_MINUTE: '2' }),
      reuseExistingServer: !process.env.CI,
    },
  ],
});
