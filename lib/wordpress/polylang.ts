/**
 * Polylang's translation groups as WordPress exports them: a `post_translations` or `term_translations` term whose
 * description is a PHP-serialized array from language slug to post or term id, e.g.
 * `a:2:{s:2:"fr";i:3;s:2:"en";i:30;}`. Only that shape is read (string keys, integer values); anything else in the
 * description is ignored, never evaluated.
 */
export function parseTranslationGroup(description: string): Map<string, number> {
  const group = new Map<string, number>();
  if (!/^a:\d{1,4}:\{/.test(description)) return group;
  for (const m of description.matchAll(/s:(\d{1,3}):"([^"]*)";i:(\d{1,18});/g)) {
    const [, length, lang, id] = m;
    // PHP's s:N is the byte length of the key: a mismatch means this is not the array we expect.
    if (Buffer.byteLength(lang!, 'utf8') !== Number(length) || !/^[a-z]{2,3}(?:[_-][a-z0-9]+)?$/i.test(lang!)) continue;
    group.set(lang!.toLowerCase(), Number(id));
  }
  return group;
}

/** Index of term id → its group (language → term id), from every `term_translations` term of the export. */
export class TermTranslations {
  private readonly byTerm = new Map<number, Map<string, number>>();

  add(description: string): void {
    const group = parseTranslationGroup(description);
    for (const id of group.values()) this.byTerm.set(id, group);
  }

  /** The group of a term (its own language included), or null when Polylang did not link it. */
  groupOf(termId: number): Map<string, number> | null {
    return this.byTerm.get(termId) ?? null;
  }

  /** The language Polylang gave the term, when it is in a group. */
  languageOf(termId: number): string | null {
    const group = this.byTerm.get(termId);
    if (!group) return null;
    for (const [lang, id] of group) if (id === termId) return lang;
    return null;
  }
}
