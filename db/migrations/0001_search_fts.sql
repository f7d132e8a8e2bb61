-- Full-text index over article versions (title, standfirst, body), accent- and case-insensitive.
-- External content table: the text lives once, in `articles`; triggers keep the index in sync.
CREATE VIRTUAL TABLE `articles_fts` USING fts5(
  title, standfirst, body,
  content='articles', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
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
