import { normalizeVideoUrl } from '@/lib/video/embed';
import { parseDurationInput } from '@/lib/video/duration';

/**
 * The editor's form state and its mapping to the server's article input (db/article-writes articleInput).
 * Shared by the editor (browser) and tests; no React, no server code.
 */
export interface EditorFields {
  title: string;
  standfirst: string;
  body: string;
  slug: string;
  categoryId: number;
  authorId: number;
  tagIds: number[];
  /** New topics typed by the writer, comma-separated. */
  newTopics: string;
  genre: string;
  seoTitle: string;
  seoDescription: string;
  heroImage: string;
  /** A library photo's id ('' = none): wins over the illustration. */
  heroMediaId: string;
  heroAlt: string;
  heroCaption: string;
  heroCredit: string;
  kind: 'article' | 'video';
  videoDurationSeconds: string;
  videoUrl: string;
  videoTitle: string;
}

export interface ServerArticleFields {
  title: string;
  standfirst: string;
  body: string;
  slug: string;
  categoryId: number;
  authorId: number;
  tagIds: number[];
  genre: string;
  seoTitle: string;
  seoDescription: string;
  heroImage: string | null;
  heroMediaId?: number | null;
  heroAlt: string;
  heroCaption: string;
  heroCredit: string;
  kind: 'article' | 'video';
  videoDurationSeconds: number | null;
  videoUrl: string | null;
  videoTitle?: string;
}

export function fieldsFromServer(a: ServerArticleFields): EditorFields {
  return {
    title: a.title,
    standfirst: a.standfirst,
    body: a.body,
    slug: a.slug,
    categoryId: a.categoryId,
    authorId: a.authorId,
    tagIds: [...a.tagIds].sort((x, y) => x - y),
    newTopics: '',
    genre: a.genre,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    heroImage: a.heroImage ?? '',
    heroMediaId: a.heroMediaId ? String(a.heroMediaId) : '',
    heroAlt: a.heroAlt,
    heroCaption: a.heroCaption,
    heroCredit: a.heroCredit,
    kind: a.kind,
    videoDurationSeconds: a.videoDurationSeconds === null ? '' : String(a.videoDurationSeconds),
    videoUrl: a.videoUrl ?? '',
    videoTitle: a.videoTitle ?? '',
  };
}

export function inputFromFields(f: EditorFields) {
  return {
    title: f.title,
    standfirst: f.standfirst,
    body: f.body,
    slug: f.slug,
    categoryId: f.categoryId,
    authorId: f.authorId,
    tagIds: f.tagIds,
    newTopics: f.newTopics
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    genre: f.genre,
    seoTitle: f.seoTitle,
    seoDescription: f.seoDescription,
    heroImage: f.heroImage || null,
    heroMediaId: /^[1-9][0-9]*$/.test(f.heroMediaId) ? Number(f.heroMediaId) : null,
    heroAlt: f.heroAlt,
    heroCaption: f.heroCaption,
    heroCredit: f.heroCredit,
    kind: f.kind,
    // As typed ("1:03", "PT1M3S", "63"): the server parses it (lib/video/duration.ts) and says what is wrong.
    videoDurationSeconds: f.kind === 'video' && f.videoDurationSeconds.trim() !== '' ? f.videoDurationSeconds.trim() : null,
    videoUrl: f.videoUrl.trim() || null,
    videoTitle: f.videoTitle.trim(),
  };
}

/** The fields whose values differ (what a compare view lists). */
export function changedFields(a: EditorFields, b: EditorFields): (keyof EditorFields)[] {
  const ca = canonical(a);
  const cb = canonical(b);
  return (Object.keys(a) as (keyof EditorFields)[]).filter((k) => JSON.stringify(ca[k]) !== JSON.stringify(cb[k]));
}

/**
 * The server stores some fields in a canonical form ("1:03" → 63 s, youtu.be/ID → youtube.com/watch?v=ID): what
 * the editor typed and what the server sends back are the same content, not a change (or a conflict).
 */
function canonical(f: EditorFields): EditorFields {
  const seconds = parseDurationInput(f.videoDurationSeconds);
  return {
    ...f,
    videoDurationSeconds: seconds === null ? f.videoDurationSeconds.trim() : String(seconds),
    videoUrl: normalizeVideoUrl(f.videoUrl) ?? f.videoUrl.trim(),
    videoTitle: f.videoTitle.trim(),
  };
}

export function sameFields(a: EditorFields, b: EditorFields): boolean {
  return changedFields(a, b).length === 0;
}

/** The local copy kept in the browser while typing: survives a failed save and a reload. */
export interface LocalCopy {
  fields: EditorFields;
  baseVersion: number;
  at: number;
}

export const localCopyKey = (articleId: number) => `kiosque:article:${articleId}`;

export function parseLocalCopy(text: string | null): LocalCopy | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as LocalCopy;
    if (typeof value?.baseVersion !== 'number' || typeof value.fields?.title !== 'string' || typeof value.fields.body !== 'string') return null;
    return value;
  } catch {
    return null;
  }
}
