import { describe, expect, it } from 'vitest';
import { facets, type FacetValues } from '../facets.ts';
import { cardChunks, chunksOf, decodeListingIndex, encodeListingIndex } from './listing-index.ts';

const ALL = facets([{ id: 'solutions-ia-2025', shortTitle: '2025' }, { id: 'ami-ia-2019', shortTitle: '2019' }]);

describe('the listing’s compact index', () => {
  const items: Array<{ id: string; values: FacetValues }> = [
    { id: 'plume', values: { appel: ['solutions-ia-2025'], thematique: ['agents-conversationnels', 'bases-vectorielles'], secnumcloud: ['qualifie'] } },
    { id: 'ancien', values: { appel: ['ami-ia-2019'], thematique: [] } },
  ];

  it('round-trips each laureate’s facet values through option numbers', () => {
    const index = encodeListingIndex(items, [1, 0], ALL, 'v1');
    const decoded = decodeListingIndex(index);
    expect(decoded.map((l) => l.id)).toEqual(['plume', 'ancien']);
    expect(decoded[0]!.values.thematique).toEqual(['agents-conversationnels', 'bases-vectorielles']);
    expect(decoded[0]!.values.secnumcloud).toEqual(['qualifie']);
    expect(decoded[1]!.values.appel).toEqual(['ami-ia-2019']);
    expect(decoded[1]!.values.secnumcloud).toEqual([]);
    expect(decoded[1]!.position).toBe(1);
    expect(index.byName).toEqual([1, 0]);
    // Compact: numbers, not the option values, for each laureate.
    expect(JSON.stringify(index.items[0])).not.toContain('qualifie');
  });

  it('refuses a value its facet does not know, naming the fiche', () => {
    expect(() => encodeListingIndex([{ id: 'x', values: { secnumcloud: ['peut-etre'] } }], [0], ALL, 'v')).toThrow(/fiche x .*« peut-etre ».*secnumcloud/);
  });

  it('cuts the cards into chunks and finds the chunks a page needs', () => {
    const cards = Array.from({ length: 120 }, (_, i) => ({ id: String(i) }) as never);
    expect(cardChunks(cards, 50).map((c) => c.length)).toEqual([50, 50, 20]);
    expect(chunksOf([3, 49, 50, 119, 7], 50)).toEqual([0, 1, 2]);
  });
});
