/**
 * The text a reader sees of a Markdown body, for the search index: what components/Markdown.tsx renders, without
 * the syntax. Parsed with the same parser (micromark + GFM, as react-markdown and remark-gfm do), so emphasis
 * markers, heading hashes, link targets, image URLs, table pipes and raw HTML (dropped when rendering) never reach
 * the index, and a snippet never shows them. Link text and image alternative text are kept; blocks are separated by
 * a newline so that words of two paragraphs never merge.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

interface Node {
  type: string;
  value?: string;
  alt?: string | null;
  children?: Node[];
}

const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'code', 'thematicBreak', 'footnoteDefinition']);

function collect(node: Node, out: string[]): void {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
      out.push(node.value ?? '');
      break;
    case 'image':
      if (node.alt) out.push(node.alt);
      break;
    case 'html':
    case 'definition':
    case 'imageReference':
      break; // raw HTML is not rendered; reference definitions are invisible
    case 'break':
      out.push('\n');
      break;
    case 'tableCell':
      for (const child of node.children ?? []) collect(child, out);
      out.push(' ');
      return;
    default:
      for (const child of node.children ?? []) collect(child, out);
  }
  if (BLOCKS.has(node.type)) out.push('\n');
}

export function markdownToText(markdown: string): string {
  if (!markdown) return '';
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as unknown as Node;
  const out: string[] = [];
  collect(tree, out);
  return out
    .join('')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();
}
