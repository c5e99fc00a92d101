import { describe, expect, it } from 'vitest';
import { decide } from './decide.ts';
import type { Dossier } from './dossiers.ts';
import { labelsOf, mappingSchema, type FieldSource } from './mapping.ts';

const mapping = mappingSchema.parse({
  call: 'solutions-ia-2025',
  dossier: { number: 'ID', state: 'État du dossier' },
  rule: { consent: 'Accord', decision: { field: 'Décision du comité', laureate: 'Lauréat' } },
  decisionsTable: { number: 'N°', decision: 'Décision', laureate: 'Lauréat' },
  fields: {},
});

function dossier(state: string, values: Record<string, string>): Dossier {
  return { number: 1, state, source: 't', value: (s: FieldSource) => labelsOf(s).map((l) => values[l]).find((v) => v !== undefined), block: () => [] };
}

describe('the decide step', () => {
  it('publishes an accepted dossier the committee chose and whose applicant agreed', () => {
    expect(decide(dossier('Accepté', { 'Décision du comité': 'Lauréat', Accord: 'on' }), mapping)).toEqual({ kind: 'laureate' });
    // The API's spelling of a ticked box is read the same way.
    expect(decide(dossier('Accepté', { 'Décision du comité': 'lauréat', Accord: 'true' }), mapping)).toEqual({ kind: 'laureate' });
  });

  it('never guesses when the sources disagree, and says which said what', () => {
    expect(decide(dossier('Accepté', { 'Décision du comité': 'Non retenu', Accord: 'on' }), mapping)).toEqual({ kind: 'disagreement', reason: 'sources en désaccord (état du dossier : « Accepté », décision du comité : « Non retenu »)' });
    expect(decide(dossier('Accepté', { 'Décision du comité': 'Lauréat', Accord: 'on' }), mapping, new Map([[1, 'Non retenu']]))).toMatchObject({ kind: 'disagreement' });
    expect(decide(dossier('Accepté', { Accord: 'on' }), mapping)).toMatchObject({ kind: 'disagreement', reason: expect.stringMatching(/sans décision du comité/) });
  });

  it('does not publish without consent, nor a refused dossier', () => {
    expect(decide(dossier('Accepté', { 'Décision du comité': 'Lauréat', Accord: 'off' }), mapping)).toEqual({ kind: 'no-consent', reason: 'lauréat sans accord de publication (case non cochée)' });
    expect(decide(dossier('Refusé', { 'Décision du comité': 'Non retenu' }), mapping)).toMatchObject({ kind: 'not-laureate' });
  });
});
