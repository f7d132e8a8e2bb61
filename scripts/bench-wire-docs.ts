/** Synthetic agency documents for the wire benchmarks: N stories of ~1.5 KB HTML, each with a script and a tracking pixel to drop. */
const paragraph = (i: number, p: number) =>
  `<p>Paragraph ${p} of story ${i}: the port of Kribi handled <b>more containers</b> than ever, officials said, citing <a href="https://agency.example/${i}">figures</a> released on Monday.</p>`;
const html = (i: number) => `<h2>Story ${i}</h2>${Array.from({ length: 8 }, (_, p) => paragraph(i, p)).join('')}<script>track()</script><img src="https://t.example/p.gif" width="1" height="1">`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rssDocument(N: number, version: number): string {
  const items = Array.from({ length: N }, (_, i) => {
    const date = new Date(Date.UTC(2026, 11, 1, 0, 0, i % 60) + version * 60_000).toUTCString();
    return `<item><title>Story ${i} v${version}</title><link>https://agency.example/${i}</link><guid isPermaLink="false">bench-${i}</guid><pubDate>${date}</pubDate><description>${esc(html(i))}</description></item>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench</title><link>https://agency.example/</link><description>bench</description>${items}</channel></rss>`;
}

export function ninjsDocument(N: number, version: number, prefix = 'bench'): string {
  return JSON.stringify(
    Array.from({ length: N }, (_, i) => ({
      uri: `urn:${prefix}:${i}`,
      version: String(version),
      versioncreated: new Date(Date.UTC(2026, 11, 1) + version * 60_000).toISOString(),
      pubstatus: 'usable',
      language: 'en',
      headlines: [{ role: 'main', value: `Story ${i} v${version}` }],
      bodies: [{ role: 'main', contenttype: 'text/html', value: html(i) }],
    })),
  );
}

