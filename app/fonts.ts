import localFont from 'next/font/local';

// Self-hosted, Latin subset only (French and English need nothing else); preloaded by next/font.
export const sans = localFont({
  src: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  variable: '--font-sans',
  display: 'swap',
  weight: '100 900',
});

export const serif = localFont({
  src: '../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff2',
  variable: '--font-serif',
  display: 'swap',
  weight: '700',
});
