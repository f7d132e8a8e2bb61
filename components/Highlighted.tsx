import { highlightParts } from '@/lib/highlight';

/** Text with search matches in <mark>: built from marker characters, never from HTML. */
export function Highlighted({ text }: { text: string }) {
  return (
    <>
      {highlightParts(text).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : part.text))}
    </>
  );
}
