/**
 * The listing's state and rules over facets, pure and free of the taxonomy
 * and the field registry (src/lib/facets.ts defines the facets at build
 * time; the listing's page hands their shapes to the browser), so that the
 * listing's script stays small: matching, faceted counts, the URL state, the
 * French summary of the filters.
 */
import type { Sort } from './view/order.ts';
export type { Sort };

export interface FacetOption {
  value: string;
  label: string;
}

/** What the listing's state functions need of a facet: its URL key, its legend, its options (the browser rebuilds no laureate). */
export interface FacetShape {
  key: string;
  label: string;
  options: FacetOption[];
}

/** What a laureate says for each facet, as option values. */
export type FacetValues = Record<string, string[]>;

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
