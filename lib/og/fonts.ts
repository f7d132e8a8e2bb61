import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Fonts for generated images (satori reads ttf/otf/woff, not woff2), shipped with the app through the
 * @fontsource/source-serif-4 package: Latin and Latin Extended subsets, regular and bold. Nothing is downloaded.
 */
const FILES = [
  { file: 'source-serif-4-latin-400-normal.woff', weight: 400 },
  { file: 'source-serif-4-latin-ext-400-normal.woff', weight: 400 },
  { file: 'source-serif-4-latin-700-normal.woff', weight: 700 },
  { file: 'source-serif-4-latin-ext-700-normal.woff', weight: 700 },
] as const;

export const OG_FONT = 'Source Serif 4';

let loaded: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[]> | undefined;

export function ogFonts() {
  loaded ??= Promise.all(
    FILES.map(async ({ file, weight }) => ({
      name: OG_FONT,
      data: await readFile(join(process.cwd(), 'node_modules/@fontsource/source-serif-4/files', file)),
      weight,
      style: 'normal' as const,
    })),
  );
  return loaded;
}
