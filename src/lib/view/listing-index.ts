/**
 * The listing's compact index: what /solutions/'s filters need to work
 * across every page without loading every card — each laureate's
 * identifier and facet values (as option numbers), the order by name, and
 * the cards themselves in chunks the script fetches only for the page it
 * shows. Built once at build time (routes.ts), read by src/scripts/listing.ts.
 */
import type { FacetShape, FacetValues } from '../facet-state.ts';
import type { LaureateCard } from './laureate.ts';

/** Cards per chunk file: a filtered page of 24 cards fetches a few chunks, never all of them. */
export const CARD_CHUNK_SIZE = 50;

/** Under /solutions/page/, which no laureate may take (RESERVED_LAUREATE_SLUGS). */
export const LISTING_INDEX_PATH = '/solutions/page/liste.json';
export const cardChunkPath = (chunk: number) => `/solutions/page/cartes-${chunk}.json`;

export interface ListingIndex {
  /** A digest of the index and the cards: the addresses carry it, so a new build is never read with an old one. */
  version: string;
  /** Each facet's key and option values: the numbers of `items` index these. */
  facets: Array<{ key: string; options: string[] }>;
  /** Laureates, most recent selection first (the static pages' order): identifier, then option numbers per facet. */
  items: Array<[string, ...number[][]]>;
  /** Positions in `items`, ordered by name. */
  byName: number[];
  chunkSize: number;
}

export interface IndexedLaureate {
  id: string;
  /** Position in the most-recent-first order (which chunk holds its card). */
  position: number;
  values: FacetValues;
}

/** Encodes the listing (laureates in the most-recent-first order) against the facets' options. */
export function encodeListingIndex(
  items: ReadonlyArray<{ id: string; values: FacetValues }>,
  byName: readonly number[],
  all: readonly FacetShape[],
  version: string,
): ListingIndex {
  const facets = all.map((f) => ({ key: f.key, options: f.options.map((o) => o.value) }));
  return {
    version,
    facets,
    items: items.map(({ id, values }) => [
      id,
      ...facets.map((f) =>
        (values[f.key] ?? []).map((v) => {
          const n = f.options.indexOf(v);
          if (n < 0) throw new Error(`index de la liste : la fiche ${id} a la valeur « ${v} », inconnue de la facette ${f.key}`);
          return n;
        }),
      ),
    ]),
    byName: [...byName],
    chunkSize: CARD_CHUNK_SIZE,
  };
}

/** The laureates of an index, with their facet values back as option values. */
export function decodeListingIndex(index: ListingIndex): IndexedLaureate[] {
  return index.items.map(([id, ...codes], position) => ({
    id,
    position,
    values: Object.fromEntries(index.facets.map((f, i) => [f.key, (codes[i] ?? []).map((n) => f.options[n]!)])),
  }));
}

/** The cards in chunk files, in the index's order. */
export function cardChunks(cards: readonly LaureateCard[], size = CARD_CHUNK_SIZE): LaureateCard[][] {
  const out: LaureateCard[][] = [];
  for (let i = 0; i < cards.length; i += size) out.push(cards.slice(i, i + size));
  return out;
}

/** The chunks that hold the cards at these positions. */
export const chunksOf = (positions: readonly number[], size: number): number[] => [...new Set(positions.map((p) => Math.floor(p / size)))].sort((a, b) => a - b);
