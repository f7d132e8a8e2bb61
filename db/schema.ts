import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/*
 * Content model. Concepts (categories, tags, authors) are language-neutral rows with one translation row per
 * locale; articles are one row per language version, linked by a story (translation group). Adding a locale
 * needs no schema change. All times are UTC milliseconds.
 */

export const categories = sqliteTable('categories', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  key: text('key').notNull().unique(),
  position: integer('position').notNull().default(0),
});

export const categoryTranslations = sqliteTable(
  'category_translations',
  {
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    locale: text('locale').notNull(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    description: text('description').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.categoryId, t.locale] }), uniqueIndex('category_translations_locale_slug').on(t.locale, t.slug)],
);

export const tags = sqliteTable('tags', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  key: text('key').notNull().unique(),
});

export const tagTranslations = sqliteTable(
  'tag_translations',
  {
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    locale: text('locale').notNull(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tagId, t.locale] }), uniqueIndex('tag_translations_locale_slug').on(t.locale, t.slug)],
);

export const authors = sqliteTable(
  'authors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull().unique(),
    kind: text('kind', { enum: ['person', 'agency'] }).notNull(),
    url: text('url'),
  },
  (t) => [check('authors_kind', sql`${t.kind} in ('person', 'agency')`)],
);

export const authorTranslations = sqliteTable(
  'author_translations',
  {
    authorId: integer('author_id')
      .notNull()
      .references(() => authors.id, { onDelete: 'cascade' }),
    locale: text('locale').notNull(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    bio: text('bio').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.authorId, t.locale] }), uniqueIndex('author_translations_locale_slug').on(t.locale, t.slug)],
);

/** A translation group: the language versions of one story. */
export const stories = sqliteTable('stories', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  key: text('key').unique(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * Stored workflow states. `scheduled` is a publication waiting for its time: the scheduler (lib/scheduler.ts)
 * turns it into `published` when `published_at` passes. Readers see only `published` rows whose time has passed
 * (db/visibility.ts, the one place that says so).
 */
export const articleStatuses = ['draft', 'review', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];
export const articleKinds = ['article', 'video'] as const;
/** Editorial genres: a visible label on reader pages and the matching schema.org type in JSON-LD. */
export const articleGenres = ['news', 'interview', 'analysis', 'opinion', 'press_release', 'sponsored'] as const;
export type ArticleGenre = (typeof articleGenres)[number];

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    storyId: integer('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    locale: text('locale').notNull(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    standfirst: text('standfirst').notNull().default(''),
    body: text('body').notNull().default(''),
    kind: text('kind', { enum: articleKinds }).notNull().default('article'),
    videoDurationSeconds: integer('video_duration_seconds'),
    videoUrl: text('video_url'),
    /** The embedded or self-hosted video's own title (shown on the facade; defaults to the article title). */
    videoTitle: text('video_title').notNull().default(''),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => authors.id),
    heroImage: text('hero_image'),
    /** A photo from the media library (issue 12); when set it wins over `heroImage` (the old SVG illustrations). */
    heroMediaId: integer('hero_media_id').references(() => media.id, { onDelete: 'restrict' }),
    heroWidth: integer('hero_width'),
    heroHeight: integer('hero_height'),
    heroAlt: text('hero_alt').notNull().default(''),
    heroCaption: text('hero_caption').notNull().default(''),
    heroCredit: text('hero_credit').notNull().default(''),
    status: text('status', { enum: articleStatuses }).notNull().default('draft'),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    genre: text('genre', { enum: articleGenres }).notNull().default('news'),
    seoTitle: text('seo_title').notNull().default(''),
    seoDescription: text('seo_description').notNull().default(''),
    /** Last change of what readers read (title, standfirst, body, correction): drives "Updated" and dateModified. */
    textChangedAt: integer('text_changed_at', { mode: 'timestamp_ms' }),
    /** Optimistic concurrency: every save increments it; a save based on an older version is refused. */
    version: integer('version').notNull().default(1),
    /** The newsroom account that created the version (owner, for the author and contributor roles). */
    ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null' }),
    /** A translation: the version it was made from, and when someone last checked it against that source. */
    translatedFromId: integer('translated_from_id'),
    sourceReviewedAt: integer('source_reviewed_at', { mode: 'timestamp_ms' }),
    reviewRequestedAt: integer('review_requested_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('articles_locale_slug').on(t.locale, t.slug),
    uniqueIndex('articles_story_locale').on(t.storyId, t.locale),
    // Listing indexes: every reader listing filters on locale + status and orders by published_at.
    index('articles_listing').on(t.locale, t.status, t.publishedAt),
    index('articles_category_listing').on(t.categoryId, t.locale, t.status, t.publishedAt),
    index('articles_author_listing').on(t.authorId, t.locale, t.status, t.publishedAt),
    index('articles_kind_listing').on(t.kind, t.locale, t.status, t.publishedAt),
    // Lookups by id that only test visibility (search matches, related and hot articles): the columns they read
    // come after the body in a row, so without this covering index each lookup walks the body's overflow pages
    // (search count at 100,000 articles: 204 ms without, 24 ms with).
    index('articles_visibility').on(t.id, t.locale, t.status, t.publishedAt, t.categoryId),
    check('articles_kind', sql`${t.kind} in ('article', 'video')`),
    check('articles_status', sql`${t.status} in ('draft', 'review', 'scheduled', 'published', 'unpublished')`),
    check('articles_genre', sql`${t.genre} in ('news', 'interview', 'analysis', 'opinion', 'press_release', 'sponsored')`),
    index('articles_schedule').on(t.status, t.publishedAt),
    index('articles_owner').on(t.ownerId, t.updatedAt),
    index('articles_hero_media').on(t.heroMediaId),
    check(
      'articles_video_duration',
      sql`(${t.kind} = 'video' and ${t.videoDurationSeconds} >= 0) or (${t.kind} = 'article' and ${t.videoDurationSeconds} is null)`,
    ),
  ],
);

export const articleTags = sqliteTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index('article_tags_tag').on(t.tagId, t.articleId)],
);

