/**
 * The dataset's files: /donnees/laureats.json, the CSV tables, the record's
 * JSON Schema, the code lists and the DCAT-AP metadata (src/lib/opendata/).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { openDataDates, openDataRecords, siteUrl } from '../../lib/data.ts';
import { dataFiles } from '../../lib/opendata/files.ts';

export const getStaticPaths = (async () =>
  dataFiles(await openDataRecords(), siteUrl(), await openDataDates()).map((f) => ({
    params: { file: f.path.replace(/^\/donnees\//, '') },
    props: { body: f.body, mediaType: f.mediaType },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string; mediaType: string }> = ({ props }) =>
  new Response(props.body, { headers: { 'Content-Type': `${props.mediaType}; charset=utf-8` } });
