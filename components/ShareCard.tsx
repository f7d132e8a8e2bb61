import { ImageResponse } from 'next/og';
import { ogFonts, OG_FONT } from '@/lib/og/fonts';

export const SHARE_CARD_SIZE = { width: 1200, height: 630 } as const;

/**
 * A share card (Open Graph / Twitter image) drawn by the app: section (or tagline), headline and site name, in the
 * page's language (`lang` only picks the line breaking rules; the strings come translated from the caller).
 */
export async function shareCard({ kicker, headline, siteName }: { kicker: string; headline: string; siteName: string }) {
  const size = headline.length > 110 ? 52 : headline.length > 70 ? 60 : 72;
  return new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: '64px 72px',
          background: '#fbfaf7',
          borderTop: '16px solid #1d3557',
          fontFamily: OG_FONT,
          color: '#111111',
        }}
      >
        <div style={{ display: 'flex', fontSize: 34, fontWeight: 700, color: '#b42318', textTransform: 'uppercase', letterSpacing: 2 }}>{kicker}</div>
        <div style={{ display: 'flex', fontSize: size, fontWeight: 700, lineHeight: 1.15 }}>{headline}</div>
        <div style={{ display: 'flex', fontSize: 36, fontWeight: 700, color: '#1d3557', letterSpacing: 3 }}>{siteName.toUpperCase()}</div>
      </div>
    ),
    { ...SHARE_CARD_SIZE, fonts: await ogFonts() },
  );
}
