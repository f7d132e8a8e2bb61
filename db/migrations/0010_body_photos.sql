CREATE TABLE `article_body_photos` (
	`article_id` integer NOT NULL,
	`media_id` integer NOT NULL,
	PRIMARY KEY(`article_id`, `media_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `article_body_photos_media` ON `article_body_photos` (`media_id`,`article_id`);--> statement-breakpoint
CREATE TABLE `media_former_files` (
	`file` text PRIMARY KEY NOT NULL,
	`media_id` integer NOT NULL,
	FOREIGN KEY (`media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `media_former_files_media` ON `media_former_files` (`media_id`);
--> statement-breakpoint
-- Issue 12: photos placed in article bodies are uses. kiosque_body_photos(body) (lib/body-photos.ts, registered on
-- every connection by db/client.ts, like kiosque_text) answers a JSON array of photo numbers (integers, for
-- `/media/photo/N`) and rendition file names (strings, for `/media/p/<sha256>.<ext>`). These triggers rewrite an
-- article's rows in the same transaction as every insert or body change, whoever writes it; deleting an article
-- removes them (ON DELETE cascade). A file is a current rendition's or, once the crops were redone, a former one's
-- (media_former_files); numbers and files that name no photo are not uses.
CREATE TRIGGER `articles_body_photos_ai` AFTER INSERT ON `articles` BEGIN
  INSERT OR IGNORE INTO `article_body_photos` (`article_id`, `media_id`)
    SELECT new.id, coalesce(m.id, r.media_id, f.media_id)
    FROM json_each(kiosque_body_photos(new.body)) AS j
    LEFT JOIN `media` AS m ON j.type = 'integer' AND m.id = j.value
    LEFT JOIN `media_renditions` AS r ON j.type = 'text' AND r.file = j.value
    LEFT JOIN `media_former_files` AS f ON j.type = 'text' AND f.file = j.value
    WHERE coalesce(m.id, r.media_id, f.media_id) IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `articles_body_photos_au` AFTER UPDATE OF body ON `articles` BEGIN
  DELETE FROM `article_body_photos` WHERE `article_id` = old.id;
  INSERT OR IGNORE INTO `article_body_photos` (`article_id`, `media_id`)
    SELECT new.id, coalesce(m.id, r.media_id, f.media_id)
    FROM json_each(kiosque_body_photos(new.body)) AS j
    LEFT JOIN `media` AS m ON j.type = 'integer' AND m.id = j.value
    LEFT JOIN `media_renditions` AS r ON j.type = 'text' AND r.file = j.value
    LEFT JOIN `media_former_files` AS f ON j.type = 'text' AND f.file = j.value
    WHERE coalesce(m.id, r.media_id, f.media_id) IS NOT NULL;
END;
--> statement-breakpoint
-- Backfill: the bodies an upgraded site already has.
INSERT OR IGNORE INTO `article_body_photos` (`article_id`, `media_id`)
  SELECT a.id, coalesce(m.id, r.media_id)
  FROM `articles` AS a
  JOIN json_each(kiosque_body_photos(a.body)) AS j
  LEFT JOIN `media` AS m ON j.type = 'integer' AND m.id = j.value
  LEFT JOIN `media_renditions` AS r ON j.type = 'text' AND r.file = j.value
  WHERE coalesce(m.id, r.media_id) IS NOT NULL;
