/** Writes the demo newsroom's hero illustrations to public/media (committed; rerun after changing the drawing). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crops, illustrationPath, illustrationSvg, VARIANTS, type Crop } from '../db/seed/illustrations';

const keys = ['politics', 'economy', 'society', 'sport', 'culture', 'international', 'videos'];
mkdirSync('public/media', { recursive: true });
for (const key of keys) {
  for (let v = 1; v <= VARIANTS; v++) {
    for (const crop of Object.keys(crops) as Crop[]) {
      writeFileSync(join('public', illustrationPath(key, v, crop)), illustrationSvg(key, v, crop));
    }
  }
}
console.log(`wrote ${keys.length * VARIANTS * Object.keys(crops).length} illustrations to public/media`);
