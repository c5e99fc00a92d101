/**
 * « Ma sélection »: the fiches a visitor keeps to compare. It lives in this
 * browser's localStorage only (key below) — no cookie, nothing sent to any
 * server — as a JSON list of fiche identifiers. Pure rules here (read what
 * is stored whatever it is, add, remove, the comparison's address, what
 * the status message says); src/scripts/selection.ts applies them.
 */
import { plural } from './view/format.ts';

/** The localStorage key (named on /gestion-des-cookies/ and /donnees-personnelles/). */
export const SELECTION_KEY = 'catalogue-ia-selection';

/** The comparison page. */
export const COMPARE_PATH = '/comparer/';

/** A fiche identifier as the site's addresses have them. */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** At most this many fiches are kept (a comparison of more is not readable; the address stays short). */
export const MAX_SELECTION = 20;

/** Identifiers, cleaned: well-formed ones only, each once, in order, at most MAX_SELECTION. */
export function cleanIds(ids: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    if (typeof id === 'string' && id.length <= 80 && ID.test(id) && !out.includes(id)) out.push(id);
    if (out.length === MAX_SELECTION) break;
  }
  return out;
}

/** What localStorage holds, whatever it is (missing, old, edited by hand): a clean list. */
export function parseStored(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? cleanIds(value) : [];
  } catch {
    return [];
  }
}

export const serialiseStored = (ids: readonly string[]) => JSON.stringify(cleanIds(ids));

export function toggle(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : cleanIds([...ids, id]);
}

/** The identifiers of a comparison's address (`?ids=a,b`), or undefined when it names none. */
export function idsFromSearch(search: string): string[] | undefined {
  const raw = new URLSearchParams(search).get('ids');
  if (raw === null) return undefined;
  return cleanIds(raw.split(',').map((s) => s.trim()));
}

/** The address of the comparison of these fiches. */
export const compareHref = (ids: readonly string[]) => (ids.length === 0 ? COMPARE_PATH : `${COMPARE_PATH}?ids=${ids.join(',')}`);

/** The header's count, in words for assistive technologies. */
export const countLabel = (count: number) => plural(count, 'solution');

/** The status message after a change (RGAA 7.5). */
export function changeMessage(name: string, added: boolean, count: number): string {
  return `${name} ${added ? 'ajoutée à' : 'retirée de'} votre sélection. Votre sélection compte ${countLabel(count)}.`;
}

/** The selection button's visible label, by state (its markup: ./selection-button.ts). */
export const buttonLabel = (pressed: boolean) => (pressed ? 'Retirer de ma sélection' : 'Ajouter à ma sélection');
