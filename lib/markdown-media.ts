/**
 * Media in Markdown bodies (issue 12), in syntax that stays plain Markdown:
 *
 * - a library photo is an image whose address is the library's: `![alt](/media/photo/12)` (the photo's number,
 *   stable when its crops are redone) or a rendition's `/media/p/<sha256>.jpg` (copied from a page, or
 *   written by an earlier WordPress import; it resolves while that rendition, or its record as a former file, exists);
 * - a video embed is a bare YouTube / Dailymotion / Facebook address alone on its line (an autolink that is the
 *   whole paragraph), the way editors paste it.
 *
 * This rehype step only marks them: a paragraph holding one image becomes a `<figure>` (the image may carry a
 * caption), a paragraph holding one video link becomes `<figure data-video=…>`. components/Markdown.tsx renders
 * them (picture, facade) after its URL filter has run.
 */
import { parseVideoEmbed } from './video/embed';

export const LIBRARY_PHOTO_PATH = /^\/media\/photo\/([1-9][0-9]{0,9})$/;
export const LIBRARY_RENDITION_PATH = /^\/media\/p\/([0-9a-f]{64}\.(?:avif|webp|jpg))$/;

/** A library photo's stable address (its number), what bodies name it by. */
export const libraryPhotoPath = (id: number) => `/media/photo/${id}`;

/** The body syntax for a library photo (shown in the newsroom next to each photo). */
export const photoMarkdown = (id: number, alt = '') => `![${alt.replace(/[[\]\\]/g, '')}](${libraryPhotoPath(id)})`;

export type LibraryPhotoRef = { id: number } | { file: string };

export function libraryPhotoRef(src: string): LibraryPhotoRef | null {
  const s = src.trim();
  const byId = LIBRARY_PHOTO_PATH.exec(s);
  if (byId) return { id: Number(byId[1]) };
  const byFile = LIBRARY_RENDITION_PATH.exec(s);
  return byFile ? { file: byFile[1]! } : null;
}

interface HastText {
  type: 'text';
  value: string;
}
interface HastElement {
  type: 'element';
  tagName: string;
  properties: Record<string, unknown>;
  children: HastNode[];
}
type HastNode = HastText | HastElement | { type: string; children?: HastNode[] };

const isElement = (n: HastNode): n is HastElement => n.type === 'element';
const textOf = (n: HastNode): string => (n.type === 'text' ? (n as HastText).value : 'children' in n && n.children ? n.children.map(textOf).join('') : '');

function mark(node: HastNode): void {
  if (!('children' in node) || !node.children) return;
  for (const child of node.children) {
    if (isElement(child) && child.tagName === 'p') {
      const kids = child.children.filter((k) => !(k.type === 'text' && !(k as HastText).value.trim()));
      const only = kids.length === 1 && isElement(kids[0]!) ? kids[0] : null;
      const src = only?.tagName === 'img' && typeof only.properties.src === 'string' ? only.properties.src : '';
      // Only addresses the URL filter keeps (http, https, site paths): a dropped image leaves its paragraph as it was.
      if (only && /^(?:https?:\/\/|\/(?!\/))/i.test(src.trim())) {
        child.tagName = 'figure';
        child.properties = { className: ['body-figure'] };
        only.properties = { ...only.properties, dataFigure: 'true' };
        child.children = [only];
      } else if (only?.tagName === 'a') {
        const href = typeof only.properties.href === 'string' ? only.properties.href : '';
        // A bare address (the link's text is the address itself) of an allowlisted provider.
        if (textOf(only).trim() === href && parseVideoEmbed(href)) {
          child.tagName = 'figure';
          child.properties = { className: ['body-video'], dataVideo: href };
          child.children = [];
        }
      }
    } else mark(child);
  }
}

/** Rehype plugin: marks standalone library images and bare video addresses (see above). */
export function rehypeBodyMedia() {
  return (tree: HastNode) => mark(tree);
}
