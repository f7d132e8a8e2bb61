import { preload } from 'react-dom';
import type { PhotoForPage } from '@/db/media';

/**
 * A library photo as `<picture>`: AVIF, then WebP, then JPEG (the `<img>`), each with its widths in `srcset` and
 * the layout's `sizes`, so the browser picks the smallest file its format support, screen and density allow.
 * width/height are always set (16:9), so the layout never shifts. The lead image is preloaded (AVIF, which every
 * browser that understands `type` on a preload supports) and fetched first; the others load lazily.
 */
export function Picture({ photo, sizes, alt, lead = false }: { photo: PhotoForPage; sizes: string; alt: string; lead?: boolean }) {
  const srcSet = (list: PhotoForPage['sources']['jpeg']) => list.map((s) => `${s.url} ${s.width}w`).join(', ');
  const jpeg = photo.sources.jpeg;
  const fallback = jpeg.find((s) => s.width >= 800) ?? jpeg.at(-1);
  if (!fallback) return null;
  const largest = jpeg.at(-1)!;
  if (lead && photo.sources.avif.length) {
    preload(photo.sources.avif.at(-1)!.url, { as: 'image', type: 'image/avif', imageSrcSet: srcSet(photo.sources.avif), imageSizes: sizes, fetchPriority: 'high' });
  }
  return (
    <picture>
      {photo.sources.avif.length ? <source type="image/avif" srcSet={srcSet(photo.sources.avif)} sizes={sizes} /> : null}
      {photo.sources.webp.length ? <source type="image/webp" srcSet={srcSet(photo.sources.webp)} sizes={sizes} /> : null}
      <img
        src={fallback.url}
        srcSet={srcSet(jpeg)}
        sizes={sizes}
        alt={alt}
        width={largest.width}
        height={largest.height}
        decoding="async"
        {...(lead ? { fetchPriority: 'high' as const, loading: 'eager' as const } : { loading: 'lazy' as const })}
      />
    </picture>
  );
}
