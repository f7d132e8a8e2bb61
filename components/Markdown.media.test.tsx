/**
 * Media placed in Markdown bodies (issue 12): a library photo becomes <picture> with every format, dimensions,
 * lazy loading and its caption; a bare video address on its own line becomes the click-to-load facade (a link
 * until clicked); an external image, which the CSP would block, becomes a link to it. Raw HTML still never passes.
 */
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Markdown } from './Markdown';
import { updateMediaTexts, uploadMedia, SYSTEM_MEDIA_ACTOR } from '@/db/media-writes';
import { getMedia } from '@/db/media';
import { useTestDb } from '@/tests/support/db';
import { bodyPhotoRefs } from '@/lib/body-photos';

let env: ReturnType<typeof useTestDb>;
let id: number;
let jpegFile: string;

beforeAll(async () => {
  env = useTestDb();
  vi.stubEnv('MEDIA_DIR', join(env.dir, 'media'));
  const bytes = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 20, g: 80, b: 120 } } }).jpeg().toBuffer();
  id = (await uploadMedia(SYSTEM_MEDIA_ACTOR, 'marche.jpg', bytes)).id;
  updateMediaTexts(SYSTEM_MEDIA_ACTOR, id, {
    fr: { alt: 'Le marché Mokolo au matin', caption: 'Mokolo, 6 heures', credit: 'Awa Ndiaye' },
    en: { alt: 'Mokolo market in the morning', caption: 'Mokolo, 6 a.m.', credit: 'Awa Ndiaye' },
  });
  jpegFile = getMedia(id)!.renditions.find((r) => r.format === 'jpeg' && r.crop === '16x9')!.file;
}, 60_000);
afterAll(() => env.close());

const render = (source: string, locale = 'fr') =>
  renderToStaticMarkup(
    <Markdown siteUrl="https://kiosque.example" locale={locale} labels={{ photoCredit: (c) => `Photo : ${c}`, externalImage: (d) => `Voir l’image : ${d}`, playVideo: (p) => `Lire la vidéo sur ${p}`, videoPlayer: (p) => `Lecteur ${p}` }}>
      {source}
    </Markdown>,
  );

describe('a library photo in a body', () => {
  it('renders <picture> (AVIF, WebP, JPEG srcset), width/height, lazy, with its caption and credit', () => {
    const html = render(`Avant.\n\n![Les étals](/media/photo/${id})\n\nAprès.`);
    expect(html).toMatch(/<figure class="body-figure"><picture><source type="image\/avif" srcSet="[^"]+ 480w, [^"]+ 800w, [^"]+ 1200w, [^"]+ 1600w" sizes="\(max-width: 800px\) 100vw, 800px"\/><source type="image\/webp"/);
    expect(html).toMatch(/<img src="\/media\/p\/[0-9a-f]{64}\.jpg" srcSet="[^"]+\.jpg 480w[^"]*" sizes="[^"]+" alt="Les étals" width="1600" height="900" decoding="async" loading="lazy"\/><\/picture>/);
    expect(html).toContain('<figcaption>Mokolo, 6 heures <span class="credit">Photo : Awa Ndiaye</span></figcaption></figure>');
  });

  it('takes the library’s alt text and caption in the page’s language when the body gives none', () => {
    const html = render(`![](/media/photo/${id})`, 'en');
    expect(html).toContain('alt="Mokolo market in the morning"');
    expect(html).toContain('Mokolo, 6 a.m.');
  });

  it('resolves a rendition address too (what the WordPress import writes), inline in a sentence without a figure', () => {
    const html = render(`Voyez ![le marché](/media/p/${jpegFile}) ici.`);
    expect(html).toMatch(/<p>Voyez <picture><source type="image\/avif"/);
    expect(html).not.toContain('<figure');
  });

  it('a photo that is not in the library leaves its alt text, not a broken image', () => {
    expect(render('![Photo retirée](/media/photo/999999)')).toBe('<div><figure class="body-figure">Photo retirée</figure></div>');
  });
});

describe('a video address alone on its line', () => {
  it('becomes the click-to-load facade: a link to the video, no iframe, no request to the provider', () => {
    const html = render('Regardez :\n\nhttps://youtu.be/dQw4w9WgXcQ?si=partage\n\nFin.');
    expect(html).toContain('<figure class="body-video"><div class="body-video-box"><a class="video-facade" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"');
    expect(html).toContain('<span class="visually-hidden">Lire la vidéo sur YouTube</span>');
    expect(html).not.toContain('<iframe');
    // The player's address waits in the attribute the lite script reads on click; nothing loads it before.
    expect(html.match(/youtube-nocookie[^"]*/g)).toEqual(['youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1']);
    expect(html).toMatch(/data-video-src="https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ\?autoplay=1"/);
  });

  it('Dailymotion and Facebook too; an address inside a sentence, or of another site, stays a link', () => {
    expect(render('https://www.dailymotion.com/video/x8abcd1')).toContain('href="https://www.dailymotion.com/video/x8abcd1"');
    expect(render('https://www.facebook.com/watch/?v=1234567890')).toContain('<a class="video-facade" href="https://www.facebook.com/watch/?v=1234567890"');
    expect(render('Voir https://youtu.be/dQw4w9WgXcQ pour la suite.')).not.toContain('video-facade');
    expect(render('https://vimeo.com/123456')).not.toContain('video-facade');
  });
});

describe('an external image', () => {
  it('becomes a link to the image (the CSP allows images from this site only)', () => {
    const html = render('![Le marché central](https://cdn.example/marche.jpg)');
    expect(html).toBe('<div><figure class="body-figure"><a href="https://cdn.example/marche.jpg" rel="noopener noreferrer" class="body-external-image">Voir l’image : Le marché central (cdn.example)</a></figure></div>');
    expect(render('Texte ![](https://cdn.example/a.jpg) suite')).toContain('>Voir l’image : cdn.example</a>');
  });
});

describe('a photo’s uses in bodies (lib/body-photos.ts) are what this renderer shows', () => {
  it('counts a body as placing the photo exactly when the page shows it as <picture>', () => {
    const digits = String(id);
    const entity = `${digits.slice(0, -1)}&#${digits.charCodeAt(digits.length - 1)};`;
    const bodies = [
      `![](/media/photo/${id})`,
      `Texte ![a](/media/photo/${id}) suite.`,
      `[![a](/media/photo/${id})](https://example.cm)`,
      `![a][p]\n\n[p]: /media/photo/${id}`,
      `| a |\n| - |\n| ![](/media/photo/${id}) |`,
      `Note[^1].\n\n[^1]: ![](/media/photo/${id})`,
      `![](/media/photo/${entity})`,
      `![](/media/p/${jpegFile})`,
      `\`![](/media/photo/${id})\``,
      `\`\`\`\n![](/media/photo/${id})\n\`\`\``,
      `<img src="/media/photo/${id}">`,
      `[lien](/media/photo/${id})`,
      `\\![](/media/photo/${id})`,
      `![](https://kiosque.example/media/photo/${id})`,
    ];
    const shown = bodies.map((b) => render(b).includes('<picture>'));
    expect(shown.filter(Boolean).length, 'the list has both kinds').toBeGreaterThan(5);
    expect(shown.filter((x) => !x).length, 'the list has both kinds').toBeGreaterThan(4);
    for (const [i, body] of bodies.entries()) expect(bodyPhotoRefs(body).length > 0, body).toBe(shown[i]);
  });
});
