import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const source = [...files('app'), ...files('components')];

describe('code conventions', () => {
  it('client components, and only they, are named *.client.tsx', () => {
    for (const file of source) {
      const isClient = /^\s*['"]use client['"]/.test(readFileSync(file, 'utf8'));
      expect(isClient, file).toBe(file.endsWith('.client.tsx'));
    }
  });

  it('reader pages never import the newsroom’s writes, the publishing functions or the scheduler', () => {
    const reader = [...files('app/[locale]'), ...files('components').filter((f) => !f.includes('newsroom'))];
    for (const file of reader) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ['"]@\/(?:lib\/publishing|lib\/scheduler|db\/article-writes)/);
    }
  });

  it('no component injects raw HTML', () => {
    for (const file of source) {
      const text = readFileSync(file, 'utf8');
      const uses = text.match(/dangerouslySetInnerHTML/g)?.length ?? 0;
      // The one allowed use is JSON-LD, serialized by lib/jsonld.ts which escapes `<`.
      if (uses) expect(text, file).toMatch(/serializeJsonLd\(/);
    }
  });
});
