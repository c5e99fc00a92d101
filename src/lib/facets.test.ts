import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { laureateSchema } from '../schemas/laureate.ts';
import { validLaureate } from '../../tests/factories.ts';
import { describeSelection, facetCounts, facetShapes, facets, facetValues, isPlainListing, matches, parseState, serialiseState } from './facets.ts';
import { field } from '../schemas/fields.ts';
import { EVIDENCE_LEVELS, SECNUMCLOUD_STATUSES } from '../schemas/taxonomy.ts';

const ALL = facets([
  { id: 'ami-ia-2019', shortTitle: 'AMI IA (2019)' },
  { id: 'solutions-ia-2025', shortTitle: 'Solutions d’IA (2025)' },
]);
const parse = (o: Record<string, unknown> = {}) => laureateSchema(() => z.string()).parse(validLaureate(o));

describe('facetValues', () => {
  it('reads every facet from a laureate, with the best evidence level', () => {
    const v = facetValues(
      parse({
        metrics: [
          { type: 'delais', label: 'A', after: 1, unit: 'j', evidence: 'declare' },
          { type: 'delais', label: 'B', after: 1, unit: 'j', evidence: 'mesure', method: 'm' },
        ],
        dataSecurity: { secNumCloud: 'qualifie', dataLocation: 'france', onPremise: true, certifications: [] },
        openness: { openSource: false },
      }),
    );
    expect(v).toEqual({
      appel: ['solutions-ia-2025'],
      categorie: ['solutions-applicatives'],
      thematique: ['agents-conversationnels'],
      secnumcloud: ['qualifie'],
      donnees: ['france'],
      'sur-site': ['oui'],
      'open-source': ['non'],
      centrale: [],
      public: ['collectivites-territoriales'],
      maturite: ['industrialisee'],
      structure: ['entreprise'],
      rgaa: ['partiellement-conforme'],
      preuve: ['mesure'],
    });
  });
  it('« Achetable via une centrale d’achat » is « oui » only for a fiche with such a route, never « non »', () => {
    const route = (kind: string) => ({ access: { routes: [{ kind, name: 'UGAP', checkedOn: '2026-11-02' }] } });
    expect(facetValues(parse(route('centrale-achat'))).centrale).toEqual(['oui']);
    expect(facetValues(parse(route('marche-propre'))).centrale).toEqual([]);
    expect(facetValues(parse()).centrale).toEqual([]);
  });

  it('leaves unknown facts out', () => {
    const v = facetValues(parse({ metrics: [], dataSecurity: undefined, openness: undefined, rgaa: undefined, maturity: undefined }));
    expect(v.preuve).toEqual([]);
    expect(v.secnumcloud).toEqual([]);
    expect(v['open-source']).toEqual([]);
  });
});

describe('a facet', () => {
  it('is one object: key, legend from the field registry, options, and the values of a laureate', () => {
    const l = parse({ dataSecurity: { secNumCloud: 'qualifie', certifications: [] } });
    const secnumcloud = ALL.find((f) => f.key === 'secnumcloud')!;
    expect(secnumcloud.label).toBe(field('dataSecurity.secNumCloud').label);
    expect(secnumcloud.options.map((o) => o.value)).toEqual([...SECNUMCLOUD_STATUSES.values]);
    expect(secnumcloud.values(l)).toEqual(['qualifie']);
    expect(ALL.find((f) => f.key === 'sur-site')!.label).toBe('Installable sur site');
  });

  it('ranks evidence levels in their enum’s order', () => {
    const preuve = ALL.find((f) => f.key === 'preuve')!;
    const metric = (evidence: string) => ({ type: 'delais', label: evidence, after: 1, unit: 'j', evidence, method: 'm', ...(evidence === 'audite' ? { sourceUrl: 'https://exemple.fr/' } : {}) });
    expect(preuve.values(parse({ metrics: [metric('audite'), metric('declare'), metric('mesure')] }))).toEqual(['audite']);
    expect(preuve.options.map((o) => o.value)).toEqual([...EVIDENCE_LEVELS.values]);
  });
});

describe('matches and counts', () => {
  const a = { appel: ['x'], thematique: ['t1', 't2'], secnumcloud: ['qualifie'] };
  const b = { appel: ['x'], thematique: ['t2'], secnumcloud: ['non'] };
  const c = { appel: ['y'], thematique: ['t1'], secnumcloud: [] };
  const mini = [
    { key: 'appel', label: 'Appel', options: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }] },
    { key: 'thematique', label: 'Thématique', options: [{ value: 't1', label: 'T1' }, { value: 't2', label: 'T2' }] },
    { key: 'secnumcloud', label: 'SNC', options: [{ value: 'qualifie', label: 'Q' }, { value: 'non', label: 'N' }] },
  ];
  it('is OR within a facet and AND across facets', () => {
    expect(matches(a, { thematique: ['t1', 'zzz'] })).toBe(true);
    expect(matches(b, { thematique: ['t1'] })).toBe(false);
    expect(matches(a, { thematique: ['t2'], secnumcloud: ['non'] })).toBe(false);
    expect(matches(c, {})).toBe(true);
  });
  it('counts each option with the other facets applied', () => {
    expect(facetCounts([a, b, c], { appel: ['x'] }, mini)).toEqual({
      appel: { x: 2, y: 1 },
      thematique: { t1: 1, t2: 2 },
      secnumcloud: { qualifie: 1, non: 1 },
    });
  });
});

describe('facetShapes', () => {
  it('hands the browser each facet’s key, legend and options, and nothing that reads a laureate', () => {
    const shapes = facetShapes(ALL);
    expect(shapes.map((f) => f.key)).toEqual(ALL.map((f) => f.key));
    expect(JSON.parse(JSON.stringify(shapes))).toEqual(shapes);
    expect(shapes.every((f) => Object.keys(f).sort().join() === 'key,label,options')).toBe(true);
  });
});

describe('URL state', () => {
  it('round-trips query, facets, sort and page', () => {
    const state = { query: 'transcription', selection: { secnumcloud: ['qualifie', 'hebergeable'], public: ['collectivites-territoriales'] }, sort: 'nom' as const, page: 3 };
    const search = serialiseState(state, ALL);
    expect(search).toBe('?q=transcription&secnumcloud=qualifie&secnumcloud=hebergeable&public=collectivites-territoriales&tri=nom&page=3');
    expect(parseState(search, ALL)).toEqual(state);
    expect(serialiseState({ ...state, page: 1 }, ALL)).not.toContain('page');
  });
  it('drops unknown facets and options, and defaults the sort and the page', () => {
    expect(parseState('?secnumcloud=inconnu&pirate=1&appel=ami-ia-2019&tri=zzz&page=0', ALL)).toEqual({ query: '', selection: { appel: ['ami-ia-2019'] }, sort: 'recent', page: 1 });
    expect(parseState('?page=2x', ALL).page).toBe(1);
    expect(parseState('?page=-2', ALL).page).toBe(1);
  });
  it('tells the plain list (what the static pages show) from a filtered one', () => {
    expect(isPlainListing(parseState('?page=4', ALL))).toBe(true);
    expect(isPlainListing(parseState('?tri=nom', ALL))).toBe(false);
    expect(isPlainListing(parseState('?q=rag', ALL))).toBe(false);
    expect(isPlainListing(parseState('?appel=ami-ia-2019', ALL))).toBe(false);
  });
  it('describes the active filters in French', () => {
    const state = parseState('?q=rag&secnumcloud=qualifie&secnumcloud=hebergeable', ALL);
    expect(describeSelection(state, ALL)).toBe('« rag », SecNumCloud : Qualifié SecNumCloud ou Hébergeable sur une offre qualifiée SecNumCloud');
  });
});
