/** Toolbar edits of a Markdown textarea: pure functions of (text, selection), tested without a browser. */
export interface Edit {
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

/** Wraps the selection (or a placeholder) in `before`/`after`: **bold**, _italic_, [text](url). */
export function wrap(text: string, start: number, end: number, before: string, after: string, placeholder: string): Edit {
  const selected = text.slice(start, end) || placeholder;
  const next = text.slice(0, start) + before + selected + after + text.slice(end);
  return { text: next, selectionStart: start + before.length, selectionEnd: start + before.length + selected.length };
}

/** Prefixes every line touched by the selection: `## `, `> `, `- `, `1. ` (numbered in order). */
export function prefixLines(text: string, start: number, end: number, prefix: string | ((index: number) => string)): Edit {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = text.indexOf('\n', end);
  const lineEnd = nextBreak === -1 ? text.length : nextBreak;
  const lines = text.slice(lineStart, lineEnd).split('\n');
  const block = lines.map((line, i) => (typeof prefix === 'function' ? prefix(i) : prefix) + line.replace(/^(#{1,6} |> |- |\d+\. )/, '')).join('\n');
  const next = text.slice(0, lineStart) + block + text.slice(lineEnd);
  return { text: next, selectionStart: lineStart, selectionEnd: lineStart + block.length };
}
