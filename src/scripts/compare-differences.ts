/**
 * « Afficher seulement les différences »: hides the rows (and whole groups)
 * on which the compared solutions do not differ (`data-identique`, set by
 * src/lib/view/compare-markup.ts), and says how many are hidden.
 */
import { plural } from '../lib/view/format.ts';

const toggle = document.querySelector<HTMLInputElement>('#comparaison-differences');
const messages = document.querySelector<HTMLElement>('#comparaison-differences-messages');

/** Applies the toggle to the comparison table in the page (call again after redrawing it). */
export function applyDifferences(): void {
  const table = document.querySelector<HTMLElement>('.comparaison');
  if (!toggle || !table) return;
  table.classList.toggle('comparaison--differences', toggle.checked);
  const hidden = table.querySelectorAll('tr[data-identique]').length;
  if (messages) {
    messages.textContent = toggle.checked ? (hidden === 0 ? 'Aucune ligne identique : tout reste affiché.' : `${plural(hidden, 'ligne identique masquée', 'lignes identiques masquées')}.`) : '';
  }
}

toggle?.addEventListener('change', applyDifferences);
applyDifferences();
