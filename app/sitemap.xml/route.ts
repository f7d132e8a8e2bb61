import { renderSitemapIndex } from '@/lib/sitemaps';

// The sitemap index, regenerated at most every 5 minutes (ISR), never per request.
export const revalidate = 300;

export function GET() {
  return new Response(renderSitemapIndex(), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
