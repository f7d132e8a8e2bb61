CREATE TABLE `article_slug_history` (
	`locale` text NOT NULL,
	`slug` text NOT NULL,
	`article_id` integer NOT NULL,
	`changed_at` integer NOT NULL,
	PRIMARY KEY(`locale`, `slug`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `article_tags` (
	`article_id` integer NOT NULL,
	`tag_id` integer NOT NULL,
	PRIMARY KEY(`article_id`, `tag_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_tags_tag` ON `article_tags` (`tag_id`,`article_id`);--> statement-breakpoint
CREATE TABLE `article_views_daily` (
	`article_id` integer NOT NULL,
	`day` text NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`article_id`, `day`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_views_daily_day` ON `article_views_daily` (`day`,`article_id`);--> statement-breakpoint
CREATE TABLE `articles` (
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
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "articles_kind" CHECK("articles"."kind" in ('article', 'video')),
	CONSTRAINT "articles_status" CHECK("articles"."status" in ('draft', 'scheduled', 'published')),
	CONSTRAINT "articles_video_duration" CHECK(("articles"."kind" = 'video' and "articles"."video_duration_seconds" >= 0) or ("articles"."kind" = 'article' and "articles"."video_duration_seconds" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_locale_slug` ON `articles` (`locale`,`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `articles_story_locale` ON `articles` (`story_id`,`locale`);--> statement-breakpoint
CREATE INDEX `articles_listing` ON `articles` (`locale`,`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `articles_category_listing` ON `articles` (`category_id`,`locale`,`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `articles_author_listing` ON `articles` (`author_id`,`locale`,`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `articles_kind_listing` ON `articles` (`kind`,`locale`,`status`,`published_at`);--> statement-breakpoint
CREATE TABLE `author_translations` (
	`author_id` integer NOT NULL,
	`locale` text NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`bio` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`author_id`, `locale`),
	FOREIGN KEY (`author_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `author_translations_locale_slug` ON `author_translations` (`locale`,`slug`);--> statement-breakpoint
CREATE TABLE `authors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`url` text,
	CONSTRAINT "authors_kind" CHECK("authors"."kind" in ('person', 'agency'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `authors_key_unique` ON `authors` (`key`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_key_unique` ON `categories` (`key`);--> statement-breakpoint
CREATE TABLE `category_translations` (
	`category_id` integer NOT NULL,
	`locale` text NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`category_id`, `locale`),
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `category_translations_locale_slug` ON `category_translations` (`locale`,`slug`);--> statement-breakpoint
CREATE TABLE `stories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stories_key_unique` ON `stories` (`key`);--> statement-breakpoint
CREATE TABLE `tag_translations` (
	`tag_id` integer NOT NULL,
	`locale` text NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	PRIMARY KEY(`tag_id`, `locale`),
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tag_translations_locale_slug` ON `tag_translations` (`locale`,`slug`);--> statement-breakpoint
CREATE TABLE `tags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tags_key_unique` ON `tags` (`key`);