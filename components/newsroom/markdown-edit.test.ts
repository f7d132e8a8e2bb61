import { describe, expect, it } from 'vitest';
import { prefixLines, wrap } from './markdown-edit';

describe('Markdown toolbar edits', () => {
  it('wraps the selection and keeps it selected', () => {
    const edit = wrap('Le budget est voté.', 3, 9, '**', '**', 'texte');
    expect(edit.text).toBe('Le **budget** est voté.');
    expect(edit.text.slice(edit.selectionStart, edit.selectionEnd)).toBe('budget');
  });

  it('inserts a placeholder when nothing is selected (a link to fill in)', () => {
    const edit = wrap('Voir ', 5, 5, '[', '](https://)', 'le texte');
    expect(edit.text).toBe('Voir [le texte](https://)');
    expect(edit.text.slice(edit.selectionStart, edit.selectionEnd)).toBe('le texte');
  });

  it('turns the touched lines into a heading, a quote or a list, replacing an earlier prefix', () => {
    expect(prefixLines('un\ndeux\ntrois', 4, 6, '## ').text).toBe('un\n## deux\ntrois');
    expect(prefixLines('## un\ndeux', 0, 8, '> ').text).toBe('> un\n> deux');
    expect(prefixLines('a\nb\nc', 0, 5, (i) => `${i + 1}. `).text).toBe('1. a\n2. b\n3. c');
  });
});
