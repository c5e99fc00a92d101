/**
 * The open-data record of a laureate: what `/donnees/laureats.json` publishes
 * for each published laureate. Derived from the laureate schema (same fields,
 * same descriptions, same cross-field checks), with what a reuser needs
 * (stable id, absolute URLs, ISO dates, the call's title and year) and
 * without what stays internal (the Démarches Simplifiées dossier number, the
 * publication switch).
 */
import { z } from 'astro/zod';
import { laureateShape, refineLaureate, LAUREATE_SLUG_PATTERN, type LaureateData } from '../../schemas/laureate.ts';
import { enumOf } from '../../schemas/enum-schema.ts';
import { CALL_KINDS } from '../../schemas/taxonomy.ts';
import { callId, nonEmptyText, webUrl } from '../../schemas/common.ts';
import { isoDay } from '../view/format.ts';
import { laureateHref } from '../view/laureate.ts';

/** Fields of the content files that never reach the open data. */
export const INTERNAL_FIELDS = ['published', 'unpublishedReason', 'dossierNumber'] as const;

const isoDayString = () => z.iso.date().describe('Date au format AAAA-MM-JJ.');
/** An address built by the catalogue itself (its host is configuration: it may be local). */
const publicUrl = () => z.url({ protocol: /^https?$/ });

function recordShape() {
  const {
    published: _published,
    unpublishedReason: _unpublishedReason,
    dossierNumber: _dossierNumber,
    logo: _logo,
    screenshots: _screenshots,
    brochure: _brochure,
    call: _call,
    ...facts
  } = laureateShape({ image: () => webUrl(), date: isoDayString });
  const picture = (what: string) =>
    z
      .strictObject({
        url: publicUrl().describe(`Adresse de l’image (${what}).`),
        alt: nonEmptyText().describe('Texte alternatif : ce que l’image montre ou dit.'),
      })
      .describe(what);
  return {
    id: z.string().regex(LAUREATE_SLUG_PATTERN).describe('Identifiant stable du lauréat (celui de l’adresse de sa fiche).'),
    url: publicUrl().describe('Adresse de la fiche du lauréat sur le catalogue.'),
    call: callId().describe('Identifiant de l’appel dont la structure est lauréate.'),
    callTitle: nonEmptyText().describe('Nom de l’appel.'),
    callYear: z.number().int().describe('Année de l’appel.'),
    callKind: enumOf(CALL_KINDS).describe('Nature des lauréats de l’appel : projets des administrations ou solutions du marché.'),
    ...facts,
    description: z.string().describe('Description de la solution ou du projet, en Markdown (CommonMark).'),
    logo: picture('Logo de la solution').optional(),
    screenshots: z.array(picture('Capture d’écran')).describe('Captures d’écran.'),
    brochure: z
      .strictObject({
        url: publicUrl().describe('Adresse de la brochure.'),
        title: nonEmptyText().describe('Titre du document.'),
        sizeKb: z.number().int().nonnegative().optional().describe('Poids du fichier en kilo-octets.'),
      })
      .optional()
      .describe('Brochure technique (PDF).'),
  };
}

export const openDataLaureateSchema = z
  .strictObject(recordShape())
  .superRefine(refineLaureate)
  .describe('Un lauréat publié du catalogue des lauréats IA de l’État, tel que publié en données ouvertes.');

export type OpenDataLaureate = z.output<typeof openDataLaureateSchema>;

/** Where the published JSON Schema of a record lives on the site. */
export const RECORD_SCHEMA_PATH = '/donnees/schema/laureat.schema.json';

/** The JSON Schema (draft 2020-12) of a record, generated from the zod schema. */
export function openDataJsonSchema(site: URL): Record<string, unknown> {
  const schema = z.toJSONSchema(openDataLaureateSchema, { io: 'output', target: 'draft-2020-12' });
  return {
    ...schema,
    $id: new URL(RECORD_SCHEMA_PATH, site).href,
    title: 'Lauréat du catalogue des lauréats IA de l’État (données ouvertes)',
  };
}

/** What the routes hand over to build a record: the entry as Astro gives it. */
export interface RecordInput {
  id: string;
  /** The markdown body of the file. */
  body?: string;
  /** Front matter; images are whatever the collection gives (Astro's image metadata, or a path). */
  data: Omit<LaureateData, 'logo' | 'screenshots'> & {
    logo?: { src: unknown; alt: string };
    screenshots: Array<{ src: unknown; alt: string }>;
  };
}

export interface CallInput {
  id: string;
  data: { title: string; year: number; kind: (typeof CALL_KINDS.values)[number] };
}

/** The public URL of a built image: Astro's image metadata carries it in `src`. */
function imagePath(src: unknown): string {
  if (typeof src === 'string') return src;
  if (src && typeof src === 'object' && typeof (src as { src?: unknown }).src === 'string') return (src as { src: string }).src;
  throw new Error('image sans adresse publique');
}

/** Dates become `AAAA-MM-JJ`, recursively. */
function isoDates(value: unknown): unknown {
  if (value instanceof Date) return isoDay(value);
  if (Array.isArray(value)) return value.map(isoDates);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isoDates(v)]));
  }
  return value;
}

/**
 * Builds the record of one published laureate and checks it against the
 * schema: a record that would not validate fails the build with its id.
 */
export function toOpenDataRecord(entry: RecordInput, call: CallInput, site: URL): OpenDataLaureate {
  const d = entry.data;
  const absolute = (path: string) => new URL(path, site).href;
  const { logo, screenshots, brochure, ...facts } = d;
  for (const field of INTERNAL_FIELDS) delete (facts as Record<string, unknown>)[field];
  const candidate = isoDates({
    id: entry.id,
    url: absolute(laureateHref(entry.id)),
    ...facts,
    call: call.id,
    callTitle: call.data.title,
    callYear: call.data.year,
    callKind: call.data.kind,
    description: (entry.body ?? '').trim(),
    ...(logo ? { logo: { url: absolute(imagePath(logo.src)), alt: logo.alt } } : {}),
    screenshots: screenshots.map((s) => ({ url: absolute(imagePath(s.src)), alt: s.alt })),
    ...(brochure ? { brochure: { ...brochure, url: absolute(brochure.url) } } : {}),
  });
  const result = openDataLaureateSchema.safeParse(candidate);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(racine)'} : ${i.message}`).join(' ; ');
    throw new Error(`Données ouvertes : la fiche « ${entry.id} » ne respecte pas le schéma publié (${problems}).`);
  }
  return result.data;
}
