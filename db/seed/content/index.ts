// Demo newsroom content for Kiosque. All people, agencies and events are fictional.
import type { SeedStory } from './types';
import { politicsStories } from './stories-politics';

export * from './types';
export { categories, tags, authors } from './taxonomy';

export const stories: SeedStory[] = [
  ...politicsStories,
];
