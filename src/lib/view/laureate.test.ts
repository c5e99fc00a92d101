import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { laureateSchema } from '../../schemas/laureate.ts';
import { validLaureate } from '../../../tests/factories.ts';
import {
  classificationTags,
  laureateCard,
  laureateSections,
  metricRows,
  sortLaureates,
  trustBadges,
  lastReviewed,
  NO_ROUTE_YET,
  PROCUREMENT_REMINDER,
  type CallLike,
  type LaureateLike,
} from './laureate.ts';

const schema = laureateSchema(() => z.string());
const parse = (overrides: Record<string, unknown> = {}) => schema.parse(validLaureate(overrides));
const call2025: CallLike = { id: 'solutions-ia-2025', data: { title: 'AMI Solutions d’IA pour le public', shortTitle: 'Solutions d’IA (2025)', year: 2025, kind: 'solutions-marche' } };
const call2019: CallLike = { id: 'ami-ia-2019', data: { title: 'AMI IA saison 2', shortTitle: 'AMI IA (2019)', year: 2019, kind: 'projets-administration' } };
const entry = (id: string, overrides: Record<string, unknown> = {}): LaureateLike => ({ id, data: parse(overrides) });

describe('trustBadges', () => {
  it('shows SecNumCloud, data location, on-premise, open source and RGAA', () => {
    const data = parse({
      dataSecurity: { secNumCloud: 'qualifie', dataLocation: 'france', onPremise: true, certifications: [] },
      openness: { openSource: true },
      rgaa: 'totalement-conforme',
    });
    expect(trustBadges(data)).toEqual([
      { label: 'Qualifié SecNumCloud', kind: 'success' },
      { label: 'Données : France', kind: 'neutral' },
      { label: 'Installable sur site', kind: 'neutral' },
      { label: 'Open source', kind: 'success' },
      { label: 'Totalement conforme au RGAA', kind: 'success' },
    ]);
  });
  it('warns about data stored outside the EU', () => {
    const data = parse({ dataSecurity: { secNumCloud: 'non', dataLocation: 'hors-ue', certifications: [] } });
    expect(trustBadges(data).slice(0, 2)).toEqual([
      { label: 'Non qualifié SecNumCloud', kind: 'neutral' },
      { label: 'Données : Hors Union européenne', kind: 'warning' },
    ]);
  });
  it('shows nothing for an administration project without those facts', () => {
    const data = schema.parse({ name: 'P', summary: 'S', call: 'ami-ia-2019', submitter: { name: 'DGS', kind: 'organisme-public' }, selectedOn: '2019-07-17' });
    expect(trustBadges(data)).toEqual([]);
  });
});

describe('laureateCard', () => {
  it('links to the laureate and carries category and thematic tags', () => {
    const card = laureateCard(entry('exemple', { thematics: ['agents-conversationnels', 'autre'] }), call2025);
    expect(card).toMatchObject({
      href: '/solutions/exemple/',
      title: 'Solution exemple',
      submitter: 'Exemple SAS',
      call: 'Solutions d’IA (2025)',
      demo: true,
      tags: ['Solution applicative', 'Agents conversationnels', 'Autre'],
    });
    expect(card.badges).toHaveLength(2);
  });
});

describe('classificationTags', () => {
  it('links the category and thematic pages', () => {
    expect(classificationTags(parse())).toEqual([
      { label: 'Solution applicative', href: '/categories/solutions-applicatives/' },
      { label: 'Agents conversationnels', href: '/thematiques/agents-conversationnels/' },
    ]);
  });
});

