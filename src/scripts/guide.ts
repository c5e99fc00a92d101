/**
 * /trouver/: reads the answers, marks and ranks the solutions (the rules of
 * src/lib/guided.ts), draws the shortlist with DOM APIs only, keeps the
 * answers in the address (shareable; back/forward restore them).
 */
import { MARK_TEXT, QUESTIONS, parseAnswers, serialiseAnswers, shortlist, criteriaOf, type Answers, type GuideFacts, type Ranked } from '../lib/guided.ts';
import { MAX_SELECTION, cleanIds, compareHref } from '../lib/selection.ts';
import { selectionButton } from '../lib/selection-button.ts';
import { plural } from '../lib/view/format.ts';
import { laureateHref } from '../lib/view/laureate.ts';
import { h } from '../lib/view/markup.ts';
import { toDom } from './dom.ts';
import { readSelection, writeSelection } from './selection.ts';

const form = document.querySelector<HTMLFormElement>('#guide')!;
const status = document.querySelector<HTMLElement>('#guide-statut')!;
const results = document.querySelector<HTMLElement>('#guide-resultats')!;
const allZone = document.querySelector<HTMLElement>('#guide-tout-zone')!;
const all: GuideFacts[] = JSON.parse(document.getElementById('guide-solutions-donnees')?.textContent ?? '[]');
let shown: Ranked[] = [];

function readForm(): Answers {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim()) params.append(k, v);
  return parseAnswers(params.toString());
}

function writeForm(answers: Answers): void {
  for (const q of QUESTIONS) {
    const values = answers[q.key] ?? [];
    for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(`[name="${q.key}"]`)) {
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) el.checked = q.type === 'radio' && values.length === 0 ? el.value === '' : values.includes(el.value);
      else el.value = values[0] ?? '';
    }
  }
}

const BADGE: Record<string, string> = { met: 'fr-badge--success', unmet: 'fr-badge--error', unknown: '' };

function item(r: Ranked, selected: string[]) {
  return h(
    'li',
    { class: 'guide-solution' },
    h('h4', { class: 'fr-h6 fr-mb-1v' }, h('a', { href: laureateHref(r.facts.id) }, r.facts.name)),
    h('p', { class: 'fr-text--sm fr-mb-1w' }, `${r.facts.submitter} · ${plural(r.met, 'critère rempli', 'critères remplis')}, ${plural(r.unmet, 'non rempli', 'non remplis')}, ${plural(r.unknown, 'non renseigné', 'non renseignés')}`),
    h(
      'ul',
      { class: 'fr-badges-group' },
      r.marks.map((m) =>
        h('li', {}, h('p', { class: `fr-badge fr-badge--sm fr-badge--no-icon ${BADGE[m.mark]}`.trim() }, h('span', { 'aria-hidden': 'true' }, `${MARK_TEXT[m.mark].symbol}\u00a0`), m.label, h('span', { class: 'fr-sr-only' }, ` : ${MARK_TEXT[m.mark].words}`))),
      ),
    ),
    selectionButton(r.facts.id, r.facts.name, selected.includes(r.facts.id)),
  );
}

function render(answers: Answers): void {
  const criteria = criteriaOf(answers);
  results.replaceChildren();
  if (criteria.length === 0) {
    shown = [];
    allZone.hidden = true;
    status.textContent = 'Répondez à au moins une question pour voir les solutions classées.';
    return;
  }
  const ranked = shortlist(all, answers);
  shown = ranked.filter((r) => r.unmet === 0);
  const others = ranked.filter((r) => r.unmet > 0);
  const selected = readSelection();
  const group = (title: string, list: Ranked[]) => [h('h3', { class: 'fr-h5 fr-mt-3w' }, `${title} (${list.length})`), list.length > 0 ? h('ol', { class: 'guide-liste' }, list.map((r) => item(r, selected))) : h('p', {}, 'Aucune.')];
  results.append(...[...group('Sans critère non rempli', shown), ...group('Au moins un critère non rempli', others)].map(toDom));
  allZone.hidden = shown.length === 0;
  status.textContent = `${plural(criteria.length, 'critère')} : ${plural(shown.length, 'solution ne manque', 'solutions ne manquent')} aucun critère, sur ${plural(all.length, 'solution')}.`;
}

function update(push: boolean): void {
  const answers = readForm();
  const search = serialiseAnswers(answers);
  if (push && search !== location.search) history.pushState(null, '', `${location.pathname}${search}`);
  render(answers);
}

let typing: number | undefined;
form.addEventListener('change', (event) => {
  if ((event.target as HTMLElement).getAttribute('type') === 'search') return;
  update(true);
});
form.addEventListener('input', (event) => {
  if ((event.target as HTMLElement).getAttribute('type') !== 'search') return;
  window.clearTimeout(typing);
  typing = window.setTimeout(() => update(true), 300);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  update(true);
  document.querySelector<HTMLElement>('#guide-resultats-titre')?.setAttribute('tabindex', '-1');
  document.querySelector<HTMLElement>('#guide-resultats-titre')?.focus();
});
form.addEventListener('reset', (event) => {
  event.preventDefault();
  writeForm({});
  update(true);
});
window.addEventListener('popstate', () => {
  const answers = parseAnswers(location.search);
  writeForm(answers);
  render(answers);
});
document.querySelector('#guide-tout')!.addEventListener('click', () => {
  const ids = cleanIds([...readSelection(), ...shown.map((r) => r.facts.id)]).slice(0, MAX_SELECTION);
  writeSelection(ids);
  location.assign(compareHref(ids));
});

const initial = parseAnswers(location.search);
writeForm(initial);
render(initial);
