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
  identifier?: string;
  children?: Node[];
}

function walk(node: Node, images: string[], references: string[], definitions: Map<string, string>): void {
  if (node.type === 'image' && typeof node.url === 'string') images.push(node.url);
  else if (node.type === 'imageReference' && node.identifier) references.push(node.identifier);
  else if (node.type === 'definition' && node.identifier && typeof node.url === 'string' && !definitions.has(node.identifier)) {
    // CommonMark: the first definition of a label wins.
    definitions.set(node.identifier, node.url);
  }
  for (const child of node.children ?? []) walk(child, images, references, definitions);
}

/** The library photos a Markdown body shows, each once, in order of appearance. */
export function bodyPhotoRefs(markdown: string): LibraryPhotoRef[] {
  // Every library address contains "/media/": most bodies are answered without parsing.
  if (!markdown || !markdown.includes('/media/')) return [];
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as unknown as Node;
  const images: string[] = [];
  const references: string[] = [];
  const definitions = new Map<string, string>();
  walk(tree, images, references, definitions);
  for (const id of references) {
    const url = definitions.get(id);
    if (url !== undefined) images.push(url);
  }
  const seen = new Set<string>();
  const out: LibraryPhotoRef[] = [];
  for (const url of images) {
    const ref = libraryPhotoRef(url);
    if (!ref) continue;
    const key = 'id' in ref ? `#${ref.id}` : ref.file;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(ref);
  }
  return out;
}

/**
 * The SQL function's answer: a JSON array of photo numbers (integers) and rendition file names (strings), read
 * by the triggers with json_each (an integer joins `media.id`, a string `media_renditions.file`).
 */
export function bodyPhotoRefsJson(markdown: unknown): string {
  return JSON.stringify(bodyPhotoRefs(typeof markdown === 'string' ? markdown : '').map((r) => ('id' in r ? r.id : r.file)));
}
