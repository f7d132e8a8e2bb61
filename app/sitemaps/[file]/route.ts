import { renderSitemap, sitemapNames } from '@/lib/sitemaps';

// Each sitemap file is prerendered and regenerated at most every 5 minutes (ISR); new article chunks render on
// their first request.
export const revalidate = 300;

export function generateStaticParams() {
  return sitemapNames().map((name) => ({ file: `${name}.xml` }));
}

export async function GET(_request: Request, { params }: RouteContext<'/sitemaps/[file]'>) {
  const { file } = await params;
  const xml = file.endsWith('.xml') ? renderSitemap(file.slice(0, -'.xml'.length)) : null;
  if (xml === null) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
