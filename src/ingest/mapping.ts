/**
 * The mapping file `selection/<call>/mapping.yml`: which Démarches Simplifiées
 * labels (or champDescriptorIds) feed which laureate field, the laureate rule
 * and the consent field. The conversion of each target is known in code
 * (TARGETS), derived from the laureate schema and the taxonomy.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { callId } from '../schemas/common.ts';
import { DS_FIELD_TARGETS, DS_METRIC_TARGETS, DS_REFERENCE_TARGETS, type Conversion } from '../schemas/fields.ts';
import { validateWith } from '../lib/validation/zod-issues.ts';
import { formatProblems } from '../lib/validation/problem.ts';
import { IngestError } from './errors.ts';

export type { Conversion } from '../schemas/fields.ts';

/**
 * Every laureate field the ingestion can fill, with its conversion: the field
 * registry's DS targets (src/schemas/fields.ts), plus the fiche's text.
 */
export const TARGETS = { description: 'multiline', ...DS_FIELD_TARGETS } as const satisfies Record<string, Conversion>;
export type Target = keyof typeof TARGETS;

/** The target that becomes the markdown body of the fiche; every other target is a front-matter field. */
export const BODY_TARGET = 'description' satisfies Target;

export const METRIC_TARGETS = DS_METRIC_TARGETS;
export const REFERENCE_TARGETS = DS_REFERENCE_TARGETS;

/** A source: one label, several labels (first present wins), or a label with its champDescriptorId. */
const sourceSchema = z.union([
  z.string().min(1),
  z.array(z.string().min(1)).min(1),
  z.strictObject({
    label: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    id: z.string().min(1).optional().describe('champDescriptorId (API GraphQL), stable d’une révision du formulaire à l’autre'),
  }),
]);
export type FieldSource = z.output<typeof sourceSchema>;

const labels = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const blockSchema = <T extends Record<string, Conversion>>(targets: T) =>
  z.strictObject({
    sheet: z.string().regex(/^\d+$/, 'identifiant numérique du bloc répétable (le nombre entre parenthèses du nom d’onglet)'),
    label: z.string().min(1).describe('Libellé du bloc (API GraphQL, modèles d’export)'),
    id: z.string().optional(),
    fields: z.partialRecord(z.enum(Object.keys(targets) as [keyof T & string, ...(keyof T & string)[]]), sourceSchema),
  });

export const mappingSchema = z.strictObject({
  call: callId().describe('Identifiant de l’appel (content/calls/<call>.md)'),
  demarche: z.number().int().positive().optional().describe('Numéro de la démarche dans Démarches Simplifiées (ingestion par l’API : npm run ingest -- --api)'),
  selectedOn: z.iso.date().optional().describe('Date de sélection commune (sinon la date « Traité le » du dossier)'),
  dossier: z.strictObject({
    number: labels.describe('Colonne du numéro de dossier'),
    state: labels.describe('Colonne de l’état du dossier'),
    processedAt: labels.optional().describe('Colonne de la date de traitement'),
  }),
  rule: z.strictObject({
    acceptedState: z.string().min(1).default('Accepté'),
    decision: z
      .strictObject({ field: sourceSchema, laureate: z.string().min(1) })
      .optional()
      .describe('Annotation privée portant la décision du comité'),
    consent: sourceSchema.describe('Case à cocher d’accord pour la publication'),
  }),
  decisionsTable: z
    .strictObject({
      number: labels,
      decision: labels,
      laureate: z.string().min(1),
    })
    .optional()
    .describe('Tableau de décisions séparé (ex. export du tableur de notation du comité)'),
  fields: z.partialRecord(z.enum(Object.keys(TARGETS) as [Target, ...Target[]]), sourceSchema),
  blocks: z
    .strictObject({
      metrics: blockSchema(METRIC_TARGETS).optional(),
      references: blockSchema(REFERENCE_TARGETS).optional(),
    })
    .default({}),
});
export type Mapping = z.output<typeof mappingSchema>;

/** Targets a mapping must provide for the laureate to validate. */
export const REQUIRED_TARGETS: Target[] = ['name', 'summary', 'description', 'submitter.name', 'submitter.kind'];

export function labelsOf(source: FieldSource): string[] {
  if (typeof source === 'string') return [source];
  if (Array.isArray(source)) return source;
  return typeof source.label === 'string' ? [source.label] : source.label;
}

export function idOf(source: FieldSource): string | undefined {
  return typeof source === 'object' && !Array.isArray(source) ? source.id : undefined;
}

export function loadMapping(file: string): Mapping {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new IngestError(`${file} : fichier de correspondance illisible (${(error as Error).message.split('\n')[0]})`);
  }
  const result = validateWith(file, mappingSchema, data);
  if (!result.ok) throw new IngestError(`Fichier de correspondance invalide :\n${formatProblems(result.problems)}`);
  const missing = REQUIRED_TARGETS.filter((t) => !result.data.fields[t]);
  if (missing.length > 0) {
    throw new IngestError(`${file} : champs obligatoires sans correspondance : ${missing.join(', ')}`);
  }
  return result.data;
}
