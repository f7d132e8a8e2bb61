import { describe, expect, it } from 'vitest';
import { dateModified, textUpdatedAt } from './article-dates';

const published = new Date('2026-11-27T07:00:00Z');
const later = (minutes: number) => new Date(published.getTime() + minutes * 60_000);

describe('article dates', () => {
  it('a scheduled article edited before it went out: dateModified is its publication, no "Updated"', () => {
    const a = { publishedAt: published, updatedAt: later(-120), textChangedAt: later(-120) };
    expect(dateModified(a)).toEqual(published);
    expect(textUpdatedAt(a)).toBeNull();
  });

  it('a slug rename or a section move after publication is not an update of the text', () => {
    const a = { publishedAt: published, updatedAt: later(300), textChangedAt: null };
    expect(textUpdatedAt(a)).toBeNull();
    expect(dateModified(a)).toEqual(published);
  });

  it('the scheduler publishing (updated_at = published_at) shows no "Updated"', () => {
    expect(textUpdatedAt({ publishedAt: published, updatedAt: published, textChangedAt: published })).toBeNull();
  });

  it('a text correction after publication shows "Updated" with its time, and moves dateModified', () => {
    const a = { publishedAt: published, updatedAt: later(300), textChangedAt: later(90) };
    expect(textUpdatedAt(a)).toEqual(later(90));
    expect(dateModified(a)).toEqual(later(90));
  });

  it('until the newsroom records text changes, no label, and dateModified is updated_at but never before publication', () => {
    expect(textUpdatedAt({ publishedAt: published, updatedAt: later(300) })).toBeNull();
    expect(dateModified({ publishedAt: published, updatedAt: later(300) })).toEqual(later(300));
    expect(dateModified({ publishedAt: published, updatedAt: later(-5) })).toEqual(published);
  });
});
