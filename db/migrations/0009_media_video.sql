CREATE TABLE `media_videos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hash` text NOT NULL,
	`container` text NOT NULL,
	`bytes` integer NOT NULL,
	`width` integer,
	`height` integer,
	`duration_seconds` integer,
	`original_name` text DEFAULT '' NOT NULL,
	`uploaded_by` integer,
	`uploaded_at` integer NOT NULL,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `media_videos_hash_unique` ON `media_videos` (`hash`);--> statement-breakpoint
CREATE INDEX `media_videos_uploaded` ON `media_videos` (`uploaded_at`);