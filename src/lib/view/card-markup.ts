/**
 * A laureate's card and its badges, described once (./markup.ts) and drawn
 * by the build (LaureateCard.astro, Badges.astro) and by the listing's
 * script when it shows filtered results from the compact index.
 */
import { selectionButton } from '../selection-button.ts';
import { h, type El } from './markup.ts';
import type { Badge, LaureateCard } from './laureate.ts';

/** The DSFR badges group of a fiche or a card; nothing when there is no badge. */
export function badgesMarkup(badges: readonly Badge[], small = false): El | undefined {
  if (badges.length === 0) return undefined;
  return h(
    'ul',
    { class: 'fr-badges-group' },
    badges.map((b) => {
      const cls = ['fr-badge', small && 'fr-badge--sm', b.kind !== 'neutral' && `fr-badge--${b.kind} fr-badge--no-icon`].filter(Boolean).join(' ');
      return h('li', {}, h('p', { class: cls }, b.label));
    }),
  );
}

/** A DSFR card with an action zone (the selection button), so not enlarged: its title link is the way in. */
export function cardMarkup(card: LaureateCard, headingLevel: 2 | 3 | 4 = 3): El {
  return h(
    'div',
    { class: 'fr-card' },
    h(
      'div',
      { class: 'fr-card__body' },
      h(
        'div',
        { class: 'fr-card__content' },
        h(`h${headingLevel}`, { class: 'fr-card__title cat-clamp cat-clamp--3' }, h('a', { href: card.href }, card.title)),
        h('p', { class: 'fr-card__desc cat-clamp cat-clamp--5' }, card.summary),
        h(
          'div',
          { class: 'fr-card__start' },
          card.tags.length > 0 && h('ul', { class: 'fr-tags-group' }, card.tags.map((t) => h('li', {}, h('p', { class: 'fr-tag fr-tag--sm' }, t)))),
          h('p', { class: 'fr-card__detail fr-icon-building-line' }, card.submitter),
        ),
        h(
          'div',
          { class: 'fr-card__end' },
          card.demo && h('ul', { class: 'fr-badges-group' }, h('li', {}, h('p', { class: 'fr-badge fr-badge--sm fr-badge--warning fr-badge--no-icon' }, 'Démonstration'))),
          badgesMarkup(card.badges, true),
          h('p', { class: 'fr-card__detail' }, card.call),
        ),
      ),
      h('div', { class: 'fr-card__footer zone-js' }, selectionButton(card.id, card.title)),
    ),
  );
}
