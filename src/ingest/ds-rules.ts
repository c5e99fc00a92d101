/**
 * Démarches Simplifiées' quirks, in one place: how its exports and its API
 * spell the same answer, what an empty number becomes, what a dossier's
 * state is called, which date is the selection date. Dates themselves are
 * read by dates.ts.
 *
 * The API's typed values are written in the exports' spelling (champText), so
 * that a dossier read from the API and the same dossier read from the XLSX
 * export go through the same mapping and give the same fiche.
 */
import type { ApiChamp } from './ds-api/query.ts';
import { DATE_SHAPES } from './dates.ts';
import type { Dossier } from './dossiers.ts';
import { labelsOf, type Mapping } from './mapping.ts';
import { oneLine } from './sanitise.ts';

/** Dossier states: the API's enum values and the exports' labels. */
export const API_STATES: Readonly<Record<string, string>> = {
  en_construction: 'En construction',
  en_instruction: 'En instruction',
  accepte: 'Accepté',
  refuse: 'Refusé',
  sans_suite: 'Classé sans suite',
};

/**
 * A yes/no answer in every spelling DS uses: « Oui »/« Non » (yes/no fields in
 * exports), « on »/« off » (checkboxes in exports), `true`/`false` (the API's
 * stringValue, and the export templates); undefined when empty or unreadable.
 */
export function yesNo(raw: string | undefined): boolean | undefined {
  const v = oneLine(raw).toLowerCase();
  if (['oui', 'on', 'true', 'vrai', '1', 'yes'].includes(v)) return true;
  if (['non', 'off', 'false', 'faux', '0', 'no'].includes(v)) return false;
  return undefined;
}

/**
 * DS's exports write an empty number field as 0, so a 0 read from an export
 * means « not answered ». The API says `null` for a blank number, and a 0 from
 * it is read the same way, so that both paths give the same fiche.
 */
export const ZERO_IS_BLANK = 'valeur 0, considérée comme non renseignée (DS exporte un nombre vide comme 0) : si elle vaut vraiment 0, indiquez-la dans la fiche';

/** A number field's value, with DS's empty-as-0 read as « not answered ». */
export function answeredNumber(n: number | undefined): number | undefined {
  return n === undefined || n === 0 ? undefined : n;
}

/**
 * A champ of the API, written as the XLSX export writes the same answer:
 * yes/no « Oui »/« Non » (empty when unanswered, where stringValue says
 * "false"), checkbox « on »/« off », numbers as digits (empty for null), a
 * multiple choice's values joined with « , », a date as AAAA-MM-JJ, files by
 * their names joined with « , », anything else its stringValue.
 */
export function champText(c: ApiChamp): string {
  switch (c.__typename) {
    case 'YesNoChamp':
      return c.yesNo === true ? 'Oui' : c.yesNo === false ? 'Non' : '';
    case 'CheckboxChamp':
      return c.checked ? 'on' : 'off';
    case 'IntegerNumberChamp':
      return c.integer === null || c.integer === undefined ? '' : String(c.integer);
    case 'DecimalNumberChamp':
      return c.decimal === null || c.decimal === undefined ? '' : String(c.decimal);
    case 'MultipleDropDownListChamp':
      return (c.values ?? []).join(', ');
    case 'DateChamp':
      return c.date ?? '';
    case 'DatetimeChamp':
      return c.datetime ?? '';
    case 'PieceJustificativeChamp':
      return (c.files ?? []).map((f) => f.filename).join(', ');
    default:
      return c.stringValue ?? '';
  }
}

/** The selection date: the mapping's common date, else the date DS processed the dossier (« Traité le »). */
export function selectionDate(dossier: Dossier, mapping: Mapping): { ok: true; date: string } | { ok: false; message: string } {
  if (mapping.selectedOn) return { ok: true, date: mapping.selectedOn };
  const processed = dossier.processedAt;
  if (processed?.reading.ok) return { ok: true, date: processed.reading.date };
  const column = labelsOf(mapping.dossier.processedAt ?? 'Traité le').map((l) => `« ${l} »`).join(' ou ');
  if (processed && !processed.reading.ok) {
    return {
      ok: false,
      message: `date de traitement illisible dans la colonne « ${processed.column} » : « ${processed.reading.found} » trouvé, attendu ${DATE_SHAPES} — corrigez la cellule de l’export, ou donnez la date de sélection commune dans mapping.yml (selectedOn: AAAA-MM-JJ)`,
    };
  }
  return {
    ok: false,
    message: `date de traitement vide (colonne ${column}) : un lauréat a une date de sélection — vérifiez que le dossier est bien traité dans DS, ou donnez la date de sélection commune dans mapping.yml (selectedOn: AAAA-MM-JJ)`,
  };
}
