/**
 * Article body renderer (React server component).
 *
 * Safety model:
 *  - raw HTML in the Markdown is dropped entirely (`skipHtml`); no rehype-raw, so no HTML can be injected;
 *  - every URL goes through `safeUrl`: links keep only http(s), mailto and relative URLs, images only http(s)
 *    and relative URLs; anything else (javascript:, data:, vbscript:, file:, …) loses its attribute — the link
 *    becomes plain text, the image is not rendered;
 *  - external links get rel="noopener noreferrer"; images are lazy-loaded and always have an alt attribute;
 *  - media (issue 12, lib/markdown-media.ts): an image whose address is a library photo's renders as <picture>
 *    (AVIF/WebP/JPEG srcset, width/height, lazy) with its caption and credit when alone in its paragraph; a bare
 *    YouTube/Dailymotion/Facebook address alone on its line renders as the click-to-load facade (a plain link
 *    without JavaScript); an image from another site renders as a link to it — the CSP's img-src is 'self', and
 *    a third-party image would tell that host who reads what, with unknown dimensions;
 *  - headings are shifted one level down (`#` → h2, …, `######` → h6) because the page owns the h1; a body
 *    whose top headings are `##` (the usual newsroom habit) is first raised so that they become h2 too, so the
 *    outline never jumps from the page's h1 to an h3 (WCAG 1.3.1, axe heading-order).
 */
import type { ComponentPropsWithoutRef, JSX, ReactElement } from 'react';
import ReactMarkdown, { type Components, type ExtraProps, type UrlTransform } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { getConfig } from '../lib/config';
import { defaultLocale } from '@/i18n/routing';
import { bodyPhoto } from '@/db/media';
import { libraryPhotoRef, rehypeBodyMedia } from '@/lib/markdown-media';
import { embedUrl, parseVideoEmbed, providerNames, watchUrl } from '@/lib/video/embed';
import { Picture } from './Picture';
import { VideoFacade } from './VideoFacade.client';

/** Translated words the body's media need (the page passes its messages; English by default). */
export interface BodyMediaLabels {
  photoCredit: (credit: string) => string;
  /** Link text of an external image: its alt text and host, or the host alone. */
  externalImage: (description: string) => string;
  playVideo: (provider: string) => string;
  videoPlayer: (provider: string) => string;
}

const englishLabels: BodyMediaLabels = {
  photoCredit: (credit) => `Photo: ${credit}`,
  externalImage: (description) => `View the image: ${description}`,
  playVideo: (provider) => `Play the video on ${provider}`,
  videoPlayer: (provider) => `${provider} video player`,
};

/** Body photos span the article column, like the hero (components/ArticleView.tsx). */
const BODY_SIZES = '(max-width: 800px) 100vw, 800px';

export interface MarkdownProps {
  /** The Markdown source of the article body. */
  children: string;
  /** Class of the wrapping <div>. */
  className?: string;
  /** Origin considered internal for links (default: SITE_URL from the config). */
  siteUrl?: string;
  /** Visually hidden heading of the GFM footnotes section (pass the translated message; default "Notes"). */
  footnoteLabel?: string;
  /** Accessible label of the footnote back-references (translated; default "Back to content"). */
  footnoteBackLabel?: string;
  /** Sponsored content: external links carry rel="sponsored" (search engines must not count them as votes). */
  sponsored?: boolean;
  /** Language of the page: library photos show their alt text and caption in it. */
  locale?: string;
  labels?: Partial<BodyMediaLabels>;
}

const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);
const IMAGE_SCHEMES = new Set(['http', 'https']);

/**
 * Returns the URL if it is allowed for that attribute, else null.
 * The scheme is detected the way browsers parse it: ASCII whitespace and control characters are ignored
 * (so "java\tscript:" and "  JAVASCRIPT:" are recognised). Relative URLs (no scheme) are allowed.
 */
