/**
 * Wire text → the article body format (Markdown), shared by the wire desk and any later import: rehype-parse reads
 * the agency's HTML (never executed, never trusted), a cleaning pass drops what readers must not get, rehype-remark
 * maps the rest to Markdown (paragraphs, headings, lists, quotes, links, emphasis) and remark-stringify writes it.
 *
 * Dropped: scripts, styles, iframes, objects, forms, templates, comments, images (tracking pixels and hot-linked
 * pictures alike: illustrations go through the newsroom's media), and editorial notes marked in the HTML
 * (`class="ednote"`, `data-ednote`, NITF-style `<ednote>`). Links keep only http(s) and mailto URLs. The output has no raw
 * HTML node: anything rehype-remark cannot map becomes its text.
 */
import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

/** Larger bodies are refused before parsing (an agency story is a few kilobytes). */
export const WIRE_HTML_MAX = 1_000_000;

const DROP = new Set([
  'script', 'style', 'noscript', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'select', 'textarea',
  'template', 'svg', 'math', 'canvas', 'video', 'audio', 'source', 'track', 'img', 'picture', 'map', 'area',
  'link', 'meta', 'base', 'head', 'title', 'ednote', 'frame', 'frameset', 'applet',
]);

function isEditorialNote(el: Element): boolean {
  const p = el.properties ?? {};
  const classes = Array.isArray(p.className) ? p.className.map(String) : [];
  if (classes.some((c) => /^(ed-?note|editorial-?note|internal-?note)$/i.test(c))) return true;
  return 'dataEdnote' in p || 'dataEditorialNote' in p;
}

function safeHref(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const href = value.trim();
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/**
 * Options for imports that keep more than the wire desk does (lib/wordpress/body.ts): images whose source the
 * caller maps to a library URL (null drops the image), links the caller rewrites (after the scheme filter), and a
 * count of everything dropped, by kind.
 */
export interface HtmlConversionOptions {
  image?: (src: string, alt: string) => string | null;
  link?: (href: string) => string;
  onDrop?: (kind: string) => void;
}

function clean(node: HastNodes, options: HtmlConversionOptions = {}): void {
  if (!('children' in node)) return;
  node.children = node.children.filter((child) => {
    if (child.type === 'comment' || child.type === 'doctype') {
      if (child.type === 'comment') options.onDrop?.(/^\s*\/?wp:/.test(child.value) ? 'block-comment' : 'comment');
      return false;
    }
    if (child.type !== 'element') return true;
    if (child.tagName === 'img' && options.image) {
      const src = typeof child.properties?.src === 'string' ? child.properties.src : '';
      const alt = typeof child.properties?.alt === 'string' ? child.properties.alt : '';
      const mapped = src ? options.image(src, alt) : null;
      if (!mapped) return false;
      child.properties = { src: mapped, alt, ...(typeof child.properties?.title === 'string' ? { title: child.properties.title } : {}) };
      return true;
    }
    if (DROP.has(child.tagName) || isEditorialNote(child)) {
      options.onDrop?.(child.tagName);
      return false;
    }
    if (child.tagName === 'a') {
      const safe = safeHref(child.properties?.href);
      const href = safe && options.link ? options.link(safe) : safe;
      child.properties = href ? { href } : {};
      if (!href) child.tagName = 'span';
    }
    return true;
  }) as typeof node.children;
  for (const child of node.children) clean(child as HastNodes, options);
}

const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(() => (tree: HastRoot) => clean(tree))
  .use(rehypeRemark)
  .use(remarkStringify, { bullet: '-', emphasis: '_', fences: true, rule: '-' });

/** The Markdown body for a wire HTML fragment ('' for nothing usable). Throws on input above WIRE_HTML_MAX. */
export function htmlToMarkdown(html: string): string {
  if (html.length > WIRE_HTML_MAX) throw new RangeError('wire body too large');
  const out = String(processor.processSync(html)).trim();
  return out;
}

const parser = unified().use(rehypeParse, { fragment: true });
const toMarkdown = unified().use(rehypeRemark).use(remarkStringify, { bullet: '-', emphasis: '_', fences: true, rule: '-' });

/** htmlToMarkdown with the import options (kept images, dropped-element counts). Throws above WIRE_HTML_MAX. */
export function htmlToMarkdownWith(html: string, options: HtmlConversionOptions): string {
  if (html.length > WIRE_HTML_MAX) throw new RangeError('body too large');
  const tree = parser.parse(html);
  clean(tree, options);
  const mdast = toMarkdown.runSync(tree);
  return String(toMarkdown.stringify(mdast)).trim();
}

/** Plain wire text (paragraphs separated by blank lines) as Markdown: Markdown syntax in it is escaped. */
export function textToMarkdown(text: string): string {
  if (text.length > WIRE_HTML_MAX) throw new RangeError('wire body too large');
  const escaped = text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const html = escaped
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p}</p>`)
    .join('');
  return htmlToMarkdown(html);
}

/** A short text (headline, standfirst) from possibly-HTML input: tags stripped, entities decoded, spaces folded. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html.slice(0, WIRE_HTML_MAX));
  clean(tree);
  let out = '';
  const walk = (n: HastNodes) => {
    if (n.type === 'text') out += n.value;
    else if ('children' in n) for (const c of n.children) walk(c as HastNodes);
    if (n.type === 'element' && /^(p|br|div|li|h[1-6])$/.test(n.tagName)) out += ' ';
  };
  walk(tree);
  return out.replace(/\s+/g, ' ').trim();
}
