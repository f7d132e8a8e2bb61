/**
 * Structured logs: one JSON object per line, `{"time":…,"level":…,"msg":…, …fields}`, on stdout (info) or
 * stderr (warn, error), so that journald, docker or any log shipper can parse them without a format spec.
 *
 * Keep personal data out: no query strings of searches (see `redactPath`), no raw client IPs (hash them with
 * lib/client-ip.ts), no cookies or request bodies.
 */
import { getConfig } from './config';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Record<string, unknown>;

export type LogSink = (line: string, level: LogLevel) => void;

/*
 * Info lines (one per request) go out in batches: on Linux a write to a pipe or a file is synchronous, and one
 * write per request cost about a fifth of the origin's throughput (BENCHMARKS.md). A batch is written within
 * 100 ms, at 256 lines, before any warning or error (so order is kept), and when the process exits.
 * console (not process.stdout) so that the module also loads in the Edge runtime of instrumentation.ts.
 */
/*
 * Kept hand-written, measured against pino (issue #15 asked for the maintained logger where it does at least as
 * well): the same request line through pino 10 (ISO time, level labels, async sonic-boom destination with a 4 KB
 * buffer, a sink for tests) cost 12–14 µs a line on Node 20 here, against 3.4–5 µs for this batcher, repeated three
 * times in one process with stdout on /dev/null. One line per request makes that ~1 % of the origin's time per
 * request for nothing a reader gains, so pino was not adopted. Revisit when pino's cost changes.
 */
const BATCH_MS = 100;
const BATCH_LINES = 256;
let batch: string[] = [];
let batchTimer: ReturnType<typeof setTimeout> | null = null;
let exitHooked = false;

export function flushLogs(): void {
  if (batchTimer) clearTimeout(batchTimer);
  batchTimer = null;
  if (!batch.length) return;
  const out = batch.join('\n');
  batch = [];
  console.log(out);
}

const defaultSink: LogSink = (line, level) => {
  if (level === 'warn' || level === 'error') {
    flushLogs();
    console.error(line);
    return;
  }
  batch.push(line);
  if (!exitHooked) {
    exitHooked = true;
    const proc = (globalThis as { process?: { once?: (event: string, fn: () => void) => void } }).process;
    proc?.once?.('exit', flushLogs);
  }
  if (batch.length >= BATCH_LINES) flushLogs();
  else if (!batchTimer) {
    batchTimer = setTimeout(flushLogs, BATCH_MS);
    (batchTimer as { unref?: () => void }).unref?.();
  }
};

let sink: LogSink = defaultSink;

/** Redirects log lines (tests); returns a function restoring the previous sink. */
export function setLogSink(next: LogSink): () => void {
  const previous = sink;
  sink = next;
  return () => {
    sink = previous;
  };
}

/** Errors become `{name, message, code?, stack}` (JSON.stringify would give `{}`). */
function serializeValue(value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return {
      name: value.name,
      message: value.message,
      ...(code !== undefined ? { code } : {}),
      ...(value.stack ? { stack: value.stack.split('\n').slice(0, 8).join('\n') } : {}),
    };
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** The JSON line for one event (pure; exported for tests). Reserved keys cannot be overwritten by fields. */
export function formatLogLine(level: LogLevel, msg: string, fields: LogFields = {}, now = new Date()): string {
  const entry: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && key !== 'time' && key !== 'level' && key !== 'msg') entry[key] = serializeValue(value);
  }
  try {
    return JSON.stringify({ time: now.toISOString(), level, msg, ...entry });
  } catch {
    // Circular or otherwise unserializable fields: keep the event, drop the fields.
    return JSON.stringify({ time: now.toISOString(), level, msg, fields: 'unserializable' });
  }
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
let minimum: number | undefined;

/** LOG_LEVEL, read once (an invalid value is reported by the start-up check; until then, info). */
function minimumRank(): number {
  if (minimum === undefined) {
    try {
      minimum = RANK[getConfig().LOG_LEVEL];
    } catch {
      minimum = RANK.info;
    }
  }
  return minimum;
}

/** Tests: forget the LOG_LEVEL read so far. */
export function resetLogLevel(): void {
  minimum = undefined;
}

function write(level: LogLevel, msg: string, fields?: LogFields) {
  if (RANK[level] < minimumRank()) return;
  try {
    sink(formatLogLine(level, msg, fields), level);
  } catch {
    // Logging must never break a request.
  }
}

export const log = {
  debug: (msg: string, fields?: LogFields) => write('debug', msg, fields),
  info: (msg: string, fields?: LogFields) => write('info', msg, fields),
  warn: (msg: string, fields?: LogFields) => write('warn', msg, fields),
  error: (msg: string, fields?: LogFields) => write('error', msg, fields),
};

/** Paths whose query string may hold what a reader typed (search): logged without it. */
const PRIVATE_QUERY_PATHS = /^\/[a-z]{2}\/(?:recherche|search)(?:\/|$)/;
const MAX_LOGGED_PATH = 512;

/**
 * A request target as it may appear in logs: the query string is dropped on search pages (what people search
 * for is personal) and kept elsewhere (page numbers, cache busters help debugging); everything is truncated to
 * 512 characters so that an 8 KB hostile URL does not bloat the log.
 */
export function redactPath(target: string): string {
  const q = target.indexOf('?');
  const path = q === -1 ? target : target.slice(0, q);
  const query = q === -1 ? '' : target.slice(q);
  const kept = PRIVATE_QUERY_PATHS.test(path) ? (query ? `${path}?[redacted]` : path) : target;
  return kept.length > MAX_LOGGED_PATH ? `${kept.slice(0, MAX_LOGGED_PATH)}…[${kept.length}]` : kept;
}
