import { describe, expect, it, vi } from 'vitest';
import { flushLogs, formatLogLine, log, redactPath, resetLogLevel, setLogSink } from './log';

describe('formatLogLine', () => {
  it('writes one JSON object with time, level, msg and fields', () => {
    const line = formatLogLine('info', 'request', { status: 200, ms: 3.2 }, new Date('2026-11-27T00:00:00Z'));
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({ time: '2026-11-27T00:00:00.000Z', level: 'info', msg: 'request', status: 200, ms: 3.2 });
  });

  it('serializes errors with their message and code', () => {
    const error = Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' });
    const parsed = JSON.parse(formatLogLine('error', 'db_write_failed', { error }));
    expect(parsed.error).toMatchObject({ name: 'Error', message: 'attempt to write a readonly database', code: 'SQLITE_READONLY' });
  });

  it('fields cannot overwrite time, level or msg', () => {
    const parsed = JSON.parse(formatLogLine('warn', 'real', { msg: 'fake', level: 'debug' }));
    expect(parsed).toMatchObject({ msg: 'real', level: 'warn' });
  });

  it('survives circular fields', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(JSON.parse(formatLogLine('info', 'x', { a }))).toMatchObject({ msg: 'x', fields: 'unserializable' });
  });
});

describe('log', () => {
  it('sends lines to the sink, and a throwing sink never throws into the caller', () => {
    const lines: string[] = [];
    const restore = setLogSink((line) => lines.push(line));
    log.error('boom', { path: '/fr' });
    restore();
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', msg: 'boom', path: '/fr' });
    const restore2 = setLogSink(() => {
      throw new Error('disk full');
    });
    expect(() => log.warn('still fine')).not.toThrow();
    restore2();
  });
  it('writes info lines in batches, in order, and flushes them before a warning or an error', () => {
    vi.useFakeTimers();
    const out: string[] = [];
    const info = vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(`out:${s}`));
    const err = vi.spyOn(console, 'error').mockImplementation((s: string) => void out.push(`err:${s}`));
    const writes = () => out.map((w) => `${w.slice(0, 3)} ${w.slice(4).split('\n').map((l) => JSON.parse(l).msg).join(',')}`);
    try {
      log.info('a');
      log.info('b');
      expect(out).toEqual([]); // nothing written per request
      log.error('c');
      // One write for both info lines, then the error.
      expect(writes()).toEqual(['out a,b', 'err c']);
      log.info('d');
      vi.advanceTimersByTime(100);
      expect(writes()).toEqual(['out a,b', 'err c', 'out d']);
    } finally {
      flushLogs();
      info.mockRestore();
      err.mockRestore();
      vi.useRealTimers();
    }
  });
});

describe('redactPath', () => {
  it('keeps search terms out of the logs', () => {
    expect(redactPath('/fr/recherche?q=mon+voisin+malade')).toBe('/fr/recherche?[redacted]');
    expect(redactPath('/en/search?q=x&page=2')).toBe('/en/search?[redacted]');
    expect(redactPath('/en/search')).toBe('/en/search');
  });

  it('keeps other query strings and truncates huge targets', () => {
    expect(redactPath('/fr/economie?page=2')).toBe('/fr/economie?page=2');
    const huge = `/fr/${'a'.repeat(8000)}`;
    const logged = redactPath(huge);
    expect(logged.length).toBeLessThan(600);
    expect(logged).toContain(`[${huge.length}]`);
  });
});

describe('LOG_LEVEL', () => {
  it('drops lines below the configured level', async () => {
    const { resetConfigForTests } = await import('./config');
    vi.stubEnv('LOG_LEVEL', 'warn');
    resetConfigForTests();
    resetLogLevel();
    const lines: string[] = [];
    const restore = setLogSink((line) => lines.push(line));
    log.info('quiet');
    log.debug('quieter');
    log.warn('heard');
    restore();
    vi.unstubAllEnvs();
    resetConfigForTests();
    resetLogLevel();
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['heard']);
  });
});
