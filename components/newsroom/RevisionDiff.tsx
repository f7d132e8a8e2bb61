import { diffWords } from 'diff';

/** A field of an old revision against the current text: words removed struck through, words added marked. */
export function RevisionDiff({ label, from, to }: { label: string; from: string; to: string }) {
  const parts = diffWords(from, to);
  const changed = parts.some((p) => p.added || p.removed);
  return (
    <div className="nr-diff-field">
      <h3>{label}</h3>
      <p className="nr-diff">
        {changed
          ? parts.map((part, i) => (part.added ? <ins key={i}>{part.value}</ins> : part.removed ? <del key={i}>{part.value}</del> : <span key={i}>{part.value}</span>))
          : from}
      </p>
    </div>
  );
}
