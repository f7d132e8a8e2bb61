import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts']),
  {
    rules: {
      // Reader pages are plain links: full navigations keep pages static and work without JavaScript.
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
]);
