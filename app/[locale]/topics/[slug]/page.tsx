import { listingRoute } from '@/components/listingRoute';
import { topicListing } from '@/components/listingKinds';

// A topic's first page; later pages are ./page/[n].
export const revalidate = 300;
export const dynamicParams = true;

export function generateStaticParams() {
  return []; // rendered on first request, then cached (ISR)
}

const route = listingRoute(topicListing);
export const generateMetadata = route.generateMetadata;
export default route.ListingPage;
