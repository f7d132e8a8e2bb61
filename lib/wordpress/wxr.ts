/**
 * Streaming reader of WordPress eXtended RSS (WXR 1.1/1.2) exports with saxes: the file is read in 64 KiB chunks
 * and only the element being read is held, so memory stays bounded whatever the file size (one post at a time).
 * A DOCTYPE is refused outright (no entity declarations, hence no entity expansion and no external entities);
 * truncated or malformed XML fails with the line and column. Callbacks receive the channel's site-level records
 * (authors, categories, tags, terms) and each item.
 */
import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';

export class WxrError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WxrError';
  }
}

export interface WxrCategory { termId: number; nicename: string; parent: string; name: string }
export interface WxrTag { termId: number; slug: string; name: string }
export interface WxrTerm { termId: number; taxonomy: string; slug: string; parent: string; name: string; description: string }
export interface WxrAuthor { id: number; login: string; email: string; displayName: string }
export interface WxrItemCategory { domain: string; nicename: string; name: string }

export interface WxrItem {
  title: string;
  link: string;
  guid: string;
  creator: string;
  content: string;
  excerpt: string;
  postId: number;
  postDate: string;
  postDateGmt: string;
  postModifiedGmt: string;
  postName: string;
  status: string;
  postType: string;
  postParent: number;
  attachmentUrl: string;
  categories: WxrItemCategory[];
  meta: Record<string, string>;
}

export interface WxrHandlers {
  baseSiteUrl?: (url: string) => void;
  author?: (a: WxrAuthor) => void;
  category?: (c: WxrCategory) => void;
  tag?: (t: WxrTag) => void;
  term?: (t: WxrTerm) => void;
  /** May be async: the reader pauses until it settles (batches write while the file waits). */
  item?: (item: WxrItem) => void | Promise<void>;
}

const int = (s: string | undefined) => {
  const n = Number.parseInt(s ?? '', 10);
  return Number.isFinite(n) ? n : 0;
};

/** Text of one element is capped: a single field above this is refused (a post body of 16 MB is not an article). */
const FIELD_MAX = 16 * 1024 * 1024;

export async function readWxr(file: string, handlers: WxrHandlers): Promise<{ items: number }> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: string[] = [];
  let text = '';
  let record: Record<string, string> | null = null;
  let recordKind: 'author' | 'category' | 'tag' | 'term' | 'item' | null = null;
  let item: WxrItem | null = null;
  let metaKey = '';
  let pendingCategory: { domain: string; nicename: string } | null = null;
  let failure: Error | null = null;
  let items = 0;
  let sawRss = false;
  const queue: WxrItem[] = [];

  parser.on('doctype', () => {
    throw new WxrError('the export has a DOCTYPE (entity declarations are refused: WordPress exports never have one)');
  });
  parser.on('opentag', (tag) => {
    const name = tag.name;
    if (stack.length === 0) {
      if (name !== 'rss') throw new WxrError(`not a WordPress export: the root element is <${name}>, not <rss>`);
      sawRss = true;
    }
    stack.push(name);
    text = '';
    if (name === 'item') {
      recordKind = 'item';
      item = {
        title: '', link: '', guid: '', creator: '', content: '', excerpt: '', postId: 0, postDate: '', postDateGmt: '',
        postModifiedGmt: '', postName: '', status: '', postType: '', postParent: 0, attachmentUrl: '', categories: [], meta: {},
      };
    } else if (!item && (name === 'wp:author' || name === 'wp:category' || name === 'wp:tag' || name === 'wp:term')) {
      recordKind = name.slice(3) as 'author' | 'category' | 'tag' | 'term';
      record = {};
    } else if (item && name === 'category' && stack.length === 4) {
      pendingCategory = { domain: String(tag.attributes.domain ?? ''), nicename: String(tag.attributes.nicename ?? '') };
    }
  });
  const onText = (t: string) => {
    if (text.length + t.length > FIELD_MAX) throw new WxrError(`an element is larger than ${FIELD_MAX} bytes`);
    text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    const name = tag.name;
    stack.pop();
    const value = text;
    text = '';
    if (item) {
      if (name === 'item') {
        queue.push(item);
        item = null;
        recordKind = null;
        return;
      }
      switch (name) {
        case 'title': item.title = value; break;
        case 'link': item.link = value.trim(); break;
        case 'guid': item.guid = value.trim(); break;
        case 'dc:creator': item.creator = value.trim(); break;
        case 'content:encoded': item.content = value; break;
        case 'excerpt:encoded': item.excerpt = value; break;
        case 'wp:post_id': item.postId = int(value); break;
        case 'wp:post_date': item.postDate = value.trim(); break;
        case 'wp:post_date_gmt': item.postDateGmt = value.trim(); break;
        case 'wp:post_modified_gmt': item.postModifiedGmt = value.trim(); break;
        case 'wp:post_name': item.postName = value.trim(); break;
        case 'wp:status': item.status = value.trim(); break;
        case 'wp:post_type': item.postType = value.trim(); break;
        case 'wp:post_parent': item.postParent = int(value); break;
        case 'wp:attachment_url': item.attachmentUrl = value.trim(); break;
        case 'wp:meta_key': metaKey = value.trim(); break;
        case 'wp:meta_value': if (metaKey) item.meta[metaKey] = value; metaKey = ''; break;
        case 'category':
          if (pendingCategory) item.categories.push({ ...pendingCategory, name: value.trim() });
          pendingCategory = null;
          break;
      }
      return;
    }
    if (record && recordKind) {
      if (name === `wp:${recordKind}`) {
        const r = record;
        if (recordKind === 'author') handlers.author?.({ id: int(r.author_id), login: r.author_login ?? '', email: r.author_email ?? '', displayName: r.author_display_name ?? r.author_login ?? '' });
        else if (recordKind === 'category') handlers.category?.({ termId: int(r.term_id), nicename: r.category_nicename ?? '', parent: r.category_parent ?? '', name: r.cat_name ?? r.category_nicename ?? '' });
        else if (recordKind === 'tag') handlers.tag?.({ termId: int(r.term_id), slug: r.tag_slug ?? '', name: r.tag_name ?? r.tag_slug ?? '' });
        else handlers.term?.({ termId: int(r.term_id), taxonomy: r.term_taxonomy ?? '', slug: r.term_slug ?? '', parent: r.term_parent ?? '', name: r.term_name ?? '', description: r.term_description ?? '' });
        record = null;
        recordKind = null;
      } else if (name.startsWith('wp:')) record[name.slice(3)] = value.trim();
      return;
    }
    if (name === 'wp:base_site_url' && stack.length === 2) handlers.baseSiteUrl?.(value.trim());
  });
  parser.on('error', (error) => {
    throw error;
  });

  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  try {
    for await (const chunk of stream) {
      parser.write(chunk as string);
      while (queue.length > 0) {
        await handlers.item?.(queue.shift()!);
        items++;
      }
    }
    parser.close();
  } catch (error) {
    stream.destroy();
    failure = error instanceof WxrError ? error : new WxrError(`malformed export (${describe(error)})`);
    throw failure;
  }
  if (!sawRss) throw new WxrError('the export is empty');
  return { items };
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/unclosed|unexpected end|disallowed|not well-formed/i.test(message)) return `${message}; the file is probably truncated`;
  return message;
}
