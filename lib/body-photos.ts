/**
 * The library photos an article body places (issue 12): every image the body renderer (components/Markdown.tsx)
 * would turn into a library <picture> — `![alt](/media/photo/12)`, a rendition address `/media/p/<sha256>.jpg`,
 * inline or alone on its line, and reference-style images (`![alt][ref]` + `[ref]: /media/photo/12`). Parsed with
 * the same parser as the renderer and the search text (micromark + GFM), so an address inside code, inside raw
 * HTML (dropped when rendering) or in a plain link does not count, and an escaped or entity-encoded address counts
 * exactly when the page shows it.
 *
 * db/client.ts registers `kiosque_body_photos(body)` on every connection; the triggers of migration 0010 call it
 * to keep `article_body_photos` in step with every write of `articles.body`, whoever writes it.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { libraryPhotoRef, type LibraryPhotoRef } from './markdown-media';

interface Node {
  type: string;
  url?: string;
  alt?: string | null;
  identifier?: string;
  children?: Node[];
}

interface Placed {
  url: string;
  alt: string;
}

function walk(node: Node, images: Placed[], references: { id: string; alt: string }[], definitions: Map<string, string>): void {
  if (node.type === 'image' && typeof node.url === 'string') images.push({ url: node.url, alt: node.alt ?? '' });
  else if (node.type === 'imageReference' && node.identifier) references.push({ id: node.identifier, alt: node.alt ?? '' });
  else if (node.type === 'definition' && node.identifier && typeof node.url === 'string' && !definitions.has(node.identifier)) {
    // CommonMark: the first definition of a label wins.
    definitions.set(node.identifier, node.url);
  }
  for (const child of node.children ?? []) walk(child, images, references, definitions);
}

/** Every library photo placement of a Markdown body, in order, with the alt text the body itself gives it. */
function placements(markdown: string): { ref: LibraryPhotoRef; alt: string }[] {
  // Every library address contains "/media/": most bodies are answered without parsing.
  if (!markdown || !markdown.includes('/media/')) return [];
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as unknown as Node;
  const images: Placed[] = [];
  const references: { id: string; alt: string }[] = [];
  const definitions = new Map<string, string>();
  walk(tree, images, references, definitions);
  for (const r of references) {
    const url = definitions.get(r.id);
    if (url !== undefined) images.push({ url, alt: r.alt });
  }
  return images.flatMap(({ url, alt }) => {
    const ref = libraryPhotoRef(url);
    return ref ? [{ ref, alt }] : [];
  });
}

const keyOf = (ref: LibraryPhotoRef) => ('id' in ref ? `#${ref.id}` : ref.file);

function unique(refs: LibraryPhotoRef[]): LibraryPhotoRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => !seen.has(keyOf(ref)) && !!seen.add(keyOf(ref)));
}

/** The library photos a Markdown body shows, each once, in order of appearance. */
export function bodyPhotoRefs(markdown: string): LibraryPhotoRef[] {
  return unique(placements(markdown).map((p) => p.ref));
}

/**
 * The library photos a body shows at least once without alt text of its own (`![](/media/photo/12)`): the page
 * gives them the library's alt text in its language, so that text must exist for the article to be published.
 */
export function bodyPhotoRefsWithoutOwnAlt(markdown: string): LibraryPhotoRef[] {
  return unique(placements(markdown).filter((p) => !p.alt.trim()).map((p) => p.ref));
}

/**
 * The SQL function's answer: a JSON array of photo numbers (integers) and rendition file names (strings), read
 * by the triggers with json_each (an integer joins `media.id`, a string `media_renditions.file`).
 */
export function bodyPhotoRefsJson(markdown: unknown): string {
  return JSON.stringify(bodyPhotoRefs(typeof markdown === 'string' ? markdown : '').map((r) => ('id' in r ? r.id : r.file)));
}
