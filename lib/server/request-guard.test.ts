import { describe, expect, it } from 'vitest';
import { checkRequest, isStaticPath, stripFragileHeaders } from './request-guard';

describe('checkRequest', () => {
  it('lets ordinary requests through', () => {
    for (const [method, url] of [
      ['GET', '/fr'],
      ['GET', '/fr/economie/page/2'],
      ['GET', '/fr/recherche?q=caf%C3%A9+cr%C3%A8me&page=2'],
      ['HEAD', '/media/a.svg'],
      ['POST', '/api/views'],
      ['GET', '/fr/%00'], // decodable: Next answers it (404)
    ]) {
      expect(checkRequest(method, url, {}), `${method} ${url}`).toBeNull();
    }
  });

  it('answers 400 to undecodable paths (bad escapes, invalid UTF-8)', () => {
    for (const url of ['/fr/%E0%A4%A', '/fr/%C3%28', '/%', '/fr/%zz', '/fr/%C0%AE%C0%AE', '/fr/%ED%A0%80', '/fr/%C3%28?q=a']) {
      expect(checkRequest('GET', url, {}), url).toMatchObject({ status: 400 });
    }
  });

  it('leaves undecodable query strings to the page (search shows results or its empty state)', () => {
    for (const url of ['/en/search?q=%E0%A4%A', '/fr/recherche?q=%', '/fr/recherche?q=%FF']) {
      expect(checkRequest('GET', url, {}), url).toBeNull();
    }
  });

  it('answers 405 to unknown methods and to writes on static files', () => {
    expect(checkRequest('TRACE', '/fr', {})).toMatchObject({ status: 405 });
    expect(checkRequest('PROPFIND', '/fr', {})).toMatchObject({ status: 405 });
    expect(checkRequest('PUT', '/media/a.svg', {})).toMatchObject({ status: 405, allow: 'GET, HEAD' });
    expect(checkRequest('DELETE', '/_next/static/chunks/x.js', {})).toMatchObject({ status: 405 });
    expect(checkRequest('PUT', '/api/views', {})).toBeNull(); // the route handler answers 405 itself
  });

  it('lets newsroom Server Action posts through and refuses every other request that names an action', () => {
    const id = '7f3a9c0b1d2e4f5061728394a5b6c7d8e9f0a1b2c3';
    expect(checkRequest('POST', '/newsroom/login', { 'next-action': id })).toBeNull();
    expect(checkRequest('POST', '/newsroom', { 'next-action': id })).toBeNull();
    // Reader pages have no actions; a GET is no call; the id must be an action id.
    expect(checkRequest('POST', '/fr', { 'next-action': id })).toMatchObject({ status: 400 });
    expect(checkRequest('POST', '/newsroomx', { 'next-action': id })).toMatchObject({ status: 400 });
    expect(checkRequest('GET', '/newsroom', { 'next-action': id })).toMatchObject({ status: 400 });
    expect(checkRequest('POST', '/newsroom', { 'next-action': 'deadbeef' })).toMatchObject({ status: 400 });
    expect(checkRequest('POST', '/newsroom', { 'next-action': `${id}'; drop` })).toMatchObject({ status: 400 });
  });
});

describe('static paths and fragile headers', () => {
  it('knows which paths are files', () => {
    expect(isStaticPath('/_next/static/chunks/a.js')).toBe(true);
    expect(isStaticPath('/media/x.svg')).toBe(true);
    expect(isStaticPath('/favicon.ico')).toBe(true);
    expect(isStaticPath('/fr/economie/un-article')).toBe(false);
  });

  it('drops Range and preconditions', () => {
    const headers = { range: 'bytes=5-1', 'if-match': '"x"', accept: 'text/html' };
    stripFragileHeaders(headers);
    expect(headers).toEqual({ accept: 'text/html' });
    const svg = { range: 'bytes=0-10', 'if-range': '"x"' };
    stripFragileHeaders(svg, '/media/politics-1-16x9.svg');
    expect(svg).toEqual({});
  });

  it('lets Range through to library media files, whose handler answers 206/416 itself', () => {
    const file = `/media/p/${'ab'.repeat(32)}.mp4`;
    const headers = { range: 'bytes=0-99', 'if-range': '"x"', 'if-match': '"y"' };
    stripFragileHeaders(headers, `${file}?v=1`);
    expect(headers).toEqual({ range: 'bytes=0-99', 'if-range': '"x"' });
  });
});
