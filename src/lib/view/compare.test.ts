import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { laureateSchema } from '../../schemas/laureate.ts';
import { validLaureate } from '../../../tests/factories.ts';
import { NOT_DECLARED, alignMetrics as align, cellText, comparisonCaption, comparisonTable as tableOf, type ComparisonColumn, type ComparisonTable } from './compare.ts';
import { comparisonColumn, comparisonSpec } from './compare-columns.ts';
import { comparisonCsv, comparisonJson } from './compare-export.ts';
import type { CallLike, LaureateLike } from './laureate.ts';

const schema = laureateSchema(() => z.string());
const call2025: CallLike = { id: 'solutions-ia-2025', data: { title: 'AMI Solutions d’IA pour le public', shortTitle: 'Solutions d’IA (2025)', year: 2025, kind: 'solutions-marche' } };
const entry = (id: string, overrides: Record<string, unknown> = {}): LaureateLike => ({ id, data: schema.parse(validLaureate({ name: id, ...overrides })) });
const column = (id: string, overrides: Record<string, unknown> = {}) => comparisonColumn(entry(id, overrides), call2025);

const spec = comparisonSpec();
const comparisonTable = (columns: ComparisonColumn[]) => tableOf(columns, spec);
const alignMetrics = (columns: ComparisonColumn[]) => align(columns, spec);
const row = (table: ComparisonTable, key: string) => table.groups.flatMap((g) => g.rows).find((r) => r.key === key);

describe('comparisonTable', () => {
  const a = column('alpha', {
    costs: { pricingModel: 'abonnement', deploymentCost: 5000, annualMaintenanceCost: 1200 },
    metrics: [
      { type: 'delais', label: 'Délai de réponse', before: 20, after: 5, unit: 'jours', evidence: 'audite', method: 'Audit', sourceUrl: 'https://exemple.example.fr/audit' },
      { type: 'delais', label: 'Délai de saisie', before: 10, after: 9, unit: 'minutes', evidence: 'declare' },
    ],
  });
  const b = column('beta', {
    costs: { pricingModel: 'abonnement', deploymentCost: 2000 },
    metrics: [{ type: 'delais', label: 'Temps de traitement', before: 10, after: 7, unit: 'jours', evidence: 'declare' }, { type: 'productivite', label: 'Dossiers par agent', before: 10, after: 15, unit: 'dossiers', evidence: 'mesure', method: 'Relevé' }],
  });
  const table = comparisonTable([a, b]);

  it('has one column per solution, in the order given, and groups rows as the fiche does', () => {
    expect(table.columns.map((c) => c.name)).toEqual(['alpha', 'beta']);
    expect(table.groups.map((g) => g.id)).toEqual(['en-bref', 'impact', 'porteur', 'usage', 'couts', 'donnees-securite', 'accessibilite', 'ouverture']);
    expect(table.groups[0]!.rows.map((r) => r.label)).toEqual(['Résumé', 'Appel', 'Catégorie', 'Thématiques', 'Date de sélection']);
  });

  it('reads « non renseigné » where one solution declares a value and the other does not', () => {
    const maintenance = row(table, 'costs.annualMaintenanceCost')!;
    expect(maintenance.cells.map((c) => c.text)).toEqual(['1\u202f200\u00a0€ HT', NOT_DECLARED]);
    expect(maintenance.cells[1]!.missing).toBe(true);
    // A « non » declared is not a missing value.
    expect(row(table, 'openness.openSource')!.cells.map((c) => c.text)).toEqual(['Non', 'Non']);
  });

  it('leaves out rows that no solution declares', () => {
    expect(row(table, 'environment.frugality')).toBeUndefined();
  });

  it('says which rows differ', () => {
    expect(row(table, 'costs.pricingModel')!.differs).toBe(false);
    expect(row(table, 'costs.deploymentCost')!.differs).toBe(true);
    expect(row(table, 'name' as never)).toBeUndefined();
  });

  it('marks the lowest cost, only when two or more are declared and they differ', () => {
    expect(row(table, 'costs.deploymentCost')!.cells.map((c) => c.best)).toEqual([undefined, 'lowest']);
    expect(cellText(row(table, 'costs.deploymentCost')!.cells[1]!)).toBe('2\u202f000\u00a0€ HT (le plus bas)');
    expect(row(table, 'costs.annualMaintenanceCost')!.cells.map((c) => c.best)).toEqual([undefined, undefined]);
    const same = comparisonTable([column('x', { costs: { pricingModel: 'licence', deploymentCost: 10 } }), column('y', { costs: { pricingModel: 'licence', deploymentCost: 10 } })]);
    expect(row(same, 'costs.deploymentCost')!.cells.map((c) => c.best)).toEqual([undefined, undefined]);
  });

  it('marks the solution with the most reference deployments', () => {
    const refs = comparisonTable([
      column('x', { references: [{ organisation: 'Ville A', kind: 'collectivite-territoriale', since: 2023 }] }),
      column('y', { references: [] }),
      column('z', { references: [{ organisation: 'Ville B', kind: 'collectivite-territoriale' }, { organisation: 'CHU C', kind: 'etablissement-sante' }] }),
    ]);
    const r = row(refs, 'references')!;
    expect(r.cells.map((c) => c.missing ?? false)).toEqual([false, true, false]);
    expect(r.cells[0]!.items).toEqual(['Ville A (Collectivité territoriale · depuis 2023)']);
    expect(r.cells.map((c) => c.best)).toEqual([undefined, undefined, 'highest']);
  });

  it('captions the table with the names', () => {
    expect(comparisonCaption(table)).toBe('Comparaison de 2 solutions : alpha, beta');
  });
});

