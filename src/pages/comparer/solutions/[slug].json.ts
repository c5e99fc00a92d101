/**
 * /comparer/solutions/<id>.json: one laureate's comparison column (its
 * values as the fiche reads them), fetched by /comparer/ for the solutions
 * it compares. Site data, not open data: /donnees/ is the open data.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { comparisonColumns } from '../../../lib/routes.ts';
import type { ComparisonColumn } from '../../../lib/view/compare.ts';

export const getStaticPaths = (async () => (await comparisonColumns()).map(({ id, column }) => ({ params: { slug: id }, props: { column } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ column: ComparisonColumn }> = ({ props }) =>
  new Response(JSON.stringify(props.column), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
