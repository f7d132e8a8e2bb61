import type { Locale } from '@/i18n/routing';
import { hotThisWeek, popularCategories, recentTopics } from '@/db/widgets';
import { memoize } from '@/lib/memo';

/*
 * The sidebar's lists, at most a minute old (lib/memo.ts): every page rendered on a cache miss shows them, and
 * views and counts move slowly.
 */
const WIDGET_TTL_MS = 60_000;

export const hotList = memoize(WIDGET_TTL_MS, (locale: Locale, limit: number) => hotThisWeek(locale, limit));
export const categoryList = memoize(WIDGET_TTL_MS, (locale: Locale) => popularCategories(locale));
export const topicList = memoize(WIDGET_TTL_MS, (locale: Locale) => recentTopics(locale));

/** After a rename in the newsroom: the next page rendered shows the new names, not a minute-old list. */
export function forgetWidgetLists(): void {
  hotList.clear();
  categoryList.clear();
  topicList.clear();
}
