import { indexRoute } from '@/components/indexRoute';

// The authors index, later pages; /page/1 redirects to page 1.
export const revalidate = 300;
export const dynamicParams = true;

export function generateStaticParams() {
  return []; // rendered on first request, then cached (ISR)
}

const route = indexRoute('authors');
export const generateMetadata = route.generateMetadata;
export default route.IndexRoutePage;
