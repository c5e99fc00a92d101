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

export interface FacetOption {
  value: string;
  label: string;
}

/** A facet, one object: its URL key, its legend, its options and what a laureate says for it. */
export interface Facet {
  /** URL parameter and Pagefind filter key (French, ASCII). */
  key: string;
  /** Legend of the fieldset (the field's short label, from the registry). */
  label: string;
  options: FacetOption[];
  /** The option values of a laureate for this facet (none when it does not say). */
  values(l: LaureateFacts): string[];
}

/** What the listing's state functions need of a facet (the browser rebuilds no laureate). */
export type FacetShape = Pick<Facet, 'key' | 'label' | 'options'>;

/** What a laureate says for each facet, as option values. */
export type FacetValues = Record<string, string[]>;

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

/** The option values of a laureate for every facet (the listing's data, Pagefind's filters). */
export function facetValues(l: LaureateFacts, all: readonly Facet[] = facets([])): FacetValues {
  return Object.fromEntries(all.map((f) => [f.key, f.values(l)]));
}

/** The selected options per facet; empty facets are absent. */
export type Selection = Record<string, string[]>;

/** An item matches when, for every facet with a selection, it has one of the selected values. */
export function matches(values: FacetValues, selection: Selection): boolean {
  return Object.entries(selection).every(([key, selected]) => selected.length === 0 || selected.some((s) => values[key]?.includes(s)));
}

/**
 * Counts, for each option, the items that would match if that option were
 * added to the selection of its own facet (the usual faceted-search count:
 * other facets' selections apply, the facet's own does not).
 */
export function facetCounts(items: readonly FacetValues[], selection: Selection, all: readonly FacetShape[]): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const facet of all) {
    const others = Object.fromEntries(Object.entries(selection).filter(([k]) => k !== facet.key));
    const pool = items.filter((v) => matches(v, others));
    counts[facet.key] = Object.fromEntries(facet.options.map((o) => [o.value, pool.filter((v) => v[facet.key]?.includes(o.value)).length]));
  }
  return counts;
}

import type { Sort } from './view/order.ts';
export type { Sort };

export interface ListingState {
  query: string;
  selection: Selection;
  sort: Sort;
  /** Page of the results (1-based; `page` in the URL, absent on the first). */
  page: number;
}

/** Whether the state is the plain list (no query, no facet, the default order): the static pages show it as it is. */
export const isPlainListing = (state: ListingState): boolean => !state.query && Object.keys(state.selection).length === 0 && state.sort === 'recent';

/** Reads the listing state from a query string, keeping only known facets and options. */
export function parseState(search: string, all: readonly FacetShape[]): ListingState {
  const params = new URLSearchParams(search);
  const selection: Selection = {};
  for (const facet of all) {
    const known = new Set(facet.options.map((o) => o.value));
    const values = [...new Set(params.getAll(facet.key).filter((v) => known.has(v)))];
    if (values.length > 0) selection[facet.key] = values;
  }
  const sort = params.get('tri') === 'nom' ? 'nom' : 'recent';
  const page = /^[1-9][0-9]{0,5}$/.test(params.get('page') ?? '') ? Number(params.get('page')) : 1;
  return { query: (params.get('q') ?? '').trim().slice(0, 200), selection, sort, page };
}

/** Writes the state as a query string (stable order: facets as defined, then sort, then page). */
export function serialiseState(state: ListingState, all: readonly FacetShape[]): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const facet of all) {
    for (const option of facet.options) if (state.selection[facet.key]?.includes(option.value)) params.append(facet.key, option.value);
  }
  if (state.sort !== 'recent') params.set('tri', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A human summary of the active filters, for the page title and the h1 (RGAA 8.6). */
export function describeSelection(state: ListingState, all: readonly FacetShape[]): string {
  const parts: string[] = [];
  if (state.query) parts.push(`« ${state.query} »`);
  for (const facet of all) {
    const labels = facet.options.filter((o) => state.selection[facet.key]?.includes(o.value)).map((o) => o.label);
    if (labels.length > 0) parts.push(`${facet.label} : ${labels.join(' ou ')}`);
  }
  return parts.join(', ');
}
