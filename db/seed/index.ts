import { count } from 'drizzle-orm';
import type { Db } from '../client';
import {
  articles,
  articleTags,
  articleViewsDaily,
  authors,
  authorTranslations,
  categories,
  categoryTranslations,
  stories,
  tags,
  tagTranslations,
} from '../schema';
import { siteDay } from '@/lib/format';
import { authors as seedAuthors, categories as seedCategories, stories as seedStories, tags as seedTags } from './content';
import type { SeedLocale } from './content/types';
import { crops, illustrationPath, VARIANTS } from './illustrations';
import { mulberry32 } from '@/lib/random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const altText: Record<SeedLocale, (section: string) => string> = {
  fr: (section) => `Illustration de la rubrique ${section}`,
  en: (section) => `Illustration for the ${section} section`,
};


export function isSeeded(db: Db): boolean {
  return (db.select({ n: count() }).from(articles).get()?.n ?? 0) > 0;
}

/**
 * Fills an empty database with the demo newsroom, published relative to `now`. Idempotent: a database that
 * already has articles is left alone.
 */
export function seedDemo(db: Db, now = new Date()): { articles: number; skipped: boolean } {
  if (isSeeded(db)) return { articles: 0, skipped: true };
  const random = mulberry32(20241115);
  let created = 0;
  db.transaction((tx) => {
    const categoryIds = new Map<string, number>();
    const categoryNames = new Map<string, Record<SeedLocale, string>>();
    for (const c of seedCategories) {
      const { id } = tx.insert(categories).values({ key: c.key, position: c.position }).returning({ id: categories.id }).get();
      categoryIds.set(c.key, id);
      categoryNames.set(c.key, { fr: c.names.fr.name, en: c.names.en.name });
      for (const locale of ['fr', 'en'] as const) {
        tx.insert(categoryTranslations).values({ categoryId: id, locale, ...c.names[locale] }).run();
      }
    }
    const tagIds = new Map<string, number>();
    for (const t of seedTags) {
      const { id } = tx.insert(tags).values({ key: t.key }).returning({ id: tags.id }).get();
      tagIds.set(t.key, id);
      for (const locale of ['fr', 'en'] as const) {
        tx.insert(tagTranslations).values({ tagId: id, locale, ...t.names[locale] }).run();
      }
    }
    const authorIds = new Map<string, number>();
    for (const a of seedAuthors) {
      const { id } = tx.insert(authors).values({ key: a.key, kind: a.kind }).returning({ id: authors.id }).get();
      authorIds.set(a.key, id);
      for (const locale of ['fr', 'en'] as const) {
        tx.insert(authorTranslations).values({ authorId: id, locale, ...a.names[locale] }).run();
      }
    }
    const variantCounter = new Map<string, number>();
    for (const story of seedStories) {
      const categoryId = categoryIds.get(story.category);
      const authorId = authorIds.get(story.author);
      if (categoryId === undefined || authorId === undefined) throw new Error(`seed story ${story.key}: unknown category or author`);
      const status = story.status ?? 'published';
      const publishedAt = new Date(now.getTime() - story.ageHours * HOUR);
      const { id: storyId } = tx.insert(stories).values({ key: story.key, createdAt: publishedAt }).returning({ id: stories.id }).get();
      const variant = ((variantCounter.get(story.category) ?? 0) % VARIANTS) + 1;
      variantCounter.set(story.category, variant);
      const [width, height] = crops['16x9'];
      for (const locale of ['fr', 'en'] as const) {
        const version = story[locale];
        if (!version) continue;
        // A translation goes out a little after the original; some get a later correction.
        const localeDelay = locale === 'en' && story.fr ? 2 * HOUR * random() : 0;
        const versionPublishedAt = new Date(publishedAt.getTime() + localeDelay);
        const updatedAt = random() < 0.25 ? new Date(Math.min(now.getTime(), versionPublishedAt.getTime() + 6 * HOUR * random())) : versionPublishedAt;
        const { id } = tx
          .insert(articles)
          .values({
            storyId,
            locale,
            slug: version.slug,
            title: version.title,
            standfirst: version.standfirst,
            body: version.body,
            kind: story.kind,
            videoDurationSeconds: story.kind === 'video' ? (story.videoDuration ?? 60) : null,
            categoryId,
            authorId,
            heroImage: illustrationPath(story.category, variant),
            heroWidth: width,
            heroHeight: height,
            heroAlt: altText[locale](categoryNames.get(story.category)![locale]),
            heroCaption: version.heroCaption,
            heroCredit: story.heroCredit,
            status,
            publishedAt: status === 'draft' ? null : versionPublishedAt,
            createdAt: versionPublishedAt,
            updatedAt: status === 'published' && updatedAt > versionPublishedAt ? updatedAt : versionPublishedAt,
            // The demo's later edits are text edits: readers see "Updated" and dateModified moves.
            textChangedAt: status === 'published' && updatedAt > versionPublishedAt ? updatedAt : versionPublishedAt,
          })
          .returning({ id: articles.id })
          .get();
        created++;
        for (const key of story.tags) {
          const tagId = tagIds.get(key);
          if (tagId === undefined) throw new Error(`seed story ${story.key}: unknown tag ${key}`);
          tx.insert(articleTags).values({ articleId: id, tagId }).onConflictDoNothing().run();
        }
        if (status !== 'published') continue;
        // Daily views since publication over the last 30 days, decaying with age; some stories are hits.
        const popularity = 20 + random() * (random() < 0.15 ? 2000 : 300);
        for (let d = 0; d < 30; d++) {
          const dayStart = now.getTime() - d * DAY;
          if (dayStart < versionPublishedAt.getTime()) break;
          const age = (dayStart - versionPublishedAt.getTime()) / DAY;
          const views = Math.round(popularity * Math.exp(-age / 3) * (0.6 + random() * 0.8));
          if (views <= 0) continue;
          tx.insert(articleViewsDaily)
            .values({ articleId: id, day: siteDay(new Date(dayStart)), views })
            .onConflictDoNothing()
            .run();
        }
      }
    }
  }, { behavior: 'immediate' });
  return { articles: created, skipped: false };
}
