import { describe, expect, it } from 'vitest';
import { feedItems, feedOf, feeds } from './feeds.ts';
import { CATEGORIES, THEMATICS } from '../schemas/taxonomy.ts';
import type { OpenDataLaureate } from './opendata/record.ts';

const calls = [
  { id: 'solutions-ia-2025', data: { title: 'AMI « Solutions d’IA pour le public »', shortTitle: 'Solutions d’IA (2025)' } },
  { id: 'ami-ia-2019', data: { title: 'AMI IA saison 2', shortTitle: 'AMI IA (2019)' } },
];
const record = (o: Partial<OpenDataLaureate>) =>
  ({ name: 'Plume', summary: 'Résumé.', url: 'https://x.fr/solutions/plume/', call: 'solutions-ia-2025', callTitle: 'AMI 2025', selectedOn: '2025-05-28', demo: false, thematics: [], submitter: { name: 'Néophrase' }, ...o }) as OpenDataLaureate;

describe('feeds', () => {
  it('has one feed for every laureate, one per call, one per thematic and one per category, each at its own address', () => {
    const all = feeds(calls);
    expect(all.slice(0, 3).map((f) => [f.slug, f.callId])).toEqual([
      ['laureats', undefined],
      ['solutions-ia-2025', 'solutions-ia-2025'],
      ['ami-ia-2019', 'ami-ia-2019'],
    ]);
    expect(all.filter((f) => f.thematic).length).toBe(THEMATICS.length);
    expect(all.filter((f) => f.category).length).toBe(CATEGORIES.length);
    expect(new Set(all.map((f) => f.path)).size).toBe(all.length);
    expect(feedOf(all, { thematic: 'bases-vectorielles' })).toMatchObject({ path: '/flux/thematique-bases-vectorielles.xml', slug: 'thematique-bases-vectorielles' });
  });

  it('a thematic’s feed has the laureates that declared it, a category’s those of the category', () => {
    const records = [
      record({ name: 'Plume', category: 'solutions-applicatives', thematics: ['bases-vectorielles'] }),
      record({ name: 'Socle', category: 'briques-technologiques', thematics: ['bases-vectorielles', 'inference-optimisation'] }),
      record({ name: 'Autre', category: 'solutions-applicatives', thematics: ['aide-au-code'] }),
    ];
    const all = feeds(calls);
    expect(feedItems(records, feedOf(all, { thematic: 'bases-vectorielles' })!).map((i) => i.title)).toEqual(['Plume', 'Socle']);
    expect(feedItems(records, feedOf(all, { category: 'solutions-applicatives' })!).map((i) => i.title)).toEqual(['Plume', 'Autre']);
  });

  it('keeps the records’ order, filters a call’s feed, and says what a demonstration is', () => {
    const records = [
      record({ name: 'Plume', dataSecurity: { secNumCloud: 'qualifie' } as never, category: 'solutions-applicatives', thematics: ['bases-vectorielles'] }),
      record({ name: 'Ancien', call: 'ami-ia-2019', selectedOn: '2019-07-17' }),
      record({ name: 'Essai', demo: true }),
    ];
    const [all, call2025] = feeds(calls);
    expect(feedItems(records, all!).map((i) => i.title)).toEqual(['Plume', 'Ancien', 'Essai (démonstration)']);
    const items = feedItems(records, call2025!);
    expect(items.map((i) => i.title)).toEqual(['Plume', 'Essai (démonstration)']);
    expect(items[0]).toMatchObject({
      link: 'https://x.fr/solutions/plume/',
      pubDate: new Date('2025-05-28T00:00:00Z'),
      description: 'Résumé. Porté par Néophrase. Qualifié SecNumCloud.',
      categories: ['AMI 2025', 'Solution applicative', 'Bases de données vectorielles (RAG, API)'],
    });
    expect(items[1]!.description).toContain('Fiche de démonstration (fictive).');
  });
});
