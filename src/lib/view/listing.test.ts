import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { laureateSchema } from '../../schemas/laureate.ts';
import { validLaureate } from '../../../tests/factories.ts';
import { callTimeline, categoryEntries, keyFigures, laureatesOfCall, laureatesOfCategory, laureatesOfThematic, thematicEntries } from './listing.ts';

const schema = laureateSchema(() => z.string());
const entry = (id: string, o: Record<string, unknown> = {}) => ({ id, data: schema.parse(validLaureate(o)) });
const rag = entry('rag', { thematics: ['agents-conversationnels', 'bases-vectorielles'] });
const brique = entry('brique', { category: 'briques-technologiques', thematics: ['inference-optimisation'], demo: false, sources: [{ title: 'Annonce' }] });
const ancien = entry('ancien', { call: 'ami-ia-2019', category: undefined, thematics: [], metrics: [] });
const all = [rag, brique, ancien];

describe('listing view models', () => {
  it('puts a laureate on the page of every thematic it declared, whatever its category', () => {
    expect(laureatesOfThematic(all, 'bases-vectorielles').map((l) => l.id)).toEqual(['rag']);
    expect(laureatesOfCategory(all, 'solutions-applicatives').map((l) => l.id)).toEqual(['rag']);
    expect(laureatesOfCall(all, 'ami-ia-2019').map((l) => l.id)).toEqual(['ancien']);
  });

  it('counts per category and thematic tile, linking to their pages', () => {
    expect(categoryEntries(all).map((e) => [e.href, e.countLabel])).toEqual([
      ['/categories/solutions-applicatives/', '1 solution'],
      ['/categories/briques-technologiques/', '1 solution'],
    ]);
    const vector = thematicEntries(all).find((e) => e.slug === 'bases-vectorielles')!;
    expect(vector).toMatchObject({ href: '/thematiques/bases-vectorielles/', count: 1 });
    // The category page's tiles follow the navigation link (a RAG thematic belongs to the technical bricks).
    expect(thematicEntries(all, 'solutions-applicatives').map((e) => e.slug)).not.toContain('bases-vectorielles');
  });

  it('gives the key figures of the home page', () => {
    const figures = keyFigures(all, [{ data: { applications: 435, laureates: 100 } }, { data: { applications: 50, laureates: 10 } }]);
    expect(figures[0]).toEqual({ value: '2', label: 'appels à manifestation d’intérêt' });
    expect(figures[1]).toEqual({ value: '485', label: 'candidatures reçues' });
    expect(figures[2]).toEqual({ value: '3', label: 'fiches publiées, dont 1 fiche réelle' });
  });

  it('orders a call’s timeline by date and leaves unknown dates out', () => {
    const steps = callTimeline({ dates: { launch: new Date('2025-02-10'), deadline: new Date('2025-04-15'), committee: undefined } as never });
    expect(steps.map((s) => [s.label, s.datetime])).toEqual([
      ['Ouverture de l’appel', '2025-02-10'],
      ['Date limite de dépôt', '2025-04-15'],
    ]);
  });
});
