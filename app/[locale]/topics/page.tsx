import { indexRoute } from '@/components/indexRoute';

// The topics index, page 1 (prerendered per locale by the layout's static params, then ISR).
export const revalidate = 300;

const route = indexRoute('topics');
export const generateMetadata = route.generateMetadata;
export default route.IndexRoutePage;
