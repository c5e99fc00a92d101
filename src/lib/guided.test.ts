import { describe, expect, it } from 'vitest';
import { QUESTIONS, criteriaOf, parseAnswers, serialiseAnswers, shortlist, type GuideFacts } from './guided.ts';

const facts = (id: string, o: Partial<GuideFacts> = {}): GuideFacts => ({ id, name: id, submitter: 'S', text: '', thematics: [], audiences: [], gdpr: false, ...o });

describe('the guide’s questions', () => {
  it('asks at least four questions, each answerable', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(4);
    for (const q of QUESTIONS) expect(q.legend.length).toBeGreaterThan(5);
  });
  it('reads and writes its answers in the address, dropping what it does not know', () => {
    const a = parseAnswers('?hebergement=secnumcloud&hebergement=inconnu&public=collectivites-territoriales&public=operateurs-etat&deploiement=50000&q=courrier');
    expect(a).toEqual({ q: ['courrier'], public: ['collectivites-territoriales'], hebergement: ['secnumcloud'], deploiement: ['50000'] });
    expect(parseAnswers(serialiseAnswers(a))).toEqual(a);
    expect(serialiseAnswers({})).toBe('');
  });
});

describe('marks', () => {
  const mark = (search: string, f: GuideFacts) => shortlist([f], parseAnswers(search))[0]!.marks.map((m) => m.mark);

  it('« not declared » is « ? », never « ✗ »', () => {
    expect(mark('?hebergement=secnumcloud', facts('a'))).toEqual(['unknown']);
    expect(mark('?hebergement=secnumcloud', facts('a', { secNumCloud: 'non', certifications: [] }))).toEqual(['unmet']);
    expect(mark('?hebergement=secnumcloud', facts('a', { secNumCloud: 'qualifie', certifications: [] }))).toEqual(['met']);
    expect(mark('?hebergement=secnumcloud', facts('a', { secNumCloud: 'hebergeable', certifications: [] }))).toEqual(['met']);
    expect(mark('?hebergement=sur-site&hebergement=ue', facts('a', { onPremise: false, dataLocation: 'france' }))).toEqual(['unmet', 'met']);
    expect(mark('?deploiement=10000&annuel=5000', facts('a', { deploymentCost: 8000 }))).toEqual(['met', 'unknown']);
    expect(mark('?donnees=sante', facts('a', { certifications: ['iso-27001'] }))).toEqual(['unmet']);
    expect(mark('?donnees=sante&donnees=personnelles', facts('a', { certifications: [] }))).toEqual(['unknown', 'unknown']);
    expect(mark('?public=collectivites-territoriales', facts('a'))).toEqual(['unknown']);
    expect(mark('?thematique=traduction-automatique&thematique=transcription-vocale', facts('a', { thematics: ['transcription-vocale'] }))).toEqual(['met']);
    expect(mark('?q=courrier%20usagers', facts('a', { text: 'Réponse aux courriers des usagers' }))).toEqual(['met']);
  });
});

describe('shortlist', () => {
  it('ranks: none missed first, then most met; unknown counts neither way and is never hidden; ties by name', () => {
    const all = [
      facts('unmet', { secNumCloud: 'non', certifications: [], onPremise: true }),
      facts('silent'),
      facts('both', { secNumCloud: 'qualifie', certifications: [], onPremise: true }),
      facts('one', { secNumCloud: 'qualifie', certifications: [] }),
      facts('aaa-one', { onPremise: true }),
    ];
    const ranked = shortlist(all, parseAnswers('?hebergement=secnumcloud&hebergement=sur-site'));
    expect(ranked.map((r) => r.facts.id)).toEqual(['both', 'aaa-one', 'one', 'silent', 'unmet']);
    expect(ranked.find((r) => r.facts.id === 'silent')).toMatchObject({ met: 0, unmet: 0, unknown: 2 });
    expect(ranked).toHaveLength(all.length);
    expect(criteriaOf({})).toEqual([]);
  });
});