/** Old slugs of an article, so that a renamed article's old URL answers a permanent redirect. */
export const articleSlugHistory = sqliteTable(
  'article_slug_history',
  {
    locale: text('locale').notNull(),
    slug: text('slug').notNull(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    changedAt: integer('changed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.locale, t.slug] })],
);

/** Views per article per site day (YYYY-MM-DD in Africa/Douala): one row per article and day, never per view. */
export const articleViewsDaily = sqliteTable(
  'article_views_daily',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    views: integer('views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.day] }), index('article_views_daily_day').on(t.day, t.articleId)],
);

/* ---------------------------------------------------------------------------------------------------------------
 * The newsroom: accounts, sessions, revisions, corrections, presence, audit log, settings, gone URLs.
 * ------------------------------------------------------------------------------------------------------------- */

export const userRoles = ['contributor', 'author', 'editor', 'administrator'] as const;
export type UserRole = (typeof userRoles)[number];

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Stored lowercased and trimmed: the login key. */
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: userRoles }).notNull(),
    /** Interface language of the newsroom for this user. */
    locale: text('locale').notNull().default('fr'),
    /** argon2id PHC string (@node-rs/argon2). */
    passwordHash: text('password_hash').notNull(),
    /** The byline this account writes under by default (a person author row), if any. */
    authorId: integer('author_id').references(() => authors.id, { onDelete: 'set null' }),
    disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [check('users_role', sql`${t.role} in ('contributor', 'author', 'editor', 'administrator')`)],
);

/** Database sessions (Lucia guide design): the id is the SHA-256 of the cookie's random token, never the token. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Failed logins per key (`account:<email>` or `client:<hashed address>`), for throttling. */
export const loginThrottle = sqliteTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
  lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
});

export const revisionReasons = ['autosave', 'save', 'submit', 'publish', 'schedule', 'unpublish', 'restore', 'correction', 'translate'] as const;

/** Every save of an article version: who, when, and the full editable content at that point. */
export const articleRevisions = sqliteTable(
  'article_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason', { enum: revisionReasons }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    title: text('title').notNull(),
    standfirst: text('standfirst').notNull(),
    body: text('body').notNull(),
    /** The other editable fields (JSON): slug, section, topics, byline, genre, SEO fields, hero. */
    fields: text('fields').notNull().default('{}'),
  },
  (t) => [index('article_revisions_article').on(t.articleId, t.id)],
);

/** Dated correction notes appended by editors; readers see them on the article. */
export const articleCorrections = sqliteTable(
  'article_corrections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    note: text('note').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('article_corrections_article').on(t.articleId, t.createdAt)],
);

