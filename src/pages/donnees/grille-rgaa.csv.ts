/** /donnees/grille-rgaa.csv: the RGAA audit grid, one criterion per row (src/lib/rgaa/). */
import type { APIRoute } from 'astro';
import { gridCsv, siteAudit } from '../../lib/rgaa/audit.ts';

export const GET: APIRoute = () => new Response(gridCsv(siteAudit()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
