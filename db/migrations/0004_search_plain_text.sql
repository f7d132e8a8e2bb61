-- The full-text index holds the text readers see (title, standfirst, body rendered to text), no longer the raw
-- Markdown: link URLs, image paths and syntax are not searchable, and snippets never cut through Markdown.
-- kiosque_text(markdown) is registered on every connection by db/client.ts (lib/plain-text.ts). The index keeps
-- its own copy of the text (not an external-content table: the text is not a column of `articles`).
DROP TRIGGER IF EXISTS `articles_fts_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `articles_fts_ad`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `articles_fts_au`;
--> statement-breakpoint
DROP TABLE IF EXISTS `articles_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `articles_fts` USING fts5(
  title, standfirst, body,
  tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO articles_fts(rowid, title, standfirst, body) SELECT id, title, standfirst, kiosque_text(body) FROM articles;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_ai` AFTER INSERT ON `articles` BEGIN
  INSERT INTO articles_fts(rowid, title, standfirst, body) VALUES (new.id, new.title, new.standfirst, kiosque_text(new.body));
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_ad` AFTER DELETE ON `articles` BEGIN
  DELETE FROM articles_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_au` AFTER UPDATE OF title, standfirst, body ON `articles` BEGIN
  DELETE FROM articles_fts WHERE rowid = old.id;
  INSERT INTO articles_fts(rowid, title, standfirst, body) VALUES (new.id, new.title, new.standfirst, kiosque_text(new.body));
END;