/** Who has an article open in the editor (heartbeat): the second person sees the first. */
export const editingPresence = sqliteTable(
  'editing_presence',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    seenAt: integer('seen_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] })],
);

/** Append-only (triggers refuse UPDATE and DELETE): who did what, when. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    userId: integer('user_id'),
    /** The actor as shown (email or "system"), kept even when the account is later removed. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    detail: text('detail').notNull().default('{}'),
  },
  (t) => [index('audit_log_at').on(t.at)],
);

/** Site identity and options an administrator edits (JSON values by key). */
export const siteSettings = sqliteTable('site_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Reader URLs of unpublished or deleted articles: they answer 410 Gone until the article comes back. */
export const goneUrls = sqliteTable('gone_urls', {
  path: text('path').primaryKey(),
  articleId: integer('article_id'),
  at: integer('at', { mode: 'timestamp_ms' }).notNull(),
});

/* ---------------------------------------------------------------------------------------------------------------
 * The media library (issue 12): one row per uploaded photo (its original is kept privately, named by its
 * content hash), per-locale texts, and the renditions made from it (public files named by their own content hash).
 * ------------------------------------------------------------------------------------------------------------- */

export const media = sqliteTable(
  'media',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** SHA-256 (hex) of the uploaded bytes: the private original's file name; the same file uploaded twice is one row. */
    hash: text('hash').notNull().unique(),
    /** Detected from the bytes (jpeg, png, webp, avif), never from the name. */
    format: text('format').notNull(),
    bytes: integer('bytes').notNull(),
    /** Dimensions after orientation (EXIF rotation applied). */
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** Focal point as fractions of width and height (0–1): crops keep it in frame. */
    focalX: real('focal_x').notNull().default(0.5),
    focalY: real('focal_y').notNull().default(0.5),
    /** What the editor called the file (shown in the library only). */
    originalName: text('original_name').notNull().default(''),
    uploadedBy: integer('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: integer('uploaded_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('media_uploaded').on(t.uploadedAt), check('media_focal', sql`${t.focalX} between 0 and 1 and ${t.focalY} between 0 and 1`)],
);

export const mediaTranslations = sqliteTable(
  'media_translations',
  {
    mediaId: integer('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
    locale: text('locale').notNull(),
    alt: text('alt').notNull().default(''),
    caption: text('caption').notNull().default(''),
    credit: text('credit').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.mediaId, t.locale] })],
);

export const renditionCrops = ['16x9', '4x3', '1x1', 'og'] as const;
export type RenditionCrop = (typeof renditionCrops)[number];
export const renditionFormats = ['avif', 'webp', 'jpeg'] as const;
export type RenditionFormat = (typeof renditionFormats)[number];

