'use client';
import type { RefObject } from 'react';
import { useTranslations } from 'next-intl';
import { prefixLines, wrap, type Edit } from './markdown-edit';

type Tool = { key: string; apply: (text: string, start: number, end: number, placeholder: string) => Edit };

const tools: Tool[] = [
  { key: 'h2', apply: (x, s, e) => prefixLines(x, s, e, '## ') },
  { key: 'h3', apply: (x, s, e) => prefixLines(x, s, e, '### ') },
  { key: 'bold', apply: (x, s, e, p) => wrap(x, s, e, '**', '**', p) },
  { key: 'italic', apply: (x, s, e, p) => wrap(x, s, e, '_', '_', p) },
  { key: 'link', apply: (x, s, e, p) => wrap(x, s, e, '[', '](https://)', p) },
  { key: 'quote', apply: (x, s, e) => prefixLines(x, s, e, '> ') },
  { key: 'bullets', apply: (x, s, e) => prefixLines(x, s, e, '- ') },
  { key: 'numbers', apply: (x, s, e) => prefixLines(x, s, e, (i) => `${i + 1}. `) },
];

/** Buttons that edit the body textarea's selection; the textarea stays the source of truth (plain Markdown). */
export function MarkdownToolbar({ target, onChange }: { target: RefObject<HTMLTextAreaElement | null>; onChange: (text: string) => void }) {
  const t = useTranslations('newsroom.editor.toolbar');
  return (
    <div role="toolbar" aria-label={t('label')} aria-controls="body" className="nr-toolbar">
      {tools.map((tool) => (
        <button
          key={tool.key}
          type="button"
          aria-label={t(tool.key)}
          title={t(tool.key)}
          onClick={() => {
            const area = target.current;
            if (!area) return;
            const edit = tool.apply(area.value, area.selectionStart, area.selectionEnd, t('placeholder'));
            onChange(edit.text);
            requestAnimationFrame(() => {
              area.focus();
              area.setSelectionRange(edit.selectionStart, edit.selectionEnd);
            });
          }}
        >
          {t(`${tool.key}Short`)}
        </button>
      ))}
    </div>
  );
}
