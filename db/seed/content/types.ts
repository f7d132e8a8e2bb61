/**
 * Shapes of the demo newsroom content consumed by the seed script.
 * All people, agencies and events in this folder are fictional.
 */
export type SeedLocale = 'fr' | 'en';
export interface SeedCategory { key: string; position: number; names: Record<SeedLocale, { name: string; slug: string; description: string }> }
export interface SeedTag { key: string; names: Record<SeedLocale, { name: string; slug: string }> }
export interface SeedAuthor { key: string; kind: 'person' | 'agency'; names: Record<SeedLocale, { name: string; slug: string; bio: string }> }
export interface SeedVersion { slug: string; title: string; standfirst: string; body: string; heroCaption: string }
export interface SeedStory {
  key: string;            // unique, kebab-case
  category: string;       // SeedCategory.key
  author: string;         // SeedAuthor.key
  tags: string[];         // SeedTag.key, 1 to 4
  kind: 'article' | 'video';
  videoDuration?: number; // seconds, required when kind === 'video' (between 40 and 400)
  ageHours: number;       // published this many hours before the seed runs; negative = in the future
  status?: 'published' | 'draft' | 'scheduled'; // default 'published'
  heroCredit: string;     // e.g. "Kiosque / Illustration"
  fr?: SeedVersion;
  en?: SeedVersion;
}
