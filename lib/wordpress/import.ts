/**
 * WordPress export → Kiosque. Pass 1 streams the whole file once and keeps only the small site-level records
 * (authors, categories, tags, Polylang terms, attachment URLs): a truncated or hostile file fails here, before any
 * write. Pass 2 streams it again and imports posts in batches of BATCH, one transaction per batch (media first,
 * outside the transaction: uploadMedia is idempotent by content hash). Keyed by base site URL + post id
 * (wordpress_posts): a second run rewrites only posts whose source changed, and a failed run can simply be re-run.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import {
  addRedirect, adoptPhotoAlt, dropShadowingRedirects, normalizeLegacyPath, sectionIdOf, ensureAuthor, ensureSection, ensureTopic, importedPost, writePost,
  type NamesByLocale, type WordpressTx,
} from '@/db/wordpress';
import { getDb, type Db } from '@/db/client';
import { uploadMedia, SYSTEM_MEDIA_ACTOR } from '@/db/media-writes';
import { defaultLocale, isLocale, locales, type Locale } from '@/i18n/routing';
import { libraryPhotoPath } from '@/lib/markdown-media';
import { slugify } from '@/lib/slug';
import { htmlToText } from '@/lib/wire/html-to-markdown';
import { imageSources, wordpressBodyToMarkdown } from './body';
import { repairMojibake } from './mojibake';
import { TermTranslations } from './polylang';
import { isVideoPost, videoOf } from './video-post';
import { readWxr, WxrError, type WxrAuthor, type WxrCategory, type WxrItem, type WxrTag } from './wxr';

export { WxrError };
export const BATCH = 200;

export interface ImportReport {
  siteUrl: string;
  imported: number;
  updated: number;
  unchanged: number;
  skipped: Record<string, number>;
  mediaMissing: string[];
  mediaImported: number;
  dropped: Record<string, number>;
  mojibakeRepaired: number;
  redirects: number;
  /** Old paths not kept because Kiosque serves that URL itself (a section, a fixed page, the newsroom…). */
  redirectsShadowed: string[];
  /** Published or scheduled posts whose featured image has no alt text in their language (old permalink). */
  heroAltMissing: string[];
  /** Sub-categories merged into their top-level section: category path → the section's category. */
  sectionsFlattened: Record<string, string>;
}

export interface ImportOptions { uploads?: string; dryRun?: boolean; now?: Date; db?: Db }

const STATUS: Record<string, 'published' | 'scheduled' | 'draft'> = { publish: 'published', future: 'scheduled', draft: 'draft', pending: 'draft' };