export const mediaRenditions = sqliteTable(
  'media_renditions',
  {
    mediaId: integer('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
    crop: text('crop', { enum: renditionCrops }).notNull(),
    format: text('format', { enum: renditionFormats }).notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** `<sha256 of the bytes>.<ext>` in the public media directory. */
    file: text('file').notNull(),
    bytes: integer('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.mediaId, t.crop, t.format, t.width] }), index('media_renditions_file').on(t.file)],
);

/**
 * The library photos an article's body places (issue 12): `![alt](/media/photo/N)` or a rendition address
 * `/media/p/<sha256>.<ext>` (lib/body-photos.ts). Not written by application code: triggers on `articles`
 * (migration 0010, through `kiosque_body_photos()`, registered by db/client.ts) rewrite an article's rows whenever
 * its body is inserted or changed, in the same transaction, whoever writes it (newsroom, wire desk, WordPress
 * import, seed). With `articles.hero_media_id` these are a photo's uses: the library lists them and a photo in use
 * cannot be deleted (the `restrict` below backs db/media-writes.ts's check).
 */
export const articleBodyPhotos = sqliteTable(
  'article_body_photos',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    mediaId: integer('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.mediaId] }), index('article_body_photos_media').on(t.mediaId, t.articleId)],
);

/**
 * Rendition files a photo had before its crops were redone (a new focal point renames them, and the old files are
 * removed). A body that names a photo by a rendition address (`/media/p/<sha256>.jpg`, copied from a page or
 * written by an earlier WordPress import) keeps showing that photo, in its current crops, and keeps counting as a use.
 */
export const mediaFormerFiles = sqliteTable(
  'media_former_files',
  {
    file: text('file').primaryKey(),
    mediaId: integer('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
  },
  (t) => [index('media_former_files_media').on(t.mediaId)],
);

/**
 * Self-hosted video files (issue 12): stored as uploaded (no transcoding on this server), served from the public
 * media directory as `<sha256>.mp4|webm`. Articles name one by its path in `articles.video_url`; the poster is the
 * article's photo. Duration and picture size come from the file (lib/media/video.ts) when it says.
 */
export const videoContainers = ['mp4', 'webm'] as const;
export const mediaVideos = sqliteTable(
  'media_videos',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** SHA-256 (hex) of the file: its public name; the same file uploaded twice is one row. */
    hash: text('hash').notNull().unique(),
    container: text('container', { enum: videoContainers }).notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width'),
    height: integer('height'),
    durationSeconds: integer('duration_seconds'),
    originalName: text('original_name').notNull().default(''),
    uploadedBy: integer('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: integer('uploaded_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('media_videos_uploaded').on(t.uploadedAt)],
);

export type MediaVideoRow = typeof mediaVideos.$inferSelect;
export type MediaRow = typeof media.$inferSelect;
export type MediaRenditionRow = typeof mediaRenditions.$inferSelect;
export type ArticleRow = typeof articles.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type NewArticleRow = typeof articles.$inferInsert;

/* ---------------------------------------------------------------------------------------------------------------
 * The wire desk (issue #16): agency feeds, their items and every version of each item, and the articles taken
 * from them.
 * ------------------------------------------------------------------------------------------------------------- */

export const wireFeedFormats = ['rss', 'atom', 'ninjs'] as const;
export const wireAgencyStatuses = ['usable', 'withheld', 'canceled'] as const;

/** One agency feed: polled (url) or pushed to (push token), with its poll state. */
export const wireFeeds = sqliteTable(
  'wire_feeds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull().unique(),
    /** The agency byline (an author of kind `agency`). */
    agencyId: integer('agency_id')
      .notNull()
      .references(() => authors.id),
    /** Empty for a feed that is only imported by hand or pushed to. */
    url: text('url').notNull().default(''),
    format: text('format', { enum: wireFeedFormats }).notNull(),
    pollIntervalSeconds: integer('poll_interval_seconds').notNull().default(300),
    /** Language of the copy when items do not say (a site locale). */
    language: text('language').notNull(),
    defaultCategoryId: integer('default_category_id').references(() => categories.id, { onDelete: 'set null' }),
    /** Trusted agencies: usable items are published at once in this section, with this genre. */
    autoPublishCategoryId: integer('auto_publish_category_id').references(() => categories.id, { onDelete: 'set null' }),
    autoPublishGenre: text('auto_publish_genre', { enum: articleGenres }),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    /** Credentials for the agency's server, AES-256-GCM encrypted (lib/wire/credentials.ts); never read back to a page. */
    credentials: text('credentials'),
    /** SHA-256 of the push token (agencies that POST ninjs); the token itself is shown once. */
    pushTokenHash: text('push_token_hash'),
    etag: text('etag'),
    lastModified: text('last_modified'),
    lastPollAt: integer('last_poll_at', { mode: 'timestamp_ms' }),
    lastSuccessAt: integer('last_success_at', { mode: 'timestamp_ms' }),
    lastErrorAt: integer('last_error_at', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    failures: integer('failures').notNull().default(0),
    nextPollAt: integer('next_poll_at', { mode: 'timestamp_ms' }),
    /** Poll lease: the process holding it polls this feed until `lease_until` (two processes never poll one feed at once). */
    leaseOwner: text('lease_owner'),
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('wire_feeds_next_poll').on(t.enabled, t.nextPollAt),
    uniqueIndex('wire_feeds_push_token').on(t.pushTokenHash),
    check('wire_feeds_format', sql`${t.format} in ('rss', 'atom', 'ninjs')`),
  ],
);

/** An agency item: provider (the agency) + guid is its identity; the row holds its current version. */
export const wireItems = sqliteTable(
  'wire_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => authors.id),
    guid: text('guid').notNull(),
    /** The feed that brought the current version. */
    feedId: integer('feed_id').references(() => wireFeeds.id, { onDelete: 'set null' }),
    /** Our count of versions applied (1, 2, …). */
    version: integer('version').notNull().default(1),
    /** The agency's own version number, when it sends one. */
    agencyVersion: integer('agency_version'),
    versionAt: integer('version_at', { mode: 'timestamp_ms' }),
    contentHash: text('content_hash').notNull(),
    status: text('status', { enum: wireAgencyStatuses }).notNull().default('usable'),
    embargoUntil: integer('embargo_until', { mode: 'timestamp_ms' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    /** The agency's note to editors: shown in the newsroom only. */
    edNote: text('ed_note').notNull().default(''),
    language: text('language').notNull(),
    headline: text('headline').notNull(),
    standfirst: text('standfirst').notNull().default(''),
    /** Markdown. */
    body: text('body').notNull().default(''),
    link: text('link'),
    byline: text('byline').notNull().default(''),
    correction: integer('correction', { mode: 'boolean' }).notNull().default(false),
    firstSeenAt: integer('first_seen_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('wire_items_identity').on(t.agencyId, t.guid),
    index('wire_items_queue').on(t.updatedAt),
    index('wire_items_embargo').on(t.embargoUntil),
    index('wire_items_expires').on(t.expiresAt),
    check('wire_items_status', sql`${t.status} in ('usable', 'withheld', 'canceled')`),
  ],
);

/** Every version of every item, as received (the newsroom shows the history). */
export const wireItemVersions = sqliteTable(
  'wire_item_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => wireItems.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    agencyVersion: integer('agency_version'),
    versionAt: integer('version_at', { mode: 'timestamp_ms' }),
    status: text('status', { enum: wireAgencyStatuses }).notNull(),
    embargoUntil: integer('embargo_until', { mode: 'timestamp_ms' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    edNote: text('ed_note').notNull().default(''),
    headline: text('headline').notNull(),
    standfirst: text('standfirst').notNull().default(''),
    body: text('body').notNull().default(''),
    receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('wire_item_versions_item').on(t.itemId, t.version)],
);

/**
 * An article taken from a wire item (the link back stays internal). `reviewedVersion` is the item version an
 * editor last checked the article against: a newer item version shows "wire updated" until reviewed again.
 */
export const wireTakes = sqliteTable(
  'wire_takes',
  {
    articleId: integer('article_id')
      .primaryKey()
      .references(() => articles.id, { onDelete: 'cascade' }),
    itemId: integer('item_id')
      .notNull()
      .references(() => wireItems.id, { onDelete: 'cascade' }),
    reviewedVersion: integer('reviewed_version').notNull(),
    autoPublished: integer('auto_published', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('wire_takes_item').on(t.itemId)],
);

export type WireFeedRow = typeof wireFeeds.$inferSelect;
export type WireItemRow = typeof wireItems.$inferSelect;

/* ---------------------------------------------------------------------------------------------------------------
 * WordPress import (issue #13): which WordPress post became which article (idempotent re-runs), and the old
 * site's URLs, answered with a 301 to the new ones.
 * ------------------------------------------------------------------------------------------------------------- */

/** One imported WordPress post: the export's base site URL + post id is its identity. */
export const wordpressPosts = sqliteTable(
  'wordpress_posts',
  {
    siteUrl: text('site_url').notNull(),
    postId: integer('post_id').notNull(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** SHA-256 of the source fields the import reads: an unchanged post is not rewritten. */
    sourceHash: text('source_hash').notNull(),
    importedAt: integer('imported_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteUrl, t.postId] }), index('wordpress_posts_article').on(t.articleId)],
);

export const legacyRedirectKinds = ['article', 'section', 'topic', 'author', 'feed', 'section_feed'] as const;
export type LegacyRedirectKind = (typeof legacyRedirectKinds)[number];

/**
 * Old URL paths (`/2024/11/15/slug`, `/?p=12`, `/category/x`, …, without trailing slash; the query string only for
 * `?p=`) → what they now are. The request path answers 301 after one primary-key lookup (lib/server/legacy.ts).
 */
export const legacyRedirects = sqliteTable(
  'legacy_redirects',
  {
    path: text('path').primaryKey(),
    kind: text('kind', { enum: legacyRedirectKinds }).notNull(),
    /** Article, category, tag or author id (null for the site feed). */
    targetId: integer('target_id'),
    locale: text('locale').notNull(),
    siteUrl: text('site_url').notNull(),
  },
  (t) => [
    index('legacy_redirects_target').on(t.kind, t.targetId),
    check('legacy_redirects_kind', sql`${t.kind} in ('article', 'section', 'topic', 'author', 'feed', 'section_feed')`),
  ],
);
