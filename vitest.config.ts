import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('./', import.meta.url));

export default defineConfig({
  // vitest 4 runs on Vite 8, which transforms TS/TSX with Oxc (the `esbuild` option is deprecated there and
  // only converted). Use the automatic JSX runtime explicitly so .tsx tests never depend on the tsconfig
  // `jsx` setting (Next may write "preserve" into tsconfig.json).
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  resolve: {
    // Mirrors the tsconfig `paths` entry "@/*": ["./*"] (vite-tsconfig-paths is not installed).
    alias: [{ find: /^@\//, replacement: root }],
  },
  test: {
    environment: 'node',
    include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'db/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['node_modules/**', '.next/**', 'e2e/**'],
    restoreMocks: true,
    unstubEnvs: true,
    unstubGlobals: true,
    // Database-backed tests build real SQLite files; give them room on a busy 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
