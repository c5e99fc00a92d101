/** /partage/catalogue.png: the sharing image of the pages that have none of their own. */
import type { APIRoute } from 'astro';
import { siteUrl } from '../../lib/data.ts';
import { cardImage } from '../../lib/og/card.ts';
import { SITE_CARD } from '../../lib/view/sharing.ts';

export const GET: APIRoute = async () =>
  new Response(new Uint8Array(await cardImage(SITE_CARD(siteUrl().host))), { headers: { 'Content-Type': 'image/png' } });
