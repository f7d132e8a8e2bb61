import { serializeJsonLd, type JsonLdData } from '@/lib/jsonld';

/** Structured data for crawlers. The only raw HTML in the app: serializeJsonLd() escapes `<`, `>` and `&`. */
export function JsonLd({ data }: { data: JsonLdData }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
