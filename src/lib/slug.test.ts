import { describe, expect, it } from 'vitest';
import { RESERVED_LAUREATE_SLUGS, slugify } from './slug.ts';

describe('slugify', () => {
  it('folds accents, ligatures and punctuation into hyphens', () => {
    expect(slugify('Œuvre d’Élan : IA & co')).toBe('oeuvre-d-elan-ia-co');
  });

  it('never gives a slug the site reserves for its own addresses', () => {
    for (const reserved of RESERVED_LAUREATE_SLUGS) expect(slugify(reserved)).not.toBe(reserved);
    expect(slugify('Page')).toBe('page-solution');
    expect(slugify('Page blanche')).toBe('page-blanche');
  });
});
