/** How old a sidebar list may be when a page renders (see lib/memo.ts): views and counts move slowly. */
export const WIDGET_TTL_MS = 60_000;
