import { listingRoute } from '@/components/listingRoute';
import { latestListing } from '@/components/listingKinds';

// Latest news, page 1 (prerendered per locale by the layout's static params).
export const revalidate = 300;

const route = listingRoute(latestListing);
export const generateMetadata = route.generateMetadata;
export default route.ListingPage;
