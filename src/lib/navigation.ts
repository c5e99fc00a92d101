/** The main menu, built from the taxonomy and the calls (newest first, as data.ts sorts them). */
import { CATEGORIES, THEMATICS } from '../schemas/taxonomy.ts';
import type { NavItem } from './site.ts';
import { callHref, categoryHref, thematicHref } from './view/laureate.ts';

export function mainNavigation(calls: ReadonlyArray<{ id: string; data: { shortTitle: string } }>): NavItem[] {
  return [
    { label: 'Accueil', href: '/' },
    { label: 'Trouver une solution', href: '/trouver/' },
    { label: 'Toutes les solutions', href: '/solutions/' },
    { label: 'Catégories', children: CATEGORIES.map((c) => ({ href: categoryHref(c.slug), label: c.shortLabel })) },
    { label: 'Thématiques', children: THEMATICS.map((t) => ({ href: thematicHref(t.slug), label: t.label })) },
    { label: 'Appels', children: calls.map((c) => ({ href: callHref(c.id), label: c.data.shortTitle })) },
    { label: 'Méthodologie', href: '/methodologie/' },
    { label: 'À propos', href: '/a-propos/' },
  ];
}
