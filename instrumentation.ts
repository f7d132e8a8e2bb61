import type { Instrumentation } from 'next';

/**
 * Runs once in each server process before it takes requests (Node.js runtime only):
 *  - every environment variable is validated and the database's schema version checked (lib/server/startup.ts):
 *    on a problem the server says what to do and exits;
 *  - stdout/stderr errors (a closed log pipe) are ignored instead of looping as uncaught exceptions;
 *  - response hooks: per-response CSP hashes, JSON request log, 4xx for requests Next would fail on
 *    (lib/server/response-hooks.ts; LOG_REQUESTS=0 turns the request log off, e.g. when nginx logs);
 *  - search's share of the server bounded before Next runs: per-client rate, searches in flight and per second
 *    (lib/server/search-guard.ts);
 *  - the TCP peer address handed to route handlers, so the view beacon trusts X-Forwarded-For only from a
 *    proxy listed in TRUSTED_PROXIES (lib/peer-address.ts, lib/trusted-proxies.ts);
 *  - pending view counts written on SIGTERM/SIGINT and at exit (db/view-counter.ts);
 *  - the scheduler (lib/scheduler.ts): scheduled articles published on time with no reader request, caches
 *    refreshed, the header strip's date turned over at midnight (not during `next build`; KIOSQUE_SCHEDULER=0
 *    turns it off in a process);
 *  - the wire desk's feed polling (lib/wire/poller.ts), beside the scheduler (KIOSQUE_WIRE_POLLER=0 turns it off).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // When whatever reads the logs goes away (a closed pipe), each write fails with EPIPE; unhandled, that error is
  // an uncaught exception which Next logs to the same closed pipe, again and again: a process spinning at 100 %
  // CPU (seen when a test runner was killed). Lost log lines are better: the server keeps serving.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
  // Every environment variable and the database's schema version, before the first request: a bad value or an
  // unmigrated (or newer) database stops the server here with a message saying what to do.
  const { startupProblems } = await import('./lib/server/startup');
  const problems = startupProblems();
  if (problems.length) {
    for (const problem of problems) console.error(`Kiosque cannot start (${problem.kind}):\n${problem.message}`);
    process.exit(1);
  }
  // Installed first so that it runs after the response hooks: refused searches are logged like any request.
  const { installSearchGuard } = await import('./lib/server/search-guard');
  installSearchGuard();
  const { installResponseHooks } = await import('./lib/server/response-hooks');
  installResponseHooks({ logRequests: process.env.LOG_REQUESTS !== '0', lite: true });
  const { installPeerAddressHeader } = await import('./lib/peer-address');
  installPeerAddressHeader();
  const { installShutdownFlush } = await import('./db/view-counter');
  installShutdownFlush();
  if (process.env.NEXT_PHASE !== 'phase-production-build' && process.env.KIOSQUE_SCHEDULER !== '0') {
    const { startScheduler } = await import('./lib/scheduler');
    startScheduler();
    // The wire desk's feed polling (lib/wire/poller.ts): its own timer, a lease per feed so that several
    // processes share the work; KIOSQUE_WIRE_POLLER=0 turns it off in this process.
    if (process.env.KIOSQUE_WIRE_POLLER !== '0') {
      const { startWirePoller } = await import('./lib/wire/poller');
      const { ingestAndRefresh } = await import('./lib/wire/desk');
      startWirePoller({ ingest: ingestAndRefresh });
    }
  }
}

/** Every error Next catches while rendering or in a route handler: one JSON line, no request body or cookies. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const { log, redactPath } = await import('./lib/log');
  const digest = typeof error === 'object' && error !== null && 'digest' in error ? String(error.digest) : undefined;
  log.error('request_error', {
    method: request.method,
    path: redactPath(request.path),
    route: context.routePath,
    routeType: context.routeType,
    digest,
    error: error instanceof Error ? error : String(error),
  });
};
