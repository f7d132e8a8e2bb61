/**
 * The server HTML of the reader components whose behaviour the lite script (lib/server/lite-script.ts) provides on
 * reader pages: without JavaScript they are meaningful HTML (links), and they carry the data attributes the script
 * reads. If one of these attributes is renamed on one side only, the view beacon, the remembered language or the
 * video facade silently stops working: this test names the contract.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LITE_SCRIPT } from '@/lib/server/lite-script';
import { LanguageLink } from './LanguageLink.client';
import { VideoFacade } from './VideoFacade.client';
import { ViewBeacon } from './ViewBeacon';

describe('markers for the lite script', () => {
  it('the view beacon is a hidden marker naming the article', () => {
    expect(renderToStaticMarkup(<ViewBeacon articleId={42} />)).toBe('<div hidden="" data-view-beacon="42"></div>');
    expect(LITE_SCRIPT).toContain("'[data-view-beacon]'");
  });

  it('the language link is a plain link that names the language to remember', () => {
    const html = renderToStaticMarkup(<LanguageLink href="/en/economy" locale="en" label="English" />);
    expect(html).toBe('<a href="/en/economy" hrefLang="en" lang="en" data-remember-locale="en">English</a>');
    expect(LITE_SCRIPT).toContain("'a[data-remember-locale]'");
  });

  it('the video facade is a link to the provider carrying the player URL and title', () => {
    const html = renderToStaticMarkup(
      <VideoFacade href="https://www.youtube.com/watch?v=abcdefghijk" src="https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1" title="Title (YouTube player)">
        <span className="poster" />
      </VideoFacade>,
    );
    expect(html).toBe(
      '<a class="video-facade" href="https://www.youtube.com/watch?v=abcdefghijk" data-video-src="https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1" data-video-title="Title (YouTube player)"><span class="poster"></span></a>',
    );
    expect(html).not.toContain('<iframe');
    expect(LITE_SCRIPT).toContain("'a[data-video-src]'");
  });
});