describe('metricRows', () => {
  it('formats values with units, the change and the evidence level', () => {
    const data = parse({
      metrics: [
        { type: 'delais', label: 'Délai', before: 12, after: 3, unit: 'jours', method: 'Relevé', perimeter: '8 communes', evidence: 'mesure' },
        { type: 'productivite', label: 'Part automatisée', after: 62, unit: '%', evidence: 'declare' },
      ],
    });
    expect(metricRows(data)).toEqual([
      { type: 'Réduction des délais', label: 'Délai', before: '12\u202fjours', after: '3\u202fjours', change: '−75\u202f%', evidence: 'Mesuré', evidenceLevel: 'mesure', method: 'Relevé', perimeter: '8 communes' },
      { type: 'Gain de productivité', label: 'Part automatisée', before: 'Non renseigné', after: '62\u202f%', change: '—', evidence: 'Déclaré', evidenceLevel: 'declare' },
    ]);
  });
});

describe('laureateSections', () => {
  it('lists only the sections that have content, in reading order', () => {
    const ids = laureateSections(entry('exemple'), call2025).map((s) => s.id);
    expect(ids).toEqual(['porteur', 'usage', 'couts', 'donnees-securite', 'accessibilite', 'ouverture', 'acces', 'provenance']);
  });

  it('« Comment y accéder » on a market fiche: the reminder of article 2 always, « non renseigné » and how to add a route when none is known', () => {
    const none = laureateSections(entry('x'), call2025).find((s) => s.id === 'acces')!;
    expect(none.paragraphs).toEqual([PROCUREMENT_REMINDER]);
    expect(none.rows).toEqual([{ term: 'Voies d’achat ou d’accès', value: 'non renseigné' }]);
    expect(none.screenNotes).toEqual([NO_ROUTE_YET]);
    const withRoute = laureateSections(
      entry('x', {
        access: {
          routes: [{ kind: 'centrale-achat', name: 'UGAP', reference: '12345', url: 'https://www.ugap.fr/offre/12345', checkedOn: '2026-11-02' }],
          reversibility: { exportFormats: ['CSV', 'JSON'], exitConditions: 'Export complet sous 30 jours.' },
          contactUrl: 'https://exemple.example.fr/contact',
        },
      }),
      call2025,
    ).find((s) => s.id === 'acces')!;
    expect(withRoute.paragraphs).toEqual([PROCUREMENT_REMINDER]);
    expect(withRoute.screenNotes).toEqual([]);
    expect(withRoute.rows).toEqual([
      { term: 'Centrale d’achat — UGAP', value: 'Référence 12345 · constatée le 2 novembre 2026', href: 'https://www.ugap.fr/offre/12345' },
      { term: 'Formats d’export des données', value: 'CSV, JSON', items: ['CSV', 'JSON'] },
      { term: 'Conditions de sortie', value: 'Export complet sous 30 jours.' },
      { term: 'Contact professionnel de l’éditeur', value: 'https://exemple.example.fr/contact', href: 'https://exemple.example.fr/contact' },
    ]);
  });

  it('a 2019 project has « Comment y accéder » only when it says how to reuse it, without the 2025 reminder', () => {
    const project = (o: Record<string, unknown>) => laureateSections(entry('p', { call: 'ami-ia-2019', ...o }), call2019).find((s) => s.id === 'acces');
    expect(project({})).toBeUndefined();
    expect(project({ access: { reuse: 'Code publié sous licence MIT.' } })).toMatchObject({ paragraphs: [], screenNotes: [], rows: [{ term: 'Réutiliser le code ou les résultats', value: 'Code publié sous licence MIT.' }] });
  });

  it('says under each section who declared its facts, and marks what the team verified, when and against what', () => {
    const sections = laureateSections(
      entry('x', {
        verifications: [
          { field: 'dataSecurity.secNumCloud', on: '2026-10-01', source: 'https://cyber.gouv.fr/a' },
          { field: 'dataSecurity.secNumCloud', on: '2026-11-03', source: 'https://cyber.gouv.fr/b' },
        ],
      }),
      call2025,
    );
    const security = sections.find((s) => s.id === 'donnees-securite')!;
    expect(security.rows.find((r) => r.term === 'SecNumCloud')!.verified).toEqual({ on: '3 novembre 2026', iso: '2026-11-03', source: 'https://cyber.gouv.fr/b', label: 'Statut SecNumCloud' });
    expect(security.rows.find((r) => r.term === 'Localisation des données')!.verified).toBeUndefined();
    expect(security.provenance).toEqual({ declared: 'Déclaré par la structure dans sa candidature (sélection de juin 2025)', verified: [security.rows[0]!.verified] });
    expect(sections.find((s) => s.id === 'couts')!.provenance!.verified).toEqual([]);
    expect(sections.find((s) => s.id === 'provenance')!.provenance).toBeUndefined();
    expect(lastReviewed(entry('x', { verifications: [{ field: 'rgaa', on: '2026-11-03', source: 'https://x.fr' }] }).data)).toEqual(new Date('2026-11-03'));
  });

  it('formats costs in euros and person-days', () => {
    const couts = laureateSections(entry('x', { costs: { pricingModel: 'licence', deploymentCost: 40000, deploymentEffortDays: 25, annualMaintenanceCost: 12000 } }), call2025).find((s) => s.id === 'couts');
    expect(couts?.rows).toEqual([
      { term: 'Modèle économique', value: 'Licence' },
      { term: 'Coût indicatif de déploiement', value: '40\u202f000\u00a0€ HT' },
      { term: 'Charge de déploiement', value: '25 jours-homme' },
      { term: 'Coût annuel de maintenance', value: '12\u202f000\u00a0€ HT' },
    ]);
  });

  it('calls the submitter an administration for the 2018/2019 calls and links the call', () => {
    const data = schema.parse({ name: 'P', summary: 'S', call: 'ami-ia-2019', submitter: { name: 'DGS', kind: 'organisme-public' }, approach: 'Classification', selectedOn: '2019-07-17', openness: { repositoryUrl: 'https://github.com/numerique-gouv/ami-ia-dgs' } });
    const sections = laureateSections({ id: 'p', data }, call2019);
    expect(sections[0]?.title).toBe('Administration porteuse');
    expect(sections.find((s) => s.id === 'ouverture')?.rows).toEqual([
      { term: 'Dépôt du code source', value: 'https://github.com/numerique-gouv/ami-ia-dgs', href: 'https://github.com/numerique-gouv/ami-ia-dgs' },
    ]);
    expect(sections.find((s) => s.id === 'provenance')?.rows[0]).toEqual({ term: 'Appel', value: 'AMI IA saison 2', href: '/appels/ami-ia-2019/' });
  });

  it('never shows the DS dossier number (internal, kept in the front matter for re-ingestion)', () => {
    const l = entry('plume', { dossierNumber: 22811437 });
    expect(JSON.stringify([laureateSections(l, call2025), laureateCard(l, call2025)])).not.toContain('22811437');
  });

  it('lists references with kind, year and users', () => {
    const refs = laureateSections(entry('x', { references: [{ organisation: 'Ville A', kind: 'collectivite-territoriale', since: 2023, users: 1200 }] }), call2025).find((s) => s.id === 'references');
    expect(refs?.rows).toEqual([{ term: 'Ville A', value: 'Collectivité territoriale · depuis 2023 · 1\u202f200 utilisateurs' }]);
  });
});

describe('sortLaureates', () => {
  it('puts the most recent selection first, then sorts by French name', () => {
    const list = [
      entry('b', { name: 'Écrire', selectedOn: '2025-06-02' }),
      entry('a', { name: 'Zèbre', selectedOn: '2025-06-02' }),
      entry('c', { name: 'Ancien', selectedOn: '2019-07-17' }),
      entry('d', { name: 'arbre', selectedOn: '2025-06-02' }),
    ];
    expect(sortLaureates(list).map((l) => l.data.name)).toEqual(['arbre', 'Écrire', 'Zèbre', 'Ancien']);
  });
});
