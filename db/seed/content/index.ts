// Demo newsroom content for Kiosque. All people, agencies and events are fictional.
import type { SeedStory } from './types';
import { politicsStories } from './stories-politics';
import { economyStories } from './stories-economy';
import { societyStories } from './stories-society';
import { sportStories } from './stories-sport';
import { sportBriefStories } from './stories-sport-briefs';
import { cultureStories } from './stories-culture';
import { internationalStories } from './stories-international';
import { videosStories } from './stories-videos';

export type * from './types';
export { categories, tags, authors } from './taxonomy';

export const stories: SeedStory[] = [
  ...politicsStories,
  ...economyStories,
  ...societyStories,
  ...sportStories,
  ...sportBriefStories,
  ...cultureStories,
  ...internationalStories,
  ...videosStories,
];
