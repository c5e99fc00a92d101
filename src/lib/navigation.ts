/** The main menu, built from the taxonomy and the calls. */
import { CATEGORIES, THEMATICS } from '../schemas/taxonomy.ts';
import type { NavItem } from './site.ts';

export function mainNavigation(calls: ReadonlyArray<{ id: string; data: { shortTitle: string; year: number } }>): NavItem[] {
  return [
    { label: 'Accueil', href: '/' },
    { label: 'Toutes les solutions', href: '/solutions/' },
    {
      label: 'Catégories',
      children: CATEGORIES.map((c) => ({ href: `/categories/${c.slug}/`, label: c.shortLabel })),
    },
    {
      label: 'Thématiques',
      children: THEMATICS.map((t) => ({ href: `/thematiques/${t.slug}/`, label: t.label })),
    },
    {
      label: 'Appels',
      children: [...calls]
        .sort((a, b) => b.data.year - a.data.year)
        .map((c) => ({ href: `/appels/${c.id}/`, label: c.data.shortTitle })),
    },
    { label: 'Méthodologie', href: '/methodologie/' },
    { label: 'À propos', href: '/a-propos/' },
  ];
}
