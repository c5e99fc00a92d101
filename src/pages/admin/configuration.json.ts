/**
 * /admin/configuration.json: what the editing interface needs when it opens —
 * Decap's configuration generated from the schema, each collection's call for
 * the preview, the preview's styles. Fetched by src/scripts/admin.ts on
 * « Ouvrir l’interface d’édition », so the /admin/ page itself stays light.
 */
import type { APIRoute } from 'astro';
import { adminPage } from '../../lib/routes.ts';

export const GET: APIRoute = async () => {
  const { config, previewCalls, previewStyles } = await adminPage();
  return new Response(JSON.stringify({ config, previewCalls, previewStyles }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
