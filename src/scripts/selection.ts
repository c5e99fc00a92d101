/**
 * « Ma sélection » on every page: the buttons of the cards and fiches, the
 * header's count, the status message of each change. The rules are in
 * src/lib/selection.ts; the list lives in localStorage only (in memory when
 * the browser refuses storage, and the visitor is told).
 */
import { SELECTION_KEY, buttonLabel, changeMessage, countLabel, parseStored, serialiseStored, toggle } from '../lib/selection.ts';

let memory: string[] | undefined;

export function readSelection(): string[] {
  if (memory) return memory;
  try {
    return parseStored(localStorage.getItem(SELECTION_KEY));
  } catch {
    return [];
  }
}

/** Keeps the list; false when the browser refuses storage (it then lasts until the page is left). */
export function writeSelection(ids: readonly string[]): boolean {
  let stored = true;
  try {
    localStorage.setItem(SELECTION_KEY, serialiseStored(ids));
    memory = undefined;
  } catch {
    memory = [...ids];
    stored = false;
  }
  refresh();
  return stored;
}

/** Says a message in the page's status region (emptied first, so that the same message is said again). */
export function announce(message: string): void {
  const region = document.querySelector<HTMLElement>('#selection-statut');
  if (!region) return;
  region.textContent = '';
  window.setTimeout(() => (region.textContent = message), 50);
}

function drawButton(button: HTMLButtonElement, pressed: boolean): void {
  if ((button.getAttribute('aria-pressed') === 'true') === pressed) return;
  button.setAttribute('aria-pressed', String(pressed));
  button.classList.toggle('fr-icon-add-line', !pressed);
  button.classList.toggle('fr-icon-subtract-line', pressed);
  // The label is the button's first text node (src/lib/selection-button.ts); the fiche's name follows, for assistive technologies.
  if (button.firstChild?.nodeType === Node.TEXT_NODE) button.firstChild.textContent = buttonLabel(pressed);
}

/** Draws every button and the header's count from the stored list. */
export function refresh(): void {
  const ids = readSelection();
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-selection]')) drawButton(button, ids.includes(button.dataset.selection!));
  // The header's link exists twice once the DSFR copies the tools into the mobile menu.
  for (const count of document.querySelectorAll<HTMLElement>('[data-selection-compte]')) {
    const visible = count.querySelector<HTMLElement>('[aria-hidden]');
    const spoken = count.querySelector<HTMLElement>('.fr-sr-only');
    if (visible) visible.textContent = `\u00a0(${ids.length})`;
    if (spoken) spoken.textContent = ` : ${countLabel(ids.length)}`;
  }
}

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-selection]');
  if (!button) return;
  const id = button.dataset.selection!;
  const next = toggle(readSelection(), id);
  const added = next.includes(id);
  const stored = writeSelection(next);
  announce(`${changeMessage(button.dataset.nom ?? id, added, next.length)}${stored ? '' : ' Votre navigateur refuse le stockage local : elle sera perdue en quittant la page.'}`);
});

// Another tab changed the selection.
window.addEventListener('storage', (event) => {
  if (event.key === SELECTION_KEY || event.key === null) refresh();
});
// Back/forward cache: the page comes back as it was left.
window.addEventListener('pageshow', () => refresh());

refresh();
