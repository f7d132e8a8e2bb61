/**
 * The two dates an article shows, in one place (page, JSON-LD, feeds):
 *  - `dateModified` (JSON-LD) is never before `datePublished`: a scheduled article edited before it went out has an
 *    `updated_at` earlier than its publication;
 *  - the "Mis à jour / Updated" label appears only when the text changed after publication — not for a slug rename,
 *    a section move or a scheduled publication, which all touch `updated_at`.
 *
 * What "the text changed" means is recorded by the newsroom in `articles.text_changed_at` (UTC ms, nullable; added
 * by the newsroom's migration). Until a row carries it (`textChangedAt` undefined: unknown), no label is shown, and
 * dateModified falls back to `updated_at`; `null` means the text never changed since publication.
 */
export interface ArticleDates {
  publishedAt: Date;
  updatedAt: Date;
  /** When the title, standfirst or body last changed; null: never after creation; undefined: not recorded. */
  textChangedAt?: Date | null;
}

/** Changes within a minute of publication are part of publishing it (the scheduler's own write, a typo fixed). */
const GRACE_MS = 60_000;

/** The JSON-LD dateModified: the last change readers care about, never before the publication. */
export function dateModified(a: ArticleDates): Date {
  const changed = a.textChangedAt === undefined ? a.updatedAt : (a.textChangedAt ?? a.publishedAt);
  return changed.getTime() > a.publishedAt.getTime() ? changed : a.publishedAt;
}

/** The date of the "Updated" label, or null when there is no label to show. */
export function textUpdatedAt(a: ArticleDates): Date | null {
  if (!a.textChangedAt) return null;
  return a.textChangedAt.getTime() - a.publishedAt.getTime() > GRACE_MS ? a.textChangedAt : null;
}
