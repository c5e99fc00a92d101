/**
 * The editing interface's preview of a fiche: the checks the validator will
 * make (the schema, the call's requirements, a market metric's method, the
 * description) on the file exactly as it would be written, then the fiche's
 * « En bref » and sections as the site shows them (the view models of
 * src/lib/view/laureate.ts). Pure and browser-safe: src/scripts/admin.ts
 * draws it in Decap's preview pane.
 */
import { laureateSchema, type LaureateData } from '../../schemas/laureate.ts';
import { relativeImagePath } from '../../schemas/common.ts';
import { FIELDS, type FieldEntry } from '../../schemas/fields.ts';
import type { CallKind } from '../../schemas/taxonomy.ts';
import { ficheProblems } from '../validation/cross-entry.ts';
import { emptyBodyErrors, marketMetricErrors } from '../validation/warnings.ts';
import { validateWith } from '../validation/zod-issues.ts';
import type { Problem } from '../validation/problem.ts';
import { keyFacts, laureateSections, type FactRow, type Section } from '../view/laureate.ts';
import { fromFile, toFile, type FieldShape } from './format.ts';

export interface PreviewCall {
  id: string;
  title: string;
  shortTitle: string;
  year: number;
  kind: CallKind;
  /** The call's opening, AAAA-MM-JJ. */
  launch: string;
}

export interface PreviewProblem {
  /** The field in words: « Indicateurs d’impact › Méthode (n° 1) ». */
  where: string;
  message: string;
  hint?: string;
}

export interface FichePreview {
  name: string;
  summary?: string;
  problems: PreviewProblem[];
  /** « En bref » and the sections, once the schema accepts the fiche. */
  facts?: FactRow[];
  sections?: Section[];
}

const schema = laureateSchema(relativeImagePath);

/** A field path of a problem (`metrics.0.method`) in the form's words. */
export function whereInForm(field: string): string {
  if (!field) return 'Fiche';
  const parts = field.split('.');
  const labels: string[] = [];
  const items: string[] = [];
  let path = '';
  for (const part of parts) {
    if (/^\d+$/.test(part)) {
      path += '[]';
      items.push(`n° ${Number(part) + 1}`);
      continue;
    }
    path = path ? `${path}.${part}` : part;
    const entry = (FIELDS as Record<string, FieldEntry>)[path];
    labels.push(entry?.label ?? part);
  }
  return `${labels.join(' › ')}${items.length > 0 ? ` (${items.join(', ')})` : ''}`;
}

/** The preview of the CMS's data for a fiche of `call`; `fields` is the collection's field tree. */
export function fichePreview(data: Record<string, unknown>, call: PreviewCall, fields: readonly FieldShape[]): FichePreview {
  // What the file will contain: the writer's output, read back.
  const written = fromFile(toFile(data, fields));
  const body = typeof written.body === 'string' ? written.body : '';
  const { body: _body, __texteOriginal: _source, ...front } = written;
  const name = typeof front.name === 'string' && front.name.trim() ? front.name : 'Fiche sans nom';
  const summary = typeof front.summary === 'string' ? front.summary : undefined;
  const result = validateWith('', schema, front);
  const toPreview = (p: Problem): PreviewProblem => ({ where: whereInForm(p.field), message: p.message, ...(p.hint ? { hint: p.hint } : {}) });
  if (!result.ok) return { name, summary, problems: [...result.problems, ...emptyBodyErrors('', body)].map(toPreview) };
  const fiche = result.data as LaureateData;
  const problems = [
    ...ficheProblems('', fiche, { kind: call.kind, shortTitle: call.shortTitle, dates: { launch: new Date(`${call.launch}T00:00:00Z`) } }),
    ...marketMetricErrors({ file: '', data: fiche }, new Set(call.kind === 'solutions-marche' ? [fiche.call] : [])),
    ...emptyBodyErrors('', body),
  ];
  const callLike = { id: call.id, data: { title: call.title, shortTitle: call.shortTitle, year: call.year, kind: call.kind } };
  const laureate = { id: 'apercu', data: fiche };
  return { name, summary, problems: problems.map(toPreview), facts: keyFacts(fiche, callLike), sections: laureateSections(laureate, callLike) };
}
