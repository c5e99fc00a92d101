/**
 * /comparer/: the comparison of the selection, or of the solutions a shared
 * link names (?ids=). The address always names what is shown (a fresh
 * browser opens it identically); a shared link that differs from a
 * non-empty selection leaves the selection alone until the visitor adopts
 * it. The table is src/lib/view/compare.ts's, drawn from each solution's
 * column (/comparer/solutions/<id>.json) with DOM APIs only.
 */
import { cleanIds, compareHref, idsFromSearch } from '../lib/selection.ts';
import { comparisonTable, type ComparisonColumn, type ComparisonSpec, type ComparisonTable } from '../lib/view/compare.ts';
import { comparisonTableMarkup } from '../lib/view/compare-markup.ts';
import { hasAllWords, plural } from '../lib/view/format.ts';
import { applyDifferences } from './compare-differences.ts';
import { toDom } from './dom.ts';
import { announce, readSelection, writeSelection } from './selection.ts';

interface Solution {
  id: string;
  name: string;
  submitter: string;
}

const root = document.querySelector<HTMLElement>('#comparaison')!;
const data = (id: string) => JSON.parse(document.getElementById(id)?.textContent ?? 'null');
const solutions: Solution[] = (data('comparaison-solutions-donnees') as Array<[string, string, string]>).map(([id, name, submitter]) => ({ id, name, submitter }));
const known = new Map(solutions.map((s) => [s.id, s]));
const columnsBase = root.dataset.colonnes!;
const spec: ComparisonSpec = data('comparaison-lignes-donnees');
const status = root.querySelector<HTMLElement>('#comparaison-statut')!;
const sharedNotice = root.querySelector<HTMLElement>('#comparaison-partage')!;
const removeList = root.querySelector<HTMLUListElement>('#comparaison-solutions')!;
const addInput = root.querySelector<HTMLInputElement>('#comparaison-ajout')!;
const addCount = root.querySelector<HTMLElement>('#comparaison-ajout-compte')!;
const suggestions = root.querySelector<HTMLUListElement>('#comparaison-suggestions')!;
const tableSlot = root.querySelector<HTMLElement>('#comparaison-tableau')!;
const tools = root.querySelector<HTMLElement>('.comparaison-actions')!;
const linkGroup = root.querySelector<HTMLElement>('#comparaison-lien-groupe')!;
const linkInput = root.querySelector<HTMLInputElement>('#comparaison-lien')!;
const baseTitle = document.title;

/** The solutions compared, in column order. */
let ids: string[] = [];
/** Whether they come from a shared link that differs from the visitor's selection. */
let shared = false;
let table: ComparisonTable | undefined;

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const names = (list: readonly string[]) => list.map((id) => known.get(id)?.name ?? id);

const columns = new Map<string, Promise<ComparisonColumn>>();
function column(id: string): Promise<ComparisonColumn> {
  let p = columns.get(id);
  if (!p) {
    p = fetch(`${columnsBase}${id}.json`).then((r) => {
      if (!r.ok) throw new Error(`${id} : ${r.status}`);
      return r.json() as Promise<ComparisonColumn>;
    });
    p.catch(() => columns.delete(id));
    columns.set(id, p);
  }
  return p;
}

/** The solutions not compared yet whose name or structure contains every word typed, at most 8. */
function matching(query: string): Solution[] {
  return solutions.filter((s) => !ids.includes(s.id) && hasAllWords(`${s.name} ${s.submitter}`, query)).slice(0, 8);
}

function button(text: string, className: string, onClick: () => void, srText?: string): HTMLLIElement {
  const li = document.createElement('li');
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.append(text);
  if (srText) {
    const sr = document.createElement('span');
    sr.className = 'fr-sr-only';
    sr.textContent = srText;
    b.append(sr);
  }
  b.addEventListener('click', onClick);
  li.append(b);
  return li;
}

function drawSuggestions(): void {
  const query = addInput.value.trim();
  const found = matching(query);
  suggestions.replaceChildren(
    ...found.map((s) =>
      button(`Ajouter ${s.name}`, 'fr-btn fr-btn--secondary fr-icon-add-line', () => {
        addInput.value = '';
        void change([...ids, s.id], `${s.name} ajoutée à la comparaison.`);
        addInput.focus();
      }, ` (${s.submitter})`),
    ),
  );
  addCount.textContent = query ? (found.length === 0 ? 'Aucune solution ne correspond.' : `${plural(found.length, 'solution correspond', 'solutions correspondent')} : choisissez-la ci-dessous.`) : '';
}

function drawRemoveButtons(): void {
  removeList.replaceChildren(
    ...ids.map((id, i) =>
      button(`Retirer ${known.get(id)?.name ?? id}`, 'fr-btn fr-btn--secondary fr-icon-close-line', () => {
        const next = ids.filter((x) => x !== id);
        void change(next, `${known.get(id)?.name ?? id} retirée de la comparaison.`).then(() => {
          // Focus goes to the next remove button, or to the add box when none is left.
          const buttons = removeList.querySelectorAll('button');
          (buttons[Math.min(i, buttons.length - 1)] ?? addInput).focus();
        });
      }, ' de la comparaison'),
    ),
  );
}

