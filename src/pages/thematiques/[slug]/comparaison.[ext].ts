/** /thematiques/<slug>/comparaison.csv and .json: a thematic's comparison as files (the table's columns and rows). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { comparedThematics, thematicComparisonPage } from '../../../lib/routes.ts';
import { siteUrl } from '../../../lib/data.ts';
import { comparisonCsv, comparisonJson } from '../../../lib/view/compare-export.ts';
import { thematicBySlug } from '../../../schemas/taxonomy.ts';

export const getStaticPaths = (async () => (await comparedThematics()).flatMap((t) => (['csv', 'json'] as const).map((ext) => ({ params: { slug: t.slug, ext } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const thematic = thematicBySlug(params.slug as Parameters<typeof thematicBySlug>[0]);
  const { table, breadcrumb } = await thematicComparisonPage(thematic);
  const site = siteUrl().href;
  return params.ext === 'csv'
    ? new Response(comparisonCsv(table), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })
    : new Response(comparisonJson(table, { url: new URL(breadcrumb.at(-1)!.href, site).href, site }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
