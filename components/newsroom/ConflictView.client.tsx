'use client';
import { diffWords } from 'diff';
import { useTranslations } from 'next-intl';
import { changedFields, type EditorFields } from './editor-fields';
import type { EditorOptions } from './ArticleEditor.client';

/** Word-level differences between two texts: removed words struck, added words marked. */
export function TextDiff({ from, to }: { from: string; to: string }) {
  return (
    <span className="nr-diff">
      {diffWords(from, to).map((part, i) =>
        part.added ? <ins key={i}>{part.value}</ins> : part.removed ? <del key={i}>{part.value}</del> : <span key={i}>{part.value}</span>,
      )}
    </span>
  );
}

function show(field: keyof EditorFields, fields: EditorFields, options: EditorOptions): string {
  const value = fields[field];
  if (field === 'categoryId') return options.categories.find((c) => c.id === value)?.name ?? String(value);
  if (field === 'authorId') return options.authors.find((a) => a.id === value)?.name ?? String(value);
  if (field === 'tagIds') return (value as number[]).map((id) => options.topics.find((t) => t.id === id)?.name ?? id).join(', ');
  return String(value);
}

/**
 * Someone saved a newer version while this form was open. Nothing was overwritten: the editor sees both versions
 * field by field and decides.
 */
export function ConflictView({
  mine,
  theirs,
  options,
  onKeepMine,
  onTakeTheirs,
}: {
  mine: EditorFields;
  theirs: EditorFields;
  options: EditorOptions;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const t = useTranslations('newsroom.editor');
  const fields = changedFields(theirs, mine).filter((f) => f !== 'newTopics');
  return (
    <section className="nr-conflict" aria-labelledby="conflict-title" role="alert">
      <h2 id="conflict-title">{t('conflict.title')}</h2>
      <p>{t('conflict.body')}</p>
      <table className="nr-table">
        <caption>{t('conflict.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('conflict.field')}</th>
            <th scope="col">{t('conflict.theirs')}</th>
            <th scope="col">{t('conflict.mine')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f}>
              <th scope="row">{t.has(`fields.${f}`) ? t(`fields.${f}`) : f}</th>
              <td>{show(f, theirs, options)}</td>
              <td>{typeof mine[f] === 'string' ? <TextDiff from={show(f, theirs, options)} to={show(f, mine, options)} /> : show(f, mine, options)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="nr-actions">
        <button type="button" data-primary="" onClick={onKeepMine}>
          {t('conflict.keepMine')}
        </button>
        <button type="button" onClick={onTakeTheirs}>
          {t('conflict.takeTheirs')}
        </button>
      </div>
    </section>
  );
}