let generation = 0;
async function draw(): Promise<void> {
  const mine = ++generation;
  history.replaceState(null, '', compareHref(ids));
  // On paper, the address printed at the top is this comparison's.
  const printed = document.querySelector<HTMLElement>('.imprime-seulement');
  if (printed) printed.textContent = `${printed.textContent!.split(' — ')[0]} — ${location.href}`;
  sharedNotice.hidden = !shared;
  drawRemoveButtons();
  drawSuggestions();
  tools.hidden = ids.length === 0;
  document.title = ids.length > 0 ? `Comparer : ${names(ids).join(', ')} — ${baseTitle.split(' — ').slice(1).join(' — ')}` : baseTitle;
  if (ids.length === 0) {
    table = undefined;
    tableSlot.replaceChildren();
    status.textContent = shared ? 'Ce lien ne nomme aucune solution publiée.' : 'Votre sélection est vide : ajoutez des solutions depuis la liste des solutions, une fiche ou la zone « Ajouter une solution ».';
    return;
  }
  let loaded: ComparisonColumn[];
  try {
    loaded = await Promise.all(ids.map(column));
  } catch {
    if (mine === generation) status.textContent = 'Une fiche n’a pas pu être chargée : vérifiez votre connexion et rechargez la page.';
    return;
  }
  if (mine !== generation) return;
  table = comparisonTable(loaded, spec);
  tableSlot.replaceChildren(toDom(comparisonTableMarkup(table, 'comparaison-titre')));
  applyDifferences();
  status.textContent = `${plural(ids.length, 'solution comparée', 'solutions comparées')}${ids.length === 1 ? ' : ajoutez-en au moins une autre pour comparer.' : '.'}`;
}

/** Changes what is compared; the selection follows unless the comparison came from someone else's link. */
async function change(next: string[], message: string): Promise<void> {
  ids = cleanIds(next).filter((id) => known.has(id));
  if (!shared) writeSelection(ids);
  announce(message);
  await draw();
}

function start(): void {
  const fromLink = idsFromSearch(location.search);
  const stored = readSelection().filter((id) => known.has(id));
  const wanted = fromLink ?? stored;
  const gone = wanted.filter((id) => !known.has(id));
  ids = wanted.filter((id) => known.has(id));
  shared = fromLink !== undefined && stored.length > 0 && !same(ids, stored);
  // A link opened with an empty selection becomes the selection: nothing is lost, and the header counts what is shown.
  if (fromLink !== undefined && stored.length === 0 && ids.length > 0) writeSelection(ids);
  void draw().then(() => {
    if (gone.length > 0) status.textContent += ` ${plural(gone.length, 'fiche nommée n’est', 'fiches nommées ne sont')} plus publiée${gone.length > 1 ? 's' : ''} : ${gone.join(', ')}.`;
  });
}

addInput.addEventListener('input', drawSuggestions);
addInput.addEventListener('keydown', (event) => {
  // Enter adds the only match.
  if (event.key !== 'Enter') return;
  event.preventDefault();
  const found = matching(addInput.value.trim());
  if (found.length === 1) suggestions.querySelector('button')?.click();
});

root.querySelector('#comparaison-adopter')!.addEventListener('click', () => {
  shared = false;
  void change(ids, 'Votre sélection est remplacée par les solutions de ce lien.');
});
root.querySelector('#comparaison-revenir')!.addEventListener('click', () => {
  shared = false;
  void change(readSelection(), 'Votre sélection est affichée.');
});

root.querySelector('#comparaison-copier')!.addEventListener('click', async () => {
  const url = location.href;
  try {
    await navigator.clipboard.writeText(url);
    linkGroup.hidden = true;
    announce('Lien de la comparaison copié.');
  } catch {
    // No clipboard (permission, insecure context): the address is shown, selected, to copy by hand.
    linkInput.value = url;
    linkGroup.hidden = false;
    linkInput.focus();
    linkInput.select();
    announce('Le lien est affiché et sélectionné : copiez-le.');
  }
});
/** The exported file's name: the solutions compared, kept short. */
const fileStem = () => `comparaison-${ids.join('-')}`.slice(0, 100).replace(/-+$/, '');

root.querySelector('#comparaison-imprimer')!.addEventListener('click', () => window.print());
/** The exports load on first use (the CSV library is the page's largest script). */
async function exportAs(format: 'csv' | 'json'): Promise<void> {
  if (!table) return;
  const [{ comparisonCsv, comparisonJson }, { download }] = await Promise.all([import('../lib/view/compare-export.ts'), import('./export.ts')]);
  download(
    format === 'csv'
      ? { body: comparisonCsv(table), type: 'text/csv;charset=utf-8', name: `${fileStem()}.csv` }
      : { body: comparisonJson(table, { url: location.href, site: location.origin }), type: 'application/json;charset=utf-8', name: `${fileStem()}.json` },
  );
}
root.querySelector('#comparaison-csv')!.addEventListener('click', () => void exportAs('csv'));
root.querySelector('#comparaison-json')!.addEventListener('click', () => void exportAs('json'));
root.querySelector('#comparaison-vider')!.addEventListener('click', () => {
  shared = false;
  void change([], 'Votre sélection est vidée.').then(() => addInput.focus());
});

// Another tab changed the selection: follow it, unless a shared comparison is shown.
window.addEventListener('storage', () => {
  if (shared) return;
  const stored = readSelection().filter((id) => known.has(id));
  if (!same(stored, ids)) {
    ids = stored;
    void draw();
  }
});

start();
