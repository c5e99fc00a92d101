import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import type { Call } from '../../schemas/call.ts';
import { laureateSchema } from '../../schemas/laureate.ts';
import { validLaureate } from '../../../tests/factories.ts';
import { crossEntryProblems, type LaureateEntry, type ParsedEntry } from './cross-entry.ts';

const call = (slug: string, kind: Call['kind']): ParsedEntry<Call> => ({
  file: `content/calls/${slug}.md`,
  slug,
  data: { kind, shortTitle: slug, dates: { launch: new Date('2019-01-01') } } as Call,
});
const CALLS = [call('solutions-ia-2025', 'solutions-marche'), call('ami-ia-2019', 'projets-administration')];
const laureate = (slug: string, o: Record<string, unknown> = {}, folder = String(o.call ?? 'solutions-ia-2025')): LaureateEntry => ({
  file: `content/laureates/${folder}/${slug}.md`,
  slug,
  folder,
  data: laureateSchema(() => z.string()).parse(validLaureate(o)),
});
const messages = (entries: LaureateEntry[]) => crossEntryProblems(CALLS, entries).map((p) => `${p.file.split('/').pop()} ${p.field}: ${p.message}`);

describe('crossEntryProblems', () => {
  it('accepts consistent entries', () => {
    expect(messages([laureate('a'), laureate('b', { dossierNumber: 1 })])).toEqual([]);
  });

  it('reports an unknown call with the closest one, and a fiche filed under another call', () => {
    expect(messages([laureate('a', { call: 'solutions-ia-2052' }, 'solutions-ia-2025')])).toEqual(['a.md call: appel « solutions-ia-2052 » inconnu']);
    expect(crossEntryProblems(CALLS, [laureate('a', { call: 'solutions-ia-2052' }, 'solutions-ia-2025')])[0]!.hint).toBe('vouliez-vous dire « solutions-ia-2025 » ?');
    expect(messages([laureate('a', {}, 'ami-ia-2019')])).toEqual(['a.md call: la fiche est rangée dans le dossier « ami-ia-2019 » mais déclare l’appel « solutions-ia-2025 »']);
  });

  it('reports duplicate slugs and dossier numbers on each side', () => {
    expect(messages([laureate('a', { dossierNumber: 7 }), laureate('a', { dossierNumber: 7 }, 'ami-ia-2019')]).filter((m) => !m.includes('rangée') && !m.includes('obligatoire'))).toEqual([
      'a.md : identifiant « a » en double : deux fiches auraient la même adresse /solutions/a/',
      'a.md dossierNumber: numéro de dossier 7 en double',
      'a.md : identifiant « a » en double : deux fiches auraient la même adresse /solutions/a/',
      'a.md dossierNumber: numéro de dossier 7 en double',
    ]);
  });

  it('refuses a slug the site’s own addresses use (/solutions/page/2/)', () => {
    expect(messages([laureate('page')])).toEqual(['page.md : nom de fichier « page » réservé : /solutions/page/ est une adresse du site (pages suivantes de la liste)']);
    expect(messages([laureate('page-solution')])).toEqual([]);
  });

  it('requires the fields of the call’s kind: market fields for a 2025 solution, none for a 2019 project', () => {
    expect(messages([laureate('a', { maturity: undefined })])).toEqual(['a.md maturity: champ obligatoire manquant pour un lauréat de « solutions-ia-2025 » : le niveau de maturité']);
    const project = laureate('p', { call: 'ami-ia-2019', category: undefined, thematics: [], audiences: [], maturity: undefined, costs: undefined, dataSecurity: undefined, rgaa: undefined, openness: undefined });
    expect(messages([project])).toEqual([]);
  });

  it('asks a real entry written by hand to cite a source, and a selection after the call opened', () => {
    expect(messages([laureate('a', { demo: false, sources: [] })])).toEqual(['a.md sources: une fiche réelle qui ne vient pas de l’ingestion doit citer au moins une source publique']);
    expect(messages([laureate('a', { selectedOn: '2018-06-01' })])).toEqual(['a.md selectedOn: la date de sélection précède l’ouverture de l’appel']);
  });
});
