CREATE TABLE `article_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`note` text NOT NULL,
	`user_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `article_corrections_article` ON `article_corrections` (`article_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `article_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`version` integer NOT NULL,
	`user_id` integer,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	`title` text NOT NULL,
	`standfirst` text NOT NULL,
	`body` text NOT NULL,
	`fields` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `article_revisions_article` ON `article_revisions` (`article_id`,`id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`user_id` integer,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`target_type` text,
	`target_id` text,
	`detail` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `editing_presence` (
	`article_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`seen_at` integer NOT NULL,
	PRIMARY KEY(`article_id`, `user_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `gone_urls` (
	`path` text PRIMARY KEY NOT NULL,
	`article_id` integer,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `login_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`window_start` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `site_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`locale` text DEFAULT 'fr' NOT NULL,
	`password_hash` text NOT NULL,
	`author_id` integer,
	`disabled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "users_role" CHECK("users"."role" in ('contributor', 'author', 'editor', 'administrator'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
-- The rebuild below needs foreign keys off (dropping `articles` would otherwise cascade into tags, views and slug
-- history): db/migrate.ts turns them off around the migration, since a PRAGMA inside its transaction is a no-op.
CREATE TABLE `__new_articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`story_id` integer NOT NULL,
	`locale` text NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`standfirst` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`kind` text DEFAULT 'article' NOT NULL,
	`video_duration_seconds` integer,
	`video_url` text,
	`category_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`hero_image` text,
	`hero_width` integer,
	`hero_height` integer,
	`hero_alt` text DEFAULT '' NOT NULL,
	`hero_caption` text DEFAULT '' NOT NULL,
	`hero_credit` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`published_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`genre` text DEFAULT 'news' NOT NULL,
	`seo_title` text DEFAULT '' NOT NULL,
	`seo_description` text DEFAULT '' NOT NULL,
	`text_changed_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`owner_id` integer,
	`translated_from_id` integer,
	`source_reviewed_at` integer,
	`review_requested_at` integer,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "articles_kind" CHECK("__new_articles"."kind" in ('article', 'video')),
	CONSTRAINT "articles_status" CHECK("__new_articles"."status" in ('draft', 'review', 'scheduled', 'published', 'unpublished')),
	CONSTRAINT "articles_genre" CHECK("__new_articles"."genre" in ('news', 'interview', 'analysis', 'opinion', 'press_release', 'sponsored')),
	CONSTRAINT "articles_video_duration" CHECK(("__new_articles"."kind" = 'video' and "__new_articles"."video_duration_seconds" >= 0) or ("__new_articles"."kind" = 'article' and "__new_articles"."video_duration_seconds" is null))
);
--> statement-breakpoint
-- Existing versions keep every column; their text last changed when they were last updated.
INSERT INTO `__new_articles`("id", "story_id", "locale", "slug", "title", "standfirst", "body", "kind", "video_duration_seconds", "video_url", "category_id", "author_id", "hero_image", "hero_width", "hero_height", "hero_alt", "hero_caption", "hero_credit", "status", "published_at", "created_at", "updated_at", "text_changed_at") SELECT "id", "story_id", "locale", "slug", "title", "standfirst", "body", "kind", "video_duration_seconds", "video_url", "category_id", "author_id", "hero_image", "hero_width", "hero_height", "hero_alt", "hero_caption", "hero_credit", "status", "published_at", "created_at", "updated_at", "updated_at" FROM `articles`;--> statement-breakpoint
DROP TABLE `articles`;--> statement-breakpoint
ALTER TABLE `__new_articles` RENAME TO `articles`;--> statement-breakpoint
CREATE UNIQUE INDEX `articles_locale_slug` ON `articles` (`locale`,`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `articles_story_locale` ON `articles` (`story_id`,`locale`);--> statement-breakpoint
CREATE INDEX `articles_listing` ON `articles` (`locale`,`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `articles_category_listing` ON `articles` (`category_id`,`locale`,`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `articles_author_listing` ON `articles` (`author_id`,`locale`,`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `articles_kind_listing` ON `articles` (`kind`,`locale`,`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `articles_visibility` ON `articles` (`id`,`locale`,`status`,`published_at`,`category_id`);--> statement-breakpoint
CREATE INDEX `articles_schedule` ON `articles` (`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `articles_owner` ON `articles` (`owner_id`,`updated_at`);--> statement-breakpoint
-- Dropping the old table dropped the full-text triggers (0001): recreate them on the rebuilt table (same rowids).
CREATE TRIGGER `articles_fts_ai` AFTER INSERT ON `articles` BEGIN
  INSERT INTO articles_fts(rowid, title, standfirst, body) VALUES (new.id, new.title, new.standfirst, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_ad` AFTER DELETE ON `articles` BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, standfirst, body) VALUES ('delete', old.id, old.title, old.standfirst, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_au` AFTER UPDATE OF title, standfirst, body ON `articles` BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, standfirst, body) VALUES ('delete', old.id, old.title, old.standfirst, old.body);
  INSERT INTO articles_fts(rowid, title, standfirst, body) VALUES (new.id, new.title, new.standfirst, new.body);
END;
--> statement-breakpoint
-- The audit log is append-only.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
