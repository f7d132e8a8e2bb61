CREATE TABLE `wire_feeds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`agency_id` integer NOT NULL,
	`url` text DEFAULT '' NOT NULL,
	`format` text NOT NULL,
	`poll_interval_seconds` integer DEFAULT 300 NOT NULL,
	`language` text NOT NULL,
	`default_category_id` integer,
	`auto_publish_category_id` integer,
	`auto_publish_genre` text,
	`enabled` integer DEFAULT true NOT NULL,
	`credentials` text,
	`push_token_hash` text,
	`etag` text,
	`last_modified` text,
	`last_poll_at` integer,
	`last_success_at` integer,
	`last_error_at` integer,
	`last_error` text,
	`failures` integer DEFAULT 0 NOT NULL,
	`next_poll_at` integer,
	`lease_owner` text,
	`lease_until` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`default_category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`auto_publish_category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "wire_feeds_format" CHECK("wire_feeds"."format" in ('rss', 'atom', 'ninjs'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wire_feeds_name_unique` ON `wire_feeds` (`name`);--> statement-breakpoint
CREATE INDEX `wire_feeds_next_poll` ON `wire_feeds` (`enabled`,`next_poll_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `wire_feeds_push_token` ON `wire_feeds` (`push_token_hash`);--> statement-breakpoint
CREATE TABLE `wire_item_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`version` integer NOT NULL,
	`agency_version` integer,
	`version_at` integer,
	`status` text NOT NULL,
	`embargo_until` integer,
	`expires_at` integer,
	`ed_note` text DEFAULT '' NOT NULL,
	`headline` text NOT NULL,
	`standfirst` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `wire_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wire_item_versions_item` ON `wire_item_versions` (`item_id`,`version`);--> statement-breakpoint
CREATE TABLE `wire_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer NOT NULL,
	`guid` text NOT NULL,
	`feed_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`agency_version` integer,
	`version_at` integer,
	`content_hash` text NOT NULL,
	`status` text DEFAULT 'usable' NOT NULL,
	`embargo_until` integer,
	`expires_at` integer,
	`ed_note` text DEFAULT '' NOT NULL,
	`language` text NOT NULL,
	`headline` text NOT NULL,
	`standfirst` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`link` text,
	`byline` text DEFAULT '' NOT NULL,
	`correction` integer DEFAULT false NOT NULL,
	`first_seen_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`feed_id`) REFERENCES `wire_feeds`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "wire_items_status" CHECK("wire_items"."status" in ('usable', 'withheld', 'canceled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wire_items_identity` ON `wire_items` (`agency_id`,`guid`);--> statement-breakpoint
CREATE INDEX `wire_items_queue` ON `wire_items` (`updated_at`);--> statement-breakpoint
CREATE INDEX `wire_items_embargo` ON `wire_items` (`embargo_until`);--> statement-breakpoint
CREATE INDEX `wire_items_expires` ON `wire_items` (`expires_at`);--> statement-breakpoint
CREATE TABLE `wire_takes` (
	`article_id` integer PRIMARY KEY NOT NULL,
	`item_id` integer NOT NULL,
	`reviewed_version` integer NOT NULL,
	`auto_published` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `wire_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `wire_takes_item` ON `wire_takes` (`item_id`);