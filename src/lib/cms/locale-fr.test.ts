import { describe, expect, it } from 'vitest';
import en from 'decap-cms-locales/dist/esm/en/index.js';
import fr from 'decap-cms-locales/dist/esm/fr/index.js';
import { completePhrases, frenchPhrases, FRENCH_COMPLEMENT, type Phrases } from './locale-fr.ts';

const keys = (o: Phrases, prefix = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));

describe('the French locale of the editing interface', () => {
  const complete = frenchPhrases(fr as Phrases);

  it('has every string of Decap’s English locale (what Decap’s French lacks comes from our table)', () => {
    const have = new Set(keys(complete));
    expect(keys(en as Phrases).filter((k) => !have.has(k))).toEqual([]);
  });

  it('adds only strings Decap lacks, never replacing its translations, and keeps the placeholders', () => {
    expect(completePhrases(fr as Phrases, FRENCH_COMPLEMENT)).toMatchObject(fr as Phrases);
    expect((complete.collection as Phrases & { collectionTop: Phrases }).collectionTop.newButton).toBe('Ajouter : %{collectionLabel}');
    const shipped = new Set(keys(fr as Phrases));
    expect(keys(FRENCH_COMPLEMENT).filter((k) => shipped.has(k))).toEqual([]);
    expect(keys(FRENCH_COMPLEMENT).filter((k) => !keys(en as Phrases).includes(k))).toEqual([]);
    const at = (o: Phrases, k: string) => k.split('.').reduce<Phrases | string>((x, p) => (x as Phrases)[p]!, o) as string;
    for (const k of keys(FRENCH_COMPLEMENT)) {
      const placeholders = (s: string) => (s.match(/%\{\w+\}/g) ?? []).sort();
      expect(placeholders(at(FRENCH_COMPLEMENT, k)), k).toEqual(placeholders(at(en as Phrases, k)));
    }
  });
});
