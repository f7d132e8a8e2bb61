import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, parseSearchParams } from './search-params';

describe('search page parameters', () => {
  it('reads q and page', () => {
    expect(parseSearchParams({ q: '  économie  ', page: '2' })).toEqual({ q: 'économie', page: 2 });
    expect(parseSearchParams({})).toEqual({ q: '', page: 1 });
    expect(parseSearchParams({ q: ['a', 'b'] })).toEqual({ q: 'a', page: 1 });
  });

  it('cuts long queries and removes control and marker characters', () => {
    expect(parseSearchParams({ q: 'x'.repeat(1000) })!.q).toHaveLength(MAX_QUERY_LENGTH);
    expect(parseSearchParams({ q: 'a\u0000b\uE000c\uFFFD' })!.q).toBe('a b c');
  });

  it.each(['0', '-1', 'abc', '1.5', '01', '999999', ''])('page=%j is malformed', (page) => {
    expect(parseSearchParams({ q: 'x', page })).toBeNull();
  });
});
