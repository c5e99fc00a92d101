import { describe, expect, it } from 'vitest';
import { bodyWarnings, editorialLinkWarnings, laureateWarnings, marketMetricErrors, type LaureateForWarnings } from './warnings.ts';

const laureate = (over: Partial<LaureateForWarnings['data']> = {}, imageSizes: LaureateForWarnings['imageSizes'] = []): LaureateForWarnings => ({
  file: 'f.md',
  slug: 'f',
  data: { name: 'Fiche', summary: 'Court.', demo: false, published: true, call: 'solutions-ia-2025', metrics: [], submitter: {}, sources: [], ...over },
  imageSizes,
});
const MARKET = new Set(['solutions-ia-2025']);

describe('bodyWarnings', () => {
  it('flags link texts that say nothing and http links, with their line', () => {
    const problems = bodyWarnings('f.md', 'Intro.\n\nPour le détail, [cliquez ici](https://a.fr). Voir [le rapport](http://b.fr).', 10);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [12, 'lien « cliquez ici » : son texte ne dit pas où il mène'],
      [12, 'lien non sécurisé http://b.fr'],
    ]);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
  });
  it('flags sentences over 40 words', () => {
    const long = `${'mot '.repeat(45).trim()}.`;
    expect(bodyWarnings('f.md', `Une phrase courte. ${long}`).map((p) => p.message)).toEqual([`phrase de 45 mots : « ${'mot '.repeat(13).trim().slice(0, 50)}… »`]);
  });
  it('ignores escaped applicant text', () => {
    expect(bodyWarnings('f.md', '\\[cliquez ici\\](http://a.fr)')).toEqual([]);
  });
});

describe('laureateWarnings and marketMetricErrors', () => {
  it('flags a fiche republished with the withdrawal reason left in', () => {
    expect(laureateWarnings(laureate({ published: true, unpublishedReason: 'dossier supprimé dans Démarches Simplifiées le 2026-01-11' }), MARKET).map((w) => w.field)).toEqual(['unpublishedReason']);
    expect(laureateWarnings(laureate({ published: false, unpublishedReason: 'dossier supprimé dans Démarches Simplifiées le 2026-01-11' }), MARKET)).toEqual([]);
  });

  it('warns about a long summary, an http address and a heavy image', () => {
    const w = laureateWarnings(laureate({ summary: 'x'.repeat(230), submitter: { website: 'http://a.fr' } }, [{ field: 'logo.src', bytes: 900 * 1024, width: 3000 }]), MARKET);
    expect(w.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'summary: résumé de 230 caractères',
      'submitter.website: adresse non sécurisée http://a.fr',
      'logo.src: image de 900 Ko, 3000 px de large',
    ]);
  });
  it('asks to shorten a name or a summary the cards clamp, without refusing them', () => {
    const w = laureateWarnings(laureate({ name: 'N'.repeat(121), summary: 'x'.repeat(281) }), MARKET);
    expect(w).toEqual([
      expect.objectContaining({ field: 'name', severity: 'warning', message: 'nom de 121 caractères, coupé visuellement sur les cartes (publié en entier sur la fiche)' }),
      expect.objectContaining({ field: 'summary', severity: 'warning', message: 'résumé de 281 caractères, coupé visuellement sur les cartes au-delà de 280 (publié en entier sur la fiche)' }),
    ]);
  });
  it('makes a metric without method an error for a market call, a warning otherwise', () => {
    const metrics = [{ label: 'Délai' }];
    expect(marketMetricErrors(laureate({ metrics }), MARKET)).toEqual([expect.objectContaining({ field: 'metrics.0.method' })]);
    expect(marketMetricErrors(laureate({ metrics, call: 'ami-ia-2019' }), MARKET)).toEqual([]);
    expect(laureateWarnings(laureate({ metrics, call: 'ami-ia-2019' }), MARKET)).toEqual([expect.objectContaining({ field: 'metrics.0.method', severity: 'warning' })]);
  });
});

describe('editorialLinkWarnings', () => {
  it('makes a link to an unpublished entry an error and to a demo entry a warning', () => {
    const problems = editorialLinkWarnings(
      [{ file: 'content/pages/a-propos.mdx', body: 'Voir [Plume](/solutions/plume/) et\n[Inferis](/solutions/inferis/).' }],
      [
        { slug: 'plume', data: { demo: false, published: false } },
        { slug: 'inferis', data: { demo: true, published: true } },
      ],
    );
    expect(problems.map((p) => [p.severity ?? 'error', p.line, p.message])).toEqual([
      ['error', 1, 'lien vers la fiche dépubliée /solutions/plume/'],
      ['warning', 2, 'lien vers la fiche de démonstration /solutions/inferis/'],
    ]);
  });
});
