/** Draws public/logo.png (600×60, the publisher logo of the structured data) with the shipped serif font. */
import { writeFileSync } from 'node:fs';
import { ImageResponse } from 'next/og';
import { ogFonts, OG_FONT } from '../lib/og/fonts';

async function main() {
  const image = new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#ffffff' }}>
        <div style={{ display: 'flex', fontFamily: OG_FONT, fontWeight: 700, fontSize: 48, color: '#1d3557', letterSpacing: 2 }}>KIOSQUE</div>
      </div>
    ),
    { width: 600, height: 60, fonts: await ogFonts() },
  );
  writeFileSync('public/logo.png', Buffer.from(await image.arrayBuffer()));
}

void main();
