import { describe, expect, it } from 'vitest';
import { articleInput } from './article-writes';

const base = { title: 'T', body: 'B', categoryId: 1, authorId: 1, kind: 'video' as const };

describe('article input: video fields', () => {
  it('stores a provider URL as its canonical watch URL and parses the typed duration', () => {
    const v = articleInput.parse({ ...base, videoUrl: 'https://youtu.be/dQw4w9WgXcQ?si=x', videoDurationSeconds: '1:03', videoTitle: ' Reportage ' });
    expect(v.videoUrl).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(v.videoDurationSeconds).toBe(63);
    expect(v.videoTitle).toBe('Reportage');
    expect(articleInput.parse({ ...base, videoDurationSeconds: 'PT2M' }).videoDurationSeconds).toBe(120);
  });
  it.each(['javascript:alert(1)', 'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ', 'https://a:b@youtu.be/dQw4w9WgXcQ', 'https://cdn.example/v.mp4'])(
    'refuses %s with a field error',
    (videoUrl) => {
      const r = articleInput.safeParse({ ...base, videoUrl, videoDurationSeconds: 63 });
      expect(r.success).toBe(false);
      expect(r.error?.issues.map((i) => [i.path[0], i.message])).toContainEqual(['videoUrl', 'video_url_unsupported']);
    },
  );
  it('refuses a duration it cannot read', () => {
    const r = articleInput.safeParse({ ...base, videoDurationSeconds: '1:75' });
    expect(r.error?.issues.map((i) => [i.path[0], i.message])).toContainEqual(['videoDurationSeconds', 'video_duration_invalid']);
  });
});
