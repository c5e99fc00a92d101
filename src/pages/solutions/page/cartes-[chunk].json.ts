/** /solutions/page/cartes-N.json: the cards of the listing's index, in chunks (fetched for the page of results shown). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { listingData } from '../../../lib/routes.ts';

export const getStaticPaths = (async () => (await listingData()).chunks.map((cards, chunk) => ({ params: { chunk: String(chunk) }, props: { cards } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props.cards), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
