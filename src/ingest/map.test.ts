import { describe, expect, it } from 'vitest';
import type { Dossier } from './dossiers.ts';
import { mapDossier } from './map.ts';
import { labelsOf, mappingSchema, type FieldSource } from './mapping.ts';

const mapping = mappingSchema.parse({
  call: 'solutions-ia-2025',
  selectedOn: '2025-06-12',
  dossier: { number: 'ID', state: 'État' },
  rule: { consent: 'Accord' },
  fields: {
    name: 'Nom',
    summary: 'Résumé',
    description: 'Description',
    thematics: 'Thématiques',
    'openness.openSource': 'Open source',
    'costs.deploymentCost': 'Coût',
    'submitter.website': 'Site',
    'openness.models': 'Modèles',
  },
});

function dossier(values: Record<string, string>, lists: Record<string, string[]> = {}): Dossier {
  const find = (s: FieldSource) => labelsOf(s).find((l) => l in values);
  return { number: 7, state: 'Accepté', source: 't', value: (s) => values[find(s) ?? ''], values: (s) => lists[labelsOf(s)[0]!], block: () => [] };
}

describe('the map step', () => {
  it('maps only the mapped fields, converted and sanitised, and says what it dropped', () => {
    const { data, body, warnings } = mapDossier(
      dossier({ Nom: 'Plume', Résumé: 'Un résumé.', Description: '<b>Texte</b>', Thématiques: 'Agents conversationnels, Licornes', 'Open source': 'Non', Coût: '0', Site: 'ftp://x', Modèles: 'Mistral Small 3 (poids ouverts)\n- BGE-M3', Secret: 'jamais lu' }),
      mapping,
    );
    expect(data).toMatchObject({ call: 'solutions-ia-2025', dossierNumber: 7, name: 'Plume', thematics: ['agents-conversationnels'], openness: { openSource: false, models: [{ name: 'Mistral Small 3', openWeights: true }, { name: 'BGE-M3' }] }, selectedOn: '2025-06-12' });
    expect(JSON.stringify(data)).not.toContain('jamais lu');
    expect(data).not.toHaveProperty('costs');
    expect(body).toBe('\\<b\\>Texte\\</b\\>');
    expect(warnings.map((w) => w.field)).toEqual(expect.arrayContaining(['thematics', 'costs.deploymentCost', 'submitter.website']));
  });

  it('reads the API’s list of choices rather than splitting its text', () => {
    const { data } = mapDossier(dossier({ Nom: 'P', Résumé: 'R', Thématiques: 'ignored' }, { Thématiques: ['Traduction automatique'] }), mapping);
    expect(data.thematics).toEqual(['traduction-automatique']);
  });
});
