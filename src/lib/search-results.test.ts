import { describe, expect, it } from 'vitest';
import { countMessage, decodeEntities, excerptParts, resultView } from './search-results.ts';

describe('excerptParts', () => {
  it('splits marks and decodes entities, dropping any other tag', () => {
    expect(excerptParts('La <mark>transcription</mark> des &lt;réunions&gt; &amp; <b>conseils</b>')).toEqual([
      { text: 'La ', mark: false },
      { text: 'transcription', mark: true },
      { text: ' des <réunions> & conseils', mark: false },
    ]);
  });
  it('keeps a script-looking text as text', () => {
    const parts = excerptParts('&lt;script&gt;alert(1)&lt;/script&gt; <script>alert(2)</script>');
    expect(parts).toEqual([{ text: '<script>alert(1)</script> alert(2)', mark: false }]);
  });
  it('decodes numeric entities and leaves unknown ones', () => {
    expect(decodeEntities('&#233;t&#xE9; &foo;')).toBe('été &foo;');
  });
});

describe('resultView', () => {
  it('builds a result with its tags', () => {
    expect(resultView({ url: '/solutions/plume/', excerpt: 'x', meta: { title: 'Plume', type: 'Solution', categorie: 'Solution applicative', thematiques: 'Synthèse documentaire · Agents conversationnels', secnumcloud: 'Hébergeable', structure: 'Néophrase' } })).toEqual({
      href: '/solutions/plume/',
      title: 'Plume',
      kind: 'Solution',
      excerpt: [{ text: 'x', mark: false }],
      tags: ['Solution applicative', 'Synthèse documentaire', 'Agents conversationnels', 'Hébergeable'],
      detail: 'Néophrase',
      selection: { id: 'plume', name: 'Plume' },
    });
  });
  it('gives the « Ajouter à ma sélection » button to laureates’ results only', () => {
    expect(resultView({ url: '/thematiques/traduction-automatique/', excerpt: '', meta: { title: 'Traduction' } })!.selection).toBeUndefined();
    expect(resultView({ url: '/solutions/', excerpt: '', meta: { title: 'Toutes les solutions' } })!.selection).toBeUndefined();
  });
  it('refuses a result URL that leaves the site', () => {
    expect(resultView({ url: 'javascript:alert(1)', excerpt: '', meta: {} })).toBeUndefined();
    expect(resultView({ url: '//evil.example/', excerpt: '', meta: {} })).toBeUndefined();
  });
});

describe('countMessage', () => {
  it('speaks French', () => {
    expect(countMessage(0, 'rag')).toBe('Aucun résultat pour « rag ».');
    expect(countMessage(1, 'rag')).toBe('1 résultat pour « rag ».');
    expect(countMessage(3, 'rag')).toBe('3 résultats pour « rag ».');
  });
});
