import { describe, expect, it } from 'vitest';
import { fieldsFromServer, inputFromFields, sameFields, type ServerArticleFields } from './editor-fields';

const server: ServerArticleFields = {
  title: 'T',
  standfirst: '',
  body: 'B',
  slug: 't',
  categoryId: 1,
  authorId: 1,
  tagIds: [],
  genre: 'news',
  seoTitle: '',
  seoDescription: '',
  heroImage: null,
  heroAlt: '',
  heroCaption: '',
  heroCredit: '',
  kind: 'video',
  videoDurationSeconds: 63,
  videoUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  videoTitle: 'V',
};

describe('video fields in the editor', () => {
  it('sends the duration as typed (the server parses it) and trims the address and title', () => {
    const f = { ...fieldsFromServer(server), videoDurationSeconds: ' 1:03 ', videoUrl: ' https://youtu.be/dQw4w9WgXcQ ', videoTitle: ' V ' };
    expect(inputFromFields(f)).toMatchObject({ videoDurationSeconds: '1:03', videoUrl: 'https://youtu.be/dQw4w9WgXcQ', videoTitle: 'V' });
  });
  it('what the server stored canonically is the same content as what was typed (no false change, no conflict)', () => {
    const typed = { ...fieldsFromServer(server), videoDurationSeconds: '1:03', videoUrl: 'https://youtu.be/dQw4w9WgXcQ?si=x' };
    expect(sameFields(typed, fieldsFromServer(server))).toBe(true);
    expect(sameFields({ ...typed, videoDurationSeconds: '1:04' }, fieldsFromServer(server))).toBe(false);
  });
});
