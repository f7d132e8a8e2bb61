import { listingRoute } from '@/components/listingRoute';
import { authorListing } from '@/components/listingKinds';

// An author's later pages; /page/1 redirects to the author.
export const revalidate = 300;
export const dynamicParams = true;

export function generateStaticParams() {
  return []; // rendered on first request, then cached (ISR)
}

const route = listingRoute(authorListing);
export const generateMetadata = route.generateMetadata;
export default route.ListingPage;
