import { describe, expect, it } from 'vitest';
import { laureateFields } from './config.ts';
import { fieldShapes } from './format.ts';
import { fichePreview, whereInForm, type PreviewCall } from './preview.ts';

const CALL: PreviewCall = { id: 'solutions-ia-2025', title: 'AMI Solutions d’IA pour le public', shortTitle: 'Solutions d’IA (2025)', year: 2025, kind: 'solutions-marche', launch: '2025-01-15' };
const FIELDS = fieldShapes(laureateFields(CALL.id, CALL.kind));

const complete = () => ({
  name: 'Greffe Assistée',
  summary: 'Prépare les actes.',
  call: 'solutions-ia-2025',
  category: 'solutions-applicatives',
  thematics: ['synthese-documentaire'],
  submitter: { name: 'Greffes SAS', kind: 'entreprise' },
  audiences: ['collectivites-territoriales'],
  maturity: 'commercialisee',
  metrics: [{ type: 'productivite', label: 'Temps', after: 12, unit: 'minutes', evidence: 'declare', method: 'Chronométrage' }],
  costs: { pricingModel: 'licence' },
  dataSecurity: { secNumCloud: 'qualifie', dataLocation: 'france' },
  rgaa: 'totalement-conforme',
  openness: { openSource: true },
  sources: [{ title: 'Annonce', url: 'https://www.numerique.gouv.fr/' }],
  selectedOn: '2025-06-02',
  body: 'Une description.',
});

describe('the editing interface’s preview of a fiche', () => {
  it('finds nothing to fix in a complete fiche and shows « En bref » and the sections as the site does', () => {
    const p = fichePreview(complete(), CALL, FIELDS);
    expect(p.problems).toEqual([]);
    expect(p.facts).toContainEqual({ term: 'Structure', value: 'Greffes SAS' });
    expect(p.sections!.map((s) => s.title)).toContain('Données et sécurité');
  });

  it('says, in the form’s words, what the validator will refuse: the schema, the call’s requirements, a metric’s method, the description', () => {
    const data = { ...complete(), metrics: [{ ...complete().metrics[0], method: '' }], rgaa: '', body: '  ' };
    const p = fichePreview(data, CALL, FIELDS);
    expect(p.problems.map((x) => x.where)).toEqual(expect.arrayContaining(['Conformité au RGAA', 'Indicateurs d’impact › Méthode (n° 1)', 'Fiche']));
    const schema = fichePreview({ ...complete(), submitter: { name: 'X', kind: 'entreprise', website: 'javascript:alert(1)' } }, CALL, FIELDS);
    expect(schema.problems[0]).toMatchObject({ where: 'Structure › Site web' });
    expect(schema.sections).toBeUndefined();
  });

  it('names a field from the registry, with the item’s number', () => {
    expect(whereInForm('access.routes.1.checkedOn')).toBe('Comment y accéder › Voies d’achat ou d’accès › Constatée le (n° 2)');
  });
});
