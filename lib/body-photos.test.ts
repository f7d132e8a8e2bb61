import { describe, expect, it } from 'vitest';
import { bodyPhotoRefs, bodyPhotoRefsJson, bodyPhotoRefsWithoutOwnAlt } from './body-photos';

const file = `${'b'.repeat(64)}.webp`;

describe('bodyPhotoRefs: the library photos a body shows', () => {
  it('finds inline, standalone, linked and reference-style images, each once, in order', () => {
    const body = [
      '![Un marché](/media/photo/12 "titre")',
      '',
      `Texte ![](/media/p/${file}) et [![vignette](/media/photo/3)](https://example.cm).`,
      '',
      '| a | b |',
      '| - | - |',
      '| ![](/media/photo/12) | ![x][port] |',
      '',
      '[port]: </media/photo/7>',
      '[port]: /media/photo/8',
    ].join('\n');
    expect(bodyPhotoRefs(body)).toEqual([{ id: 12 }, { file }, { id: 3 }, { id: 7 }]);
    expect(bodyPhotoRefsJson(body)).toBe(`[12,"${file}",3,7]`);
  });

  it('counts what the page renders as a photo, nothing else', () => {
    const body = [
      '`![](/media/photo/1)`',
      '',
      '```',
      '![](/media/photo/2)',
      '```',
      '',
      '<img src="/media/photo/3">',
      '',
      '[un lien](/media/photo/4) /media/photo/5',
      '',
      '![](/media/photo/06) ![](/media/photo/abc) ![](https://example.cm/media/photo/9) ![](/media/p/x.jpg)',
      '',
      '![](/media/photo/1&#49;) \\![](/media/photo/13)',
    ].join('\n');
    // An entity in the address is decoded by the parser, as on the page; an escaped "!" makes a link, not an image.
    expect(bodyPhotoRefs(body)).toEqual([{ id: 11 }]);
  });

  it('answers an empty list for bodies without a library address, and for non-text values', () => {
    expect(bodyPhotoRefs('')).toEqual([]);
    expect(bodyPhotoRefs('![](/images/a.jpg)')).toEqual([]);
    expect(bodyPhotoRefsJson(null)).toBe('[]');
  });
});

describe('bodyPhotoRefsWithoutOwnAlt: photos that take the library’s alt text', () => {
  it('lists a photo placed at least once with an empty or blank alt, inline or by reference', () => {
    const body = ['![Le port](/media/photo/1) ![](/media/photo/2) ![  ](/media/photo/3)', '', '![Le port](/media/photo/2) ![][r] ![ok][s]', '', '[r]: /media/photo/4', '[s]: /media/photo/5'].join('\n');
    expect(bodyPhotoRefsWithoutOwnAlt(body)).toEqual([{ id: 2 }, { id: 3 }, { id: 4 }]);
    expect(bodyPhotoRefsWithoutOwnAlt('![Le port](/media/photo/1)')).toEqual([]);
  });
});
