/**
 * The facets of the catalogue, defined once from the taxonomy: the listing's
 * filters, the Pagefind filters of laureate pages and the URL state all come
 * from here. Pure functions, used at build time and in the browser.
 */
import {
  AUDIENCES,
  CATEGORIES,
  DATA_LOCATIONS,
  EVIDENCE_LEVELS,
  MATURITY_LEVELS,
  RGAA_LEVELS,
  SECNUMCLOUD_STATUSES,
  SUBMITTER_KINDS,
  THEMATICS,
} from '../schemas/taxonomy.ts';
import { shortLabel } from '../schemas/fields.ts';
import type { LaureateFacts } from './view/laureate.ts';
import type { FacetOption, FacetShape, FacetValues } from './facet-state.ts';

/** A facet, one object: its URL key, its legend, its options and what a laureate says for it. */
export interface Facet extends FacetShape {
  /** URL parameter and Pagefind filter key (French, ASCII). */
  key: string;
  /** Legend of the fieldset (the field's short label, from the registry). */
  label: string;
  options: FacetOption[];
  /** The option values of a laureate for this facet (none when it does not say). */
  values(l: LaureateFacts): string[];
}

const fromEnum = (e: { options: readonly { value: string; label: string }[] }): FacetOption[] =>
  e.options.map((o) => ({ value: o.value, label: o.label }));

const yesNo: FacetOption[] = [
  { value: 'oui', label: 'Oui' },
  { value: 'non', label: 'Non' },
];
const bool = (b: boolean | undefined) => (b === undefined ? [] : [b ? 'oui' : 'non']);
const one = <T extends string>(v: T | undefined) => (v === undefined ? [] : [v]);

/** The best evidence level of a laureate's metrics, by the enum's order (declared < measured < audited). */
function bestEvidence(l: LaureateFacts): string[] {
  const rank = (e: string) => EVIDENCE_LEVELS.values.indexOf(e as (typeof EVIDENCE_LEVELS.values)[number]);
  const best = l.metrics.map((m) => m.evidence).sort((a, b) => rank(b) - rank(a))[0];
  return one(best);
}

/** The facets, in display order; call options come from the calls collection. */
export function facets(calls: ReadonlyArray<{ id: string; shortTitle: string }>): Facet[] {
  return [
    { key: 'appel', label: shortLabel('call'), options: calls.map((c) => ({ value: c.id, label: c.shortTitle })), values: (l) => [l.call] },
    { key: 'categorie', label: shortLabel('category'), options: CATEGORIES.map((c) => ({ value: c.slug, label: c.shortLabel })), values: (l) => one(l.category) },
    { key: 'thematique', label: shortLabel('thematics'), options: THEMATICS.map((t) => ({ value: t.slug, label: t.shortLabel })), values: (l) => [...l.thematics] },
    { key: 'secnumcloud', label: shortLabel('dataSecurity.secNumCloud'), options: fromEnum(SECNUMCLOUD_STATUSES), values: (l) => one(l.dataSecurity?.secNumCloud) },
    { key: 'donnees', label: shortLabel('dataSecurity.dataLocation'), options: fromEnum(DATA_LOCATIONS), values: (l) => one(l.dataSecurity?.dataLocation) },
    { key: 'sur-site', label: shortLabel('dataSecurity.onPremise'), options: yesNo, values: (l) => bool(l.dataSecurity?.onPremise) },
    { key: 'open-source', label: shortLabel('openness.openSource'), options: yesNo, values: (l) => bool(l.openness?.openSource) },
    // Only « oui »: a fiche without a known route is « non renseigné », not « non ».
    {
      key: 'centrale',
      label: 'Achetable via une centrale d’achat',
      options: [{ value: 'oui', label: 'Oui' }],
      values: (l) => ((l.access?.routes ?? []).some((r) => r.kind === 'centrale-achat') ? ['oui'] : []),
    },
    { key: 'public', label: shortLabel('audiences'), options: fromEnum(AUDIENCES), values: (l) => [...l.audiences] },
    { key: 'maturite', label: shortLabel('maturity'), options: fromEnum(MATURITY_LEVELS), values: (l) => one(l.maturity) },
    { key: 'structure', label: shortLabel('submitter.kind'), options: fromEnum(SUBMITTER_KINDS), values: (l) => [l.submitter.kind] },
    { key: 'rgaa', label: shortLabel('rgaa'), options: fromEnum(RGAA_LEVELS), values: (l) => one(l.rgaa) },
    { key: 'preuve', label: 'Meilleur niveau de preuve des indicateurs', options: fromEnum(EVIDENCE_LEVELS), values: bestEvidence },
  ];
}

/** What the browser needs of the facets (src/lib/facet-state.ts): keys, legends, options — not how a laureate's values are read. */
export const facetShapes = (all: readonly Facet[]): FacetShape[] => all.map(({ key, label, options }) => ({ key, label, options }));

/** The option values of a laureate for every facet (the listing's data, Pagefind's filters). */
export function facetValues(l: LaureateFacts, all: readonly Facet[] = facets([])): FacetValues {
  return Object.fromEntries(all.map((f) => [f.key, f.values(l)]));
}

export { describeSelection, facetCounts, isPlainListing, matches, parseState, serialiseState } from './facet-state.ts';
export type { FacetOption, FacetShape, FacetValues, ListingState, Selection, Sort } from './facet-state.ts';
