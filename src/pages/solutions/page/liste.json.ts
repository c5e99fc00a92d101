/** /solutions/page/liste.json: the listing's compact index (src/lib/view/listing-index.ts), read by its filters. */
import type { APIRoute } from 'astro';
import { listingData } from '../../../lib/routes.ts';

export const GET: APIRoute = async () => {
  const { index } = await listingData();
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
