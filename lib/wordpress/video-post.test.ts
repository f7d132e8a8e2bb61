import { describe, expect, it } from 'vitest';
import type { WxrItem } from './wxr';
import { isVideoPost, videoOf } from './video-post';

const item = (over: Partial<WxrItem>): WxrItem => ({
  title: '', link: '', guid: '', creator: '', content: '', excerpt: '', postId: 1, postDate: '', postDateGmt: '', postModifiedGmt: '',
  postName: '', status: 'publish', postType: 'post', postParent: 0, attachmentUrl: '', categories: [], meta: {}, ...over,
});

describe('WordPress video posts', () => {
  it('is a video post only with the video post format', () => {
    expect(isVideoPost(item({ categories: [{ domain: 'post_format', nicename: 'post-format-video', name: 'Vidéo' }] }))).toBe(true);
    expect(isVideoPost(item({ categories: [{ domain: 'post_format', nicename: 'post-format-gallery', name: 'Galerie' }] }))).toBe(false);
    expect(isVideoPost(item({}))).toBe(false);
  });

  it('takes the first allowed player URL from the meta, then the body, and a duration from a duration meta', () => {
    expect(
      videoOf(item({ meta: { _thumbnail_id: '5', _video_duration: 'PT2M5S' }, content: '<p>Voir <a href="https://example.com/x">ici</a></p><iframe src="https://www.dailymotion.com/embed/video/x8abcd?autoplay=1&amp;mute=1"></iframe>' })),
    ).toEqual({ videoUrl: 'https://www.dailymotion.com/video/x8abcd', videoDurationSeconds: 125 });
    // A player the allowlist does not know, an unparseable duration: no URL, no duration (never a guess).
    expect(videoOf(item({ meta: { video_duration: 'long' }, content: 'https://vimeo.com/123456' }))).toEqual({ videoUrl: null, videoDurationSeconds: null });
  });
});
