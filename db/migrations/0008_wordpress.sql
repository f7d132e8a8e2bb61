CREATE TABLE `legacy_redirects` (
	`path` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`target_id` integer,
	`locale` text NOT NULL,
	`site_url` text NOT NULL,
	CONSTRAINT "legacy_redirects_kind" CHECK("legacy_redirects"."kind" in ('article', 'section', 'topic', 'author', 'feed', 'section_feed'))
);
--> statement-breakpoint
CREATE INDEX `legacy_redirects_target` ON `legacy_redirects` (`kind`,`target_id`);--> statement-breakpoint
CREATE TABLE `wordpress_posts` (
	`site_url` text NOT NULL,
	`post_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	`source_hash` text NOT NULL,
	`imported_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`site_url`, `post_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `wordpress_posts_article` ON `wordpress_posts` (`article_id`);