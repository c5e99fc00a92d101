import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WEIGHTS, cosine, pairScore, similarSolutions, terms, tfIdf, type SimilarInput } from './similar.ts';
import { compareNames } from './view/order.ts';
import { AUDIENCES, THEMATICS } from '../schemas/taxonomy.ts';

const item = (id: string, data: Partial<SimilarInput['data']> = {}, body = ''): SimilarInput => ({
  id,
  body,
  data: { name: id, summary: '', thematics: [], audiences: [], category: 'solutions-applicatives', ...data },
});

describe('terms', () => {
  it('lower-cases, drops stop words and short words, stems French words to one term', () => {
    const { stems, words } = terms('Les traductions et la traduction des courriers de l’administration');
    expect(stems).toEqual(['traduct', 'traduct', 'courri', 'administr']);
    expect(words.get('traduct')).toBe('traductions');
  });
});

describe('tfIdf and cosine', () => {
  it('gives 1 for the same text, 0 for texts with no word in common, and leaves out words most texts use', () => {
    const [a, b, c, d] = tfIdf([['traduct', 'courri'], ['traduct', 'courri'], ['vigi', 'subvent'], ['agent', 'convers']]);
    expect(cosine(a!, b!)).toBeCloseTo(1);
    expect(cosine(a!, c!)).toBe(0);
    const common = tfIdf([['x', 'a'], ['x', 'b'], ['x', 'c'], ['y', 'd']]);
    expect(common[0]!.has('x')).toBe(false);
    expect(d!.size).toBe(2);
  });
});

describe('pairScore', () => {
  const secure = { secNumCloud: 'qualifie' as const, onPremise: true, dataLocation: 'france' as const, certifications: [] };
  it('counts shared thematics, audiences and hosting guarantees, and says so', () => {
    const a = item('a', { thematics: ['traduction-automatique', 'agents-conversationnels'], audiences: ['collectivites-territoriales', 'administrations-centrales'], dataSecurity: secure }).data;
    const b = item('b', { thematics: ['traduction-automatique'], audiences: ['collectivites-territoriales'], dataSecurity: secure }).data;
    const { score, reasons } = pairScore(a, b, 0);
    expect(reasons).toEqual(['même thématique : Traduction', 'même public : collectivités territoriales', 'aussi qualifiée SecNumCloud', 'aussi installable sur site', 'données aussi hébergées : France']);
    expect(score).toBeCloseTo(WEIGHTS.thematic + WEIGHTS.category + WEIGHTS.audiences / 2 + WEIGHTS.secNumCloud + WEIGHTS.onPremise + WEIGHTS.dataLocation);
  });
  it('says « même catégorie » only when no thematic is shared, and never rewards data outside the EU', () => {
    const out = { secNumCloud: 'non' as const, dataLocation: 'hors-ue' as const, certifications: [] };
    const { reasons } = pairScore(item('a', { dataSecurity: out }).data, item('b', { dataSecurity: out }).data, 0);
    expect(reasons).toEqual(['même catégorie']);
  });
  it('adds the texts’ similarity', () => {
    const a = item('a', { category: undefined }).data;
    expect(pairScore(a, a, 0.5).score).toBeCloseTo(WEIGHTS.text * 0.5);
  });
});

describe('similarSolutions', () => {
  const items = [
    item('traduvia', { name: 'Traduvia', thematics: ['traduction-automatique'] }, 'Traduction automatique des courriers pour les usagers étrangers.'),
    item('polyglotte', { name: 'Polyglotte', thematics: ['traduction-automatique'] }, 'Accueil des usagers étrangers avec traduction instantanée des échanges.'),
    item('babel', { name: 'Babel', thematics: ['traduction-automatique'] }, 'Traduction des documents administratifs.'),
    item('vigie', { name: 'Vigie', thematics: ['detection-fraude-anomalies'], category: 'briques-technologiques' }, 'Détection des fraudes aux subventions.'),
    item('sentinelle', { name: 'Sentinelle', thematics: ['detection-fraude-anomalies'], category: 'briques-technologiques' }, 'Détection des anomalies dans les subventions versées.'),
  ];

  it('ranks the fiches that share most first, with their reasons, and never the fiche itself', () => {
    const similar = similarSolutions(items);
    const traduvia = similar.get('traduvia')!;
    expect(traduvia.map((s) => s.id).slice(0, 2)).toEqual(['polyglotte', 'babel']);
    expect(traduvia[0]!.reasons[0]).toBe('même thématique : Traduction');
    expect(traduvia[0]!.reasons.at(-1)).toMatch(/^(description proche|mots en commun) : /);
    expect(traduvia[0]!.reasons.at(-1)).toContain('étrangers');
    expect(traduvia.map((s) => s.id)).not.toContain('traduvia');
    expect(similar.get('vigie')![0]!.id).toBe('sentinelle');
    for (const list of similar.values()) for (const s of list) expect(s.reasons.length).toBeGreaterThan(0);
  });

  it('keeps at most five, and is deterministic whatever the input order', () => {
    const many = Array.from({ length: 9 }, (_, k) => item(`s${k}`, { name: `Solution ${9 - k}`, thematics: ['traduction-automatique'] }, 'Traduction'));
    const a = similarSolutions(many);
    const b = similarSolutions([...many].reverse());
    expect(a.get('s0')!.length).toBe(5);
    expect(a.get('s0')).toEqual(b.get('s0'));
    // Same score: by name.
    expect(a.get('s0')!.map((s) => s.name)).toEqual(['Solution 1', 'Solution 2', 'Solution 3', 'Solution 4', 'Solution 5']);
  });
});

describe('similarSolutions skips the pairs that cannot rank', () => {
  /** The reference: every pair scored with pairScore, sorted by score, name, identifier. */
  function everyPair(items: readonly SimilarInput[], max = 5): Map<string, string[]> {
    const vectors = tfIdf(items.map((i) => terms(`${i.data.name} ${i.data.summary} ${i.body}`).stems));
    return new Map(
      items.map((a, i) => [
        a.id,
        items
          .map((b, j) => ({ b, score: i === j ? 0 : Math.round(pairScore(a.data, b.data, cosine(vectors[i]!, vectors[j]!)).score * 1000) / 1000 }))
          .filter(({ score }) => score > 0)
          .sort((x, y) => y.score - x.score || compareNames(x.b.data, y.b.data) || x.b.id.localeCompare(y.b.id))
          .slice(0, max)
          .map(({ b, score }) => `${b.id} ${score}`),
      ]),
    );
  }
  const THEMES = THEMATICS.slice(0, 4).map((t) => t.slug);
  const AUDS = AUDIENCES.values.slice(0, 3);
  const WORDS = ['courrier', 'réponse', 'traduction', 'agent', 'réunion', 'compte', 'rendu', 'usager', 'dossier', 'santé', 'vigilance', 'subvention'];
  const catalogue = fc.array(
    fc.record({
      thematics: fc.subarray(THEMES),
      audiences: fc.subarray(AUDS),
      category: fc.constantFrom('solutions-applicatives', 'briques-technologiques', undefined),
      secNumCloud: fc.constantFrom('qualifie' as const, 'non' as const),
      onPremise: fc.boolean(),
      dataLocation: fc.constantFrom('france' as const, 'ue' as const, 'hors-ue' as const),
      words: fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }),
      name: fc.constantFrom('Alpha', 'Beta', 'Gamma', 'Delta'),
    }),
    { minLength: 2, maxLength: 40 },
  );
  it('gives the same lists as scoring every pair', () => {
    fc.assert(
      fc.property(catalogue, (rows) => {
        const items = rows.map((r, i) =>
          item(`f${i}`, { name: r.name, thematics: r.thematics, audiences: r.audiences, category: r.category, dataSecurity: { secNumCloud: r.secNumCloud, onPremise: r.onPremise, dataLocation: r.dataLocation, certifications: [] } }, r.words.join(' ')),
        );
        const got = new Map([...similarSolutions(items)].map(([id, links]) => [id, links.map((l) => `${l.id} ${l.score}`)]));
        expect(got).toEqual(everyPair(items));
      }),
      { numRuns: 150 },
    );
  });
});
