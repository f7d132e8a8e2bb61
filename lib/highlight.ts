/**
 * Search highlights without HTML: SQLite's snippet()/highlight() wrap matches in two private-use characters
 * (never in content: the index holds text, lib/plain-text.ts), and the page splits on them into <mark> elements.
 */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

export interface HighlightPart {
  text: string;
  marked: boolean;
}

/** "a \uE000b\uE001 c" → [a ][b (marked)][ c]. Unbalanced or stray markers are dropped, never shown. */
export function highlightParts(value: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let marked = false;
  let current = '';
  const push = () => {
    if (current) parts.push({ text: current, marked });
    current = '';
  };
  for (const ch of value) {
    if (ch === MARK_START) {
      push();
      marked = true;
    } else if (ch === MARK_END) {
      push();
      marked = false;
    } else {
      current += ch;
    }
  }
  push();
  return parts;
}
