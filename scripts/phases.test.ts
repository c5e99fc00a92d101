import { describe, expect, it } from 'vitest';
import { buildPhases } from './phases.ts';

describe('build phases from a stamped log', () => {
  it('cuts the run at each marker, in order', () => {
    const lines = [
      { ms: 10, text: 'Ingestion : aucun export' },
      { ms: 2000, text: '12:00:00 [catalogue] contenu valide : 3 appels' },
      { ms: 5000, text: '12:00:03 [content] Synced content' },
      { ms: 9000, text: ' generating static routes ' },
      { ms: 30000, text: '12:00:30 ✓ Completed in 21.0s.' },
      { ms: 31000, text: ' generating optimized images ' },
      { ms: 40000, text: '12:00:40 ✓ Completed in 9.0s.' },
      { ms: 43000, text: '[catalogue] CSS du DSFR réduite aux règles utilisées : …' },
      { ms: 48000, text: '[catalogue] index de recherche : 1000 pages' },
    ];
    expect(buildPhases(lines, 50000).map((p) => p.seconds)).toEqual([2, 3, 4, 21, 10, 3, 5, 2]);
  });

  it('leaves out a phase whose marker is missing instead of guessing', () => {
    const phases = buildPhases([{ ms: 1000, text: '[catalogue] contenu valide' }, { ms: 4000, text: 'index de recherche : 3 pages' }], 5000);
    expect(phases.map((p) => [p.name, p.seconds])).toEqual([
      ['ingestion et validation du contenu', 1],
      ['index Pagefind', 3],
      ['le reste (sitemap, fin de construction, remplacement de dist/)', 1],
    ]);
  });
});
