import type { Instrumentation } from 'next';

/**
 * Runs once in each server process before it takes requests (Node.js runtime only):
 *  - stdout/stderr errors (a closed log pipe) are ignored instead of looping as uncaught exceptions;
 *  - response hooks: per-response CSP hashes, JSON request log, 4xx for requests Next would fail on
 *    (lib/server/response-hooks.ts; LOG_REQUESTS=0 turns the request log off, e.g. when nginx logs);
 *  - the TCP peer address handed to route handlers, so the view beacon trusts X-Forwarded-For only from a
 *    loopback proxy (lib/peer-address.ts);
 *  - pending view counts written on SIGTERM/SIGINT and at exit (db/view-counter.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // When whatever reads the logs goes away (a closed pipe), each write fails with EPIPE; unhandled, that error is
  // an uncaught exception which Next logs to the same closed pipe, again and again: a process spinning at 100 %
  // CPU (seen when a test runner was killed). Lost log lines are better: the server keeps serving.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
  const { installResponseHooks } = await import('./lib/server/response-hooks');
  installResponseHooks({ logRequests: process.env.LOG_REQUESTS !== '0' });
  const { installPeerAddressHeader } = await import('./lib/peer-address');
  installPeerAddressHeader();
  const { installShutdownFlush } = await import('./db/view-counter');
  installShutdownFlush();
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