export function safeUrl(url: string, attribute: 'href' | 'src' | string = 'href'): string | null {
  const probe = url.replace(/[\u0000-\u0020\u007F-\u009F]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(probe)?.[1]?.toLowerCase();
  if (scheme === undefined) return url.trim();
  const allowed = attribute === 'src' ? IMAGE_SCHEMES : LINK_SCHEMES;
  return allowed.has(scheme) ? url.trim() : null;
}

const urlTransform: UrlTransform = (url, key) => safeUrl(url, key);

function siteOrigin(siteUrl: string | undefined): string | null {
  try {
    return new URL(siteUrl ?? getConfig().SITE_URL).origin;
  } catch {
    return null;
  }
}

/** Absolute (or protocol-relative) http(s) link to another origin. */
export function isExternalUrl(href: string, origin: string | null): boolean {
  if (!/^\s*(https?:)?\/\//i.test(href)) return false;
  try {
    return new URL(href.trim(), origin ?? 'http://localhost').origin !== origin;
  } catch {
    return true;
  }
}

type Props<T extends keyof JSX.IntrinsicElements> = ComponentPropsWithoutRef<T> & ExtraProps;

/** Drops react-markdown's `node` prop (a hast node) before spreading props onto a DOM element. */
function domProps<T extends ExtraProps>(props: T): Omit<T, 'node'> {
  const copy = { ...props };
  delete copy.node;
  return copy;
}

function shiftedHeading(Tag: 'h2' | 'h3' | 'h4' | 'h5' | 'h6') {
  function Heading(props: Props<'h1'>): ReactElement {
    return <Tag {...domProps(props)} />;
  }
  Heading.displayName = `MarkdownHeading(${Tag})`;
  return Heading;
}

function createImage(origin: string | null, locale: string, labels: BodyMediaLabels) {
  function MarkdownImage(allProps: Props<'img'>): ReactElement | null {
    const { src, alt, title, width, height } = allProps;
    if (typeof src !== 'string' || src === '') return null;
    const inFigure = (allProps as Record<string, unknown>)['data-figure'] === 'true';
    const ref = libraryPhotoRef(src);
    if (ref) {
      const photo = bodyPhoto(ref, locale);
      if (!photo) return alt ? <>{alt}</> : null;
      const caption = photo.caption || photo.credit;
      return (
        <>
          <Picture photo={photo} alt={alt || photo.alt} sizes={BODY_SIZES} />
          {inFigure && caption ? (
            <figcaption>
              {photo.caption}
              {photo.credit ? (
                <>
                  {photo.caption ? ' ' : ''}
                  <span className="credit">{labels.photoCredit(photo.credit)}</span>
                </>
              ) : null}
            </figcaption>
          ) : null}
        </>
      );
    }
    if (isExternalUrl(src, origin)) {
      let host = '';
      try {
        host = new URL(src.trim(), origin ?? 'http://localhost').host;
      } catch {
        return alt ? <>{alt}</> : null;
      }
      return (
        <a href={src} rel="noopener noreferrer" className="body-external-image">
          {labels.externalImage(alt ? `${alt} (${host})` : host)}
        </a>
      );
    }
    return (
      // Images of this site (e.g. the drawn illustrations): dimensions unknown, so a plain lazy <img>.
      // eslint-disable-next-line @next/next/no-img-element
      <img src={src} alt={alt ?? ''} title={title} width={width} height={height} loading="lazy" decoding="async" />
    );
  }
  return MarkdownImage;
}

function createFigure(labels: BodyMediaLabels) {
  function MarkdownFigure(allProps: Props<'figure'>): ReactElement {
    const video = (allProps as Record<string, unknown>)['data-video'];
    const embed = typeof video === 'string' ? parseVideoEmbed(video) : null;
    if (!embed) {
      const { className, children } = allProps;
      return <figure className={className}>{children}</figure>;
    }
    const provider = providerNames[embed.provider];
    return (
      <figure className="body-video">
        <div className="body-video-box">
          <VideoFacade href={watchUrl(embed)} src={embedUrl(embed, { autoplay: true })} title={labels.videoPlayer(provider)}>
            <span className="video-facade-play" aria-hidden="true" />
            <span className="visually-hidden">{labels.playVideo(provider)}</span>
          </VideoFacade>
        </div>
      </figure>
    );
  }
  return MarkdownFigure;
}

function createComponents(origin: string | null, sponsored: boolean, locale: string, labels: BodyMediaLabels): Components {
  function MarkdownLink(allProps: Props<'a'>): ReactElement {
    const { href, children, ...props } = domProps(allProps);
    if (typeof href !== 'string') return <>{children}</>;
    const rel = isExternalUrl(href, origin) ? (sponsored ? 'sponsored noopener noreferrer' : 'noopener noreferrer') : undefined;
    return (
      <a {...props} href={href} rel={rel}>
        {children}
      </a>
    );
  }
  return {
    h1: shiftedHeading('h2'),
    h2: shiftedHeading('h3'),
    h3: shiftedHeading('h4'),
    h4: shiftedHeading('h5'),
    h5: shiftedHeading('h6'),
    h6: shiftedHeading('h6'),
    a: MarkdownLink,
    img: createImage(origin, locale, labels),
    figure: createFigure(labels),
  };
}

interface MdNode {
  type: string;
  depth?: number;
  children?: MdNode[];
}

function eachHeading(node: MdNode, fn: (heading: MdNode & { depth: number }) => void): void {
  if (node.type === 'heading' && typeof node.depth === 'number') fn(node as MdNode & { depth: number });
  node.children?.forEach((child) => eachHeading(child, fn));
}

/** Remark plugin: raises every heading so that the body's highest level is `#` (then shifted to h2 below). */
export function remarkRaiseHeadings() {
  return (tree: MdNode) => {
    let top = 7;
    eachHeading(tree, (h) => {
      top = Math.min(top, h.depth);
    });
    if (top <= 1 || top > 6) return;
    eachHeading(tree, (h) => {
      h.depth -= top - 1;
    });
  };
}

const remarkPlugins = [remarkGfm, remarkRaiseHeadings];
const rehypePlugins = [rehypeBodyMedia];
const componentsByOrigin = new Map<string | null, Components>();

export function Markdown({
  children,
  className,
  siteUrl,
  footnoteLabel = 'Notes',
  footnoteBackLabel = 'Back to content',
  sponsored = false,
  locale = defaultLocale,
  labels,
}: MarkdownProps): ReactElement {
  const origin = siteOrigin(siteUrl);
  // Labels are per render (they come from the page's messages), so only label-free renders share components.
  const key = `${sponsored ? 'sponsored ' : ''}${locale} ${origin}`;
  let components = labels ? undefined : componentsByOrigin.get(key);
  if (!components) {
    components = createComponents(origin, sponsored, locale, { ...englishLabels, ...labels });
    if (!labels) componentsByOrigin.set(key, components);
  }
  return (
    <div className={className}>
      <ReactMarkdown
        remarkPlugins={remarkPlugins}
        rehypePlugins={rehypePlugins}
        remarkRehypeOptions={{
          footnoteLabel,
          footnoteBackLabel,
          // emitted as h1 so that the heading shift turns it into an h2, like the body's own `#` sections
          footnoteLabelTagName: 'h1',
        }}
        skipHtml
        urlTransform={urlTransform}
        components={components}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}

export default Markdown;
