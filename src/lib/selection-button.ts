/**
 * The « Ajouter à ma sélection » button's markup, drawn by the build (cards,
 * fiches) and by the search and guide scripts; kept apart from the rules of
 * ./selection.ts so that the script every page loads stays small.
 */
import { buttonLabel } from './selection.ts';
import { h, type El } from './view/markup.ts';

/**
 * The selection button of a card or a fiche: visible « Ajouter à ma
 * sélection » / « Retirer de ma sélection », the fiche's name for assistive
 * technologies, `aria-pressed` for the state. Hidden until the script runs.
 */
export function selectionButton(id: string, name: string, pressed = false): El {
  return h(
    'button',
    {
      type: 'button',
      class: `fr-btn fr-btn--sm fr-btn--secondary fr-btn--icon-left ${pressed ? 'fr-icon-subtract-line' : 'fr-icon-add-line'} bouton-selection`,
      'data-selection': id,
      'data-nom': name,
      'aria-pressed': pressed ? 'true' : 'false',
    },
    // The label first: src/scripts/selection.ts rewrites this text node when the state changes.
    buttonLabel(pressed),
    h('span', { class: 'fr-sr-only' }, ` : ${name}`),
  );
}
