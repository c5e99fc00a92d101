import { describe, expect, it } from 'vitest';
import { mappingSchema } from '../mapping.ts';
import { revisionProblems } from './revision.ts';
import type { ApiRevision } from './query.ts';

const mapping = (fields: Record<string, unknown>, blocks: Record<string, unknown> = {}) =>
  mappingSchema.parse({ call: 'solutions-ia-2025', dossier: { number: 'ID', state: 'État du dossier' }, rule: { consent: 'Consentement', decision: { field: 'Décision du comité', laureate: 'Lauréat' } }, fields, blocks });

const revision = (labels: Array<[string, string]>, extra: Partial<ApiRevision> = {}): ApiRevision => ({
  id: 'r',
  datePublication: null,
  champDescriptors: labels.map(([id, label]) => ({ __typename: 'TextChampDescriptor', id, label })),
  annotationDescriptors: [{ __typename: 'DropDownListChampDescriptor', id: 'A1', label: 'Décision du comité' }],
  ...extra,
});

describe('the mapping against the active revision', () => {
  it('accepts labels (typographic apostrophes and spaces aside), ids, and the demandeur’s columns', () => {
    const m = mapping({ name: 'Nom de la solution', summary: { label: 'Ancien libellé', id: 'Q2hhbXAtMg==' }, 'submitter.name': ['Entreprise nom commercial', 'Entreprise raison sociale'], 'submitter.kind': 'Type d’structure' });
    expect(revisionProblems(m, revision([['Q2hhbXAtMQ==', 'Nom  de la solution'], ['Q2hhbXAtMg==', 'Résumé'], ['Q2hhbXAtMw==', "Type d'structure"], ['C', 'Consentement']]))).toEqual([]);
  });

  it('names every field renamed or removed, with what mapping.yml expected', () => {
    const m = mapping({ name: 'Nom de la solution', summary: { label: 'Résumé', id: 'Q2hhbXAtOQ==' } }, { metrics: { sheet: '4127', label: 'Indicateurs', fields: { label: 'Libellé', unit: 'Unité' } } });
    const r = revision([['C', 'Consentement'], ['R', 'Indicateurs']]);
    (r.champDescriptors[1] as { champDescriptors?: unknown }).champDescriptors = [{ __typename: 'TextChampDescriptor', id: 'L', label: 'Libellé' }];
    r.annotationDescriptors = [];
    expect(revisionProblems(m, r)).toEqual([
      '« name » : champ « Nom de la solution » introuvable dans la révision active de la démarche — renommé ou supprimé dans le formulaire ? corrigez le libellé dans mapping.yml',
      '« summary » : champ d’identifiant Q2hhbXAtOQ== (« Résumé ») absent de la révision active — supprimé ou remplacé dans le formulaire ; mettez à jour l’identifiant dans mapping.yml',
      '« rule.decision » : annotation privée « Décision du comité » introuvable dans la révision active de la démarche — renommé ou supprimé dans le formulaire ? corrigez le libellé dans mapping.yml',
      '« blocks.metrics.unit » : champ du bloc « Indicateurs » « Unité » introuvable dans la révision active de la démarche — renommé ou supprimé dans le formulaire ? corrigez le libellé dans mapping.yml',
    ]);
  });

  it('asks for an id when two fields share a label', () => {
    const m = mapping({ name: 'Nom' });
    expect(revisionProblems(m, revision([['A', 'Nom'], ['B', 'Nom'], ['C', 'Consentement']]))).toEqual([
      '« name » : 2 champs s’appellent « Nom » dans la révision active — précisez lequel par son identifiant dans mapping.yml ({ label, id }, id parmi A, B)',
    ]);
  });
});
