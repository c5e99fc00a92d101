/** /partage/solutions/<id>.png: the sharing image of a laureate (see src/lib/og/card.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { callOf, callsById, publishedLaureates, siteUrl } from '../../../lib/data.ts';
import { cardImage, prepareCards, type CardContent } from '../../../lib/og/card.ts';
import { laureateSharingCard } from '../../../lib/view/sharing.ts';

export const getStaticPaths = (async () => {
  const [laureates, calls] = await Promise.all([publishedLaureates(), callsById()]);
  const host = siteUrl().host;
  const paths = laureates.map((l) => ({ params: { slug: l.id }, props: { card: laureateSharingCard(l.data, callOf(calls, l), host) } }));
  prepareCards(paths.map((p) => p.props.card));
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: CardContent }> = async ({ props }) =>
  new Response(new Uint8Array(await cardImage(props.card)), { headers: { 'Content-Type': 'image/png' } });
