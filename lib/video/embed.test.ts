import { describe, expect, it } from 'vitest';
import { embedUrl, normalizeVideoUrl, parseVideoEmbed, watchUrl } from './embed';

describe('parseVideoEmbed', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'youtube', 'dQw4w9WgXcQ'],
    ['https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s&list=PL123', 'youtube', 'dQw4w9WgXcQ'],
    ['https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ', 'youtube', 'dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ?si=abc', 'youtube', 'dQw4w9WgXcQ'],
    ['https://www.youtube.com/shorts/aB3_-d9WgXc', 'youtube', 'aB3_-d9WgXc'],
    ['https://www.youtube.com/embed/dQw4w9WgXcQ', 'youtube', 'dQw4w9WgXcQ'],
    ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1', 'youtube', 'dQw4w9WgXcQ'],
    ['  http://www.youtube.com/watch?v=dQw4w9WgXcQ  ', 'youtube', 'dQw4w9WgXcQ'],
    ['https://www.dailymotion.com/video/x8abcd1', 'dailymotion', 'x8abcd1'],
    ['https://www.dailymotion.com/video/x7tgad0_some-title', 'dailymotion', 'x7tgad0'],
    ['https://dai.ly/x8abcd1', 'dailymotion', 'x8abcd1'],
    ['https://www.dailymotion.com/embed/video/x8abcd1', 'dailymotion', 'x8abcd1'],
    ['https://www.facebook.com/watch/?v=1234567890123', 'facebook', '1234567890123'],
    ['https://www.facebook.com/CRTVweb/videos/1234567890123/', 'facebook', '1234567890123'],
    ['https://www.facebook.com/CRTVweb/videos/le-journal/1234567890123/', 'facebook', '1234567890123'],
    ['https://m.facebook.com/reel/1234567890123', 'facebook', '1234567890123'],
  ])('%s → %s %s', (url, provider, id) => {
    expect(parseVideoEmbed(url)).toEqual({ provider, id });
  });

  it.each([
    'javascript:alert(1)//https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'JaVaScRiPt:alert(document.domain)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
    'https://evilyoutube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.co/watch?v=dQw4w9WgXcQ',
    'https://evil.example/watch?v=dQw4w9WgXcQ&u=https://youtube.com',
    'https://evil.example/youtu.be/dQw4w9WgXcQ',
    'https://www.youtube.com@evil.example/watch?v=dQw4w9WgXcQ',
    'https://user:pass@www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://user@youtu.be/dQw4w9WgXcQ',
    'https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ"><script>',
    'https://www.youtube.com/watch?v=short',
    'https://www.youtube.com/watch',
    'https://www.youtube.com/channel/UC123',
    'https://youtu.be/dQw4w9WgXcQ/extra',
    'https://www.dailymotion.com.evil.example/video/x8abcd1',
    'https://dai.ly.evil.example/x8abcd1',
    'https://www.dailymotion.com/video/../../x8abcd1',
    'https://www.facebook.com/watch/?v=123abc',
    'https://www.facebook.com.evil.example/watch/?v=1234567890123',
    'https://l.facebook.com/l.php?u=https://evil.example',
    'https://www.facebook.com/plugins/video.php?href=https://evil.example',
    '//www.youtube.com/watch?v=dQw4w9WgXcQ',
    '/media/p/x.mp4',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(parseVideoEmbed(url)).toBeNull();
  });
});

describe('player and watch URLs are rebuilt from the id', () => {
  it('YouTube goes through youtube-nocookie.com', () => {
    const e = { provider: 'youtube', id: 'dQw4w9WgXcQ' } as const;
    expect(embedUrl(e, { autoplay: true })).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');
    expect(watchUrl(e)).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  });
  it('Dailymotion and Facebook', () => {
    expect(embedUrl({ provider: 'dailymotion', id: 'x8abcd1' }, { autoplay: true })).toBe('https://www.dailymotion.com/embed/video/x8abcd1?autoplay=1');
    expect(embedUrl({ provider: 'facebook', id: '1234567890123' })).toBe(
      'https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fwatch%2F%3Fv%3D1234567890123',
    );
  });
});

describe('normalizeVideoUrl (the article field)', () => {
  it('stores the canonical watch URL of a provider video', () => {
    expect(normalizeVideoUrl('https://youtu.be/dQw4w9WgXcQ?si=tracking')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  });
  it('keeps our own video files', () => {
    const path = `/media/p/${'a'.repeat(64)}.mp4`;
    expect(normalizeVideoUrl(path)).toBe(path);
  });
  it('refuses any other address', () => {
    expect(normalizeVideoUrl('https://cdn.example/video.mp4')).toBeNull();
    expect(normalizeVideoUrl('/media/p/../../etc/passwd.mp4')).toBeNull();
  });
});