describe('alignMetrics', () => {
  it('aligns metrics by type, before → after, relative change and evidence, strongest evidence first', () => {
    const rows = alignMetrics([
      column('a', {
        metrics: [
          { type: 'delais', label: 'Délai de saisie', before: 10, after: 9, unit: 'minutes', evidence: 'declare' },
          { type: 'delais', label: 'Délai de réponse', before: 20, after: 5, unit: 'jours', evidence: 'audite', method: 'Audit', sourceUrl: 'https://exemple.example.fr/audit' },
        ],
      }),
      column('b', { metrics: [{ type: 'delais', label: 'Temps de traitement', before: 10, after: 7, unit: 'jours', evidence: 'declare' }, { type: 'productivite', label: 'Dossiers par agent', before: 10, after: 15, unit: 'dossiers', evidence: 'mesure', method: 'Relevé' }] }),
    ]);
    expect(rows.map((r) => r.label)).toEqual(['Réduction des délais', 'Gain de productivité']);
    const [delais, productivite] = rows;
    expect(delais!.cells[0]!.metrics!.map((m) => [m.change, m.evidence])).toEqual([
      ['−75\u202f%', 'Audité'],
      ['−10\u202f%', 'Déclaré'],
    ]);
    expect(delais!.cells[1]!.text).toBe('Temps de traitement : 10\u202fjours → 7\u202fjours (−30\u202f%, déclaré)');
    expect(productivite!.cells[0]).toEqual({ text: NOT_DECLARED, missing: true });
    expect(productivite!.cells[1]!.metrics![0]!.change).toBe('+50\u202f%');
  });

  it('says when there is no « before » to compute a change from', () => {
    const [r] = alignMetrics([column('a', { metrics: [{ type: 'erreurs', label: 'Erreurs', after: 3, unit: '%', evidence: 'mesure', method: 'Relevé' }] })]);
    expect(r!.cells[0]!.metrics![0]).toMatchObject({ evolution: `3\u202f% (avant : ${NOT_DECLARED})` });
    expect(r!.cells[0]!.metrics![0]!.change).toBeUndefined();
  });

  it('gives the impact group one « non renseigné » row when no solution declares a metric', () => {
    const t = comparisonTable([column('a', { metrics: [] }), column('b', { metrics: [] })]);
    expect(t.groups.find((g) => g.id === 'impact')!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([[NOT_DECLARED, NOT_DECLARED]]);
  });
});

describe('comparisonColumn', () => {
  it('carries nothing the fiche does not publish (no dossier number)', () => {
    const c = column('a', { dossierNumber: 123456 });
    expect(JSON.stringify(c)).not.toContain('123456');
  });
  it('reads the call’s title from the call', () => {
    expect(column('a').cells.call).toEqual({ text: 'AMI Solutions d’IA pour le public' });
  });
});

describe('the exports', () => {
  const table = comparisonTable([column('alpha', { summary: '=HYPERLINK("https://example.org")' }), column('beta', { costs: { pricingModel: 'licence', deploymentCost: 10 } })]);

  it('CSV: the table’s columns, one row per criterion, formulas disarmed', () => {
    const csv = comparisonCsv(table);
    expect(csv.startsWith('\ufeff')).toBe(true);
    const [header, ...lines] = csv.slice(1).trim().split('\r\n');
    expect(header).toBe('Rubrique,Critère,alpha,beta');
    expect(lines.length).toBe(table.groups.flatMap((g) => g.rows).length);
    expect(lines[0]).toBe(`En bref,Résumé,"'=HYPERLINK(""https://example.org"")",Une solution d’exemple pour les tests.`);
    expect(lines.some((l) => l.startsWith('Coûts,Coût indicatif de déploiement,1'))).toBe(true);
  });

  it('JSON: the same columns keyed by identifier, absolute links', () => {
    const doc = JSON.parse(comparisonJson(table, { url: 'https://site.example/comparer/?ids=alpha,beta', site: 'https://site.example' }));
    expect(doc.columns.map((c: { key: string }) => c.key)).toEqual(['rubrique', 'critere', 'alpha', 'beta']);
    expect(doc.columns[2].url).toBe('https://site.example/solutions/alpha/');
    expect(doc.rows[0]).toEqual({ rubrique: 'En bref', critere: 'Résumé', alpha: '=HYPERLINK("https://example.org")', beta: 'Une solution d’exemple pour les tests.' });
    expect(doc.rows.find((r: { critere: string }) => r.critere === 'Coût annuel de maintenance')).toBeUndefined();
  });
});