function wpDate(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(s);
  if (!m || m[1] === '0000') return null;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

function pathOf(url: string, base: URL): string | null {
  try {
    const u = new URL(url, base);
    if (u.host !== base.host) return null;
    let p = u.pathname;
    const prefix = base.pathname.replace(/\/+$/, '');
    if (prefix && p.startsWith(prefix)) p = p.slice(prefix.length) || '/';
    return p + u.search;
  } catch {
    return null;
  }
}

export async function importWordpress(file: string, options: ImportOptions = {}): Promise<ImportReport> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  if (!existsSync(file) || !statSync(file).isFile()) throw new WxrError(`no such file: ${file}`);

  // Pass 1: site-level records only.
  let siteUrl = '';
  const wpAuthors = new Map<string, WxrAuthor>();
  const wpCategories = new Map<string, WxrCategory>();
  const wpTags = new Map<string, WxrTag>();
  const categoriesById = new Map<number, WxrCategory>();
  const tagsById = new Map<number, WxrTag>();
  const termTranslations = new TermTranslations();
  const attachments = new Map<number, string>();
  const attachmentAlt = new Map<number, { alt: string; locale: Locale | null }>();
  let hasPolylang = false;
  await readWxr(file, {
    baseSiteUrl: (u) => (siteUrl = u),
    author: (a) => wpAuthors.set(a.login, a),
    category: (c) => {
      wpCategories.set(c.nicename, c);
      categoriesById.set(c.termId, c);
    },
    tag: (t) => {
      wpTags.set(t.slug, t);
      tagsById.set(t.termId, t);
    },
    term: (t) => {
      if (t.taxonomy === 'language') hasPolylang = true;
      if (t.taxonomy === 'term_translations') termTranslations.add(t.description);
    },
    item: (i) => {
      if (i.postType === 'attachment' && i.attachmentUrl) {
        attachments.set(i.postId, i.attachmentUrl);
        // Polylang may give a photo a language of its own (translated media): its alt text is in that language.
        const language = i.categories.find((c) => c.domain === 'language')?.nicename;
        if (i.meta._wp_attachment_image_alt) attachmentAlt.set(i.postId, { alt: i.meta._wp_attachment_image_alt, locale: language && isLocale(language) ? language : null });
      }
      if (i.categories.some((c) => c.domain === 'language')) hasPolylang = true;
    },
  });
  if (!siteUrl) throw new WxrError('not a WordPress export: no <wp:base_site_url>');
  let base: URL;
  try {
    base = new URL(siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
  } catch {
    throw new WxrError(`invalid <wp:base_site_url>: ${siteUrl}`);
  }

  const report: ImportReport = {
    siteUrl, imported: 0, updated: 0, unchanged: 0, skipped: {}, mediaMissing: [], mediaImported: 0, dropped: {}, mojibakeRepaired: 0, redirects: 0, redirectsShadowed: [], sectionsFlattened: {}, heroAltMissing: [],
  };
  const skip = (reason: string) => (report.skipped[reason] = (report.skipped[reason] ?? 0) + 1);
  const fix = (s: string) => {
    const r = repairMojibake(s);
    report.mojibakeRepaired += r.repaired;
    return r.text;
  };
  const topLevel = (nicename: string): WxrCategory | undefined => {
    let c = wpCategories.get(nicename);
    for (let guard = 0; c?.parent && wpCategories.has(c.parent) && guard < 50; guard++) c = wpCategories.get(c.parent);
    return c;
  };
  const categoryPath = (nicename: string): string => {
    const parts: string[] = [];
    let c = wpCategories.get(nicename);
    for (let guard = 0; c && guard < 50; guard++) {
      parts.unshift(c.nicename);
      c = c.parent ? wpCategories.get(c.parent) : undefined;
    }
    return parts.join('/');
  };

  /**
   * One Kiosque concept per Polylang translation group (term_translations): its key is the group's member in the
   * first locale that has one (stable across runs), its name and slug per locale the member's in that language;
   * a language without a member takes another's. A term outside any group is one concept named alike everywhere.
   */
  function concept<T extends { termId: number }>(term: T, byId: Map<number, T>, label: (t: T) => { name: string; slug: string }, keyOf: (t: T) => string) {
    const group = termTranslations.groupOf(term.termId);
    const members = new Map<Locale, T>();
    for (const locale of locales) {
      const member = group?.get(locale) !== undefined ? byId.get(group.get(locale)!) : undefined;
      if (member) members.set(locale, member);
    }
    const own = label(term);
    const fallback = members.size > 0 ? label([...members.values()][0]!) : own;
    const names = Object.fromEntries(locales.map((l) => [l, members.has(l) ? label(members.get(l)!) : fallback])) as NamesByLocale;
    const language = termTranslations.languageOf(term.termId);
    return { key: keyOf(members.size > 0 ? [...members.values()][0]! : term), names, language: language && isLocale(language) ? language : null };
  }
  const categoryLabel = (c: WxrCategory) => ({ name: fix(c.name), slug: slugify(decodeURIComponent(c.nicename)) });
  const section = (c: WxrCategory) => concept(topLevel(c.nicename) ?? c, categoriesById, (t) => categoryLabel(topLevel(t.nicename) ?? t), (t) => `wp:${(topLevel(t.nicename) ?? t).nicename}`);
  const topic = (t: WxrTag) => concept(t, tagsById, (x) => ({ name: fix(x.name), slug: slugify(decodeURIComponent(x.slug)) }), (x) => `wp:tag:${x.slug}`);

  const uploadsRoot = options.uploads ? resolve(options.uploads) : null;
  /** Library photo per file of the uploads folder (one photo however many posts or sizes point to it). */
  const uploaded = new Map<string, { id: number; url: string } | null>();
  const missing = new Set<string>();
  /**
   * The library photo for an image of the export, written in bodies as `/media/photo/N` (stable when its crops
   * are redone). WordPress links the resized copies it made (`photo-1024x640.jpg`): the original beside them is
   * taken instead when it is there, so a featured image and its inline copies are one photo at full quality.
   */
  async function media(url: string): Promise<{ id: number; url: string } | null> {
    const m = /\/wp-content\/uploads\/(.+)$/.exec(url.split(/[?#]/)[0]!);
    let relative: string | null = null;
    try {
      relative = m ? decodeURIComponent(m[1]!) : null;
    } catch {
      relative = null;
    }
    const inUploads = (rel: string) => {
      const path = resolve(uploadsRoot!, rel);
      return path.startsWith(uploadsRoot + sep) && existsSync(path) ? path : null;
    };
    const original = relative?.replace(/-\d{2,5}x\d{2,5}(\.[a-z0-9]+)$/i, '$1');
    const originalPath = uploadsRoot && original && original !== relative ? inUploads(original) : null;
    const chosen = originalPath ? original! : relative;
    const path = originalPath ?? (uploadsRoot && relative ? inUploads(relative) : null);
    if (!path) {
      if (!missing.has(url)) report.mediaMissing.push(url);
      missing.add(url);
      return null;
    }
    if (uploaded.has(path)) return uploaded.get(path)!;
    let result: { id: number; url: string } | null = null;
    if (!options.dryRun) {
      try {
        const { id, duplicate } = await uploadMedia(SYSTEM_MEDIA_ACTOR, chosen!.split('/').pop()!, readFileSync(path), now, db);
        result = { id, url: libraryPhotoPath(id) };
        if (!duplicate) report.mediaImported++;
      } catch (error) {
        report.mediaMissing.push(`${url} (${error instanceof Error ? error.message : 'refused'})`);
      }
    } else result = { id: 0, url };
    uploaded.set(path, result);
    return result;
  }

  /**
   * Links to the old site itself become site paths (`https://old.example/2024/11/14/x/` → `/2024/11/14/x/`): the
   * old domain now points at Kiosque, whose old-URL table answers them with a 301 to the new page, and they keep
   * working if the site moves to a new domain. Its files (`/wp-content/…`) and admin stay as they were.
   */
  const siteLink = (href: string) => {
    const path = /^https?:/i.test(href) ? pathOf(href, base) : null;
    if (!path || /^\/wp-(?:content|admin|includes|login)\b/.test(path)) return href;
    const hash = href.indexOf('#');
    return hash >= 0 ? path + href.slice(hash) : path;
  };

  type Prepared = { item: WxrItem; hash: string; hero: { id: number; url: string } | null; images: Map<string, string | null> };
  let batch: Prepared[] = [];

  function flush() {
    if (batch.length === 0) return;
    const work = batch;
    batch = [];
    if (options.dryRun) {
      for (const p of work) {
        const known = importedPost(db, siteUrl, p.item.postId);
        if (known && known.sourceHash === p.hash) {
          report.unchanged++;
          continue;
        }
        if (!known) report.imported++;
        else report.updated++;
        // The same conversion as a real run, so that the report's drops and repairs are the real ones.
        fix(p.item.title);
        fix(p.item.excerpt);
        const body = wordpressBodyToMarkdown(fix(p.item.content), () => null);
        for (const [kind, n] of Object.entries(body.dropped)) report.dropped[kind] = (report.dropped[kind] ?? 0) + n;
      }
      return;
    }
    db.transaction((tx) => {
      for (const p of work) writeOne(tx, p);
    }, { behavior: 'immediate' });
  }

  function writeOne(tx: WordpressTx, p: Prepared) {
    const { item } = p;
    const known = importedPost(tx, siteUrl, item.postId);
    if (known && known.sourceHash === p.hash) {
      report.unchanged++;
      return;
    }
    const language = item.categories.find((c) => c.domain === 'language')?.nicename;
    const locale: Locale = language && isLocale(language) ? language : defaultLocale;
    const translation = item.categories.find((c) => c.domain === 'post_translations')?.nicename;
    const storyKey = translation ? `wp:${siteUrl}:${translation}` : `wp:${siteUrl}:post:${item.postId}`;

    const firstCategory = item.categories.find((c) => c.domain === 'category');
    const category = firstCategory
      ? (wpCategories.get(firstCategory.nicename) ?? { nicename: firstCategory.nicename, name: firstCategory.name, parent: '', termId: 0 })
      : { nicename: 'uncategorized', name: 'Uncategorized', parent: '', termId: 0 };
    const { key: sectionKey, names: sectionNames } = section(category);
    const sectionId = ensureSection(tx, sectionKey, sectionNames);
    const tagIds = item.categories.filter((c) => c.domain === 'post_tag').map((c) => {
      const { key, names } = topic(wpTags.get(c.nicename) ?? { termId: 0, slug: c.nicename, name: c.name });
      return ensureTopic(tx, key, names);
    });
    const wpAuthor = wpAuthors.get(item.creator);
    const authorName = fix(wpAuthor?.displayName || item.creator || 'Rédaction');
    const authorId = ensureAuthor(tx, `wp:${item.creator || 'unknown'}`, authorName, slugify(item.creator || authorName));

    const body = wordpressBodyToMarkdown(fix(item.content), (src) => p.images.get(src) ?? null, siteLink);
    for (const [kind, n] of Object.entries(body.dropped)) report.dropped[kind] = (report.dropped[kind] ?? 0) + n;
    const status = STATUS[item.status]!;
    const publishedAt = wpDate(item.postDateGmt) ?? (status === 'draft' ? null : wpDate(item.postDate));
    const modified = wpDate(item.postModifiedGmt) ?? publishedAt ?? now;
    const title = htmlToText(fix(item.title)) || `(${item.postId})`;
    const thumbnail = Number(item.meta._thumbnail_id ?? 0);
    const { articleId, created } = writePost(tx, {
      siteUrl,
      postId: item.postId,
      sourceHash: p.hash,
      storyKey,
      now,
      tagIds,
      article: {
        locale,
        slug: slugify(decodeURIComponent(item.postName || title)),
        title,
        standfirst: htmlToText(fix(item.excerpt)),
        body: body.markdown,
        categoryId: sectionId,
        authorId,
        status,
        publishedAt,
        createdAt: publishedAt ?? modified,
        updatedAt: modified,
        textChangedAt: null,
        heroMediaId: p.hero && p.hero.id > 0 ? p.hero.id : null,
        heroAlt: p.hero ? fix(attachmentAlt.get(thumbnail)?.alt ?? '') : '',
        ...(isVideoPost(item) ? { kind: 'video' as const, ...videoOf(item) } : { kind: 'article' as const, videoUrl: null, videoDurationSeconds: null }),
      },
    });
    if (created) report.imported++;
    else report.updated++;
    // Kiosque describes a hero photo with the library's alt text, per language: WordPress's goes there.
    const wpAlt = attachmentAlt.get(thumbnail);
    const heroAlt = wpAlt && (wpAlt.locale === null || wpAlt.locale === locale) ? fix(wpAlt.alt) : '';
    if (p.hero && p.hero.id > 0 && !adoptPhotoAlt(tx, p.hero.id, locale, heroAlt) && status !== 'draft') {
      report.heroAltMissing.push(item.link || `/?p=${item.postId}`);
    }

    // Old URLs of the post: its permalink, /?p=ID, /slug, with the Polylang prefix where the permalink has one.
    const add = (path: string | null, kind: Parameters<typeof addRedirect>[3], id: number | null, loc: Locale) => {
      if (!path) return;
      const key = normalizeLegacyPath(path);
      if (key) {
        addRedirect(tx, siteUrl, key, kind, id, loc);
        report.redirects++;
      }
    };
    add(pathOf(item.link, base), 'article', articleId, locale);
    add(`/?p=${item.postId}`, 'article', articleId, locale);
    const prefix = hasPolylang && locale !== defaultLocale ? `/${locale}` : '';
    if (item.postName) add(`${prefix}/${item.postName}`, 'article', articleId, locale);
    for (const c of item.categories.filter((x) => x.domain === 'category')) {
      add(`${prefix}/category/${categoryPath(c.nicename) || c.nicename}`, 'section', sectionId, locale);
      add(`${prefix}/category/${categoryPath(c.nicename) || c.nicename}/feed`, 'section_feed', sectionId, locale);
    }
    for (const [i, c] of item.categories.filter((x) => x.domain === 'post_tag').entries()) add(`${prefix}/tag/${c.nicename}`, 'topic', tagIds[i]!, locale);
    if (item.creator) add(`${prefix}/author/${slugify(item.creator)}`, 'author', authorId, locale);
    add(`${prefix}/feed`, 'feed', null, locale);
  }

  await readWxr(file, {
    item: async (item) => {
      if (item.postType !== 'post') {
        if (item.postType !== 'attachment') skip(`post type ${item.postType || 'unknown'}`);
        return;
      }
      if (!STATUS[item.status]) {
        skip(`status ${item.status || 'unknown'}`);
        return;
      }
      const hash = createHash('sha256').update(JSON.stringify(item)).digest('hex');
      const known = importedPost(db, siteUrl, item.postId);
      let hero: { id: number; url: string } | null = null;
      const images = new Map<string, string | null>();
      if (!known || known.sourceHash !== hash) {
        const thumbnail = Number(item.meta._thumbnail_id ?? 0);
        if (thumbnail && attachments.has(thumbnail)) hero = await media(attachments.get(thumbnail)!);
        for (const src of imageSources(item.content)) {
          if (/\/wp-content\/uploads\//.test(src)) images.set(src, (await media(src))?.url ?? null);
          else images.set(src, null);
        }
      }
      batch.push({ item, hash, hero, images });
      if (batch.length >= BATCH) flush();
    },
  });
  flush();
  for (const c of wpCategories.values()) {
    const top = topLevel(c.nicename);
    if (top && top.nicename !== c.nicename) report.sectionsFlattened[categoryPath(c.nicename)] = top.nicename;
  }
  // Every category's archive (nested ones included, even without a post of their own) leads to its top-level section.
  if (!options.dryRun) {
    db.transaction((tx) => {
      for (const c of wpCategories.values()) {
        const { key, names, language } = section(c);
        const sectionId = sectionIdOf(tx, key, names);
        if (!sectionId) continue;
        // A category Polylang gave a language has archives in that language only.
        for (const locale of language ? [language] : hasPolylang ? locales : [defaultLocale]) {
          const prefix = locale === defaultLocale ? '' : `/${locale}`;
          for (const [suffix, kind] of [['', 'section'], ['/feed', 'section_feed']] as const) {
            const key = normalizeLegacyPath(`${prefix}/category/${categoryPath(c.nicename)}${suffix}`);
            if (key) addRedirect(tx, siteUrl, key, kind, sectionId, locale);
          }
        }
      }
      report.redirectsShadowed = dropShadowingRedirects(tx, siteUrl);
    }, { behavior: 'immediate' });
  }
  return report;
}
