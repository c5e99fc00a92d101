import { describe, expect, it } from 'vitest';
import { computedHeaders, headerProblems, type CellModel, type RowModel, type TableModel } from './table-headers.ts';

const th = (name: string, o: Partial<CellModel> = {}): CellModel => ({ tag: 'th', name, colspan: 1, rowspan: 1, ...o });
const td = (name: string, o: Partial<CellModel> = {}): CellModel => ({ tag: 'td', name, colspan: 1, rowspan: 1, ...o });
const row = (group: number, groupTag: RowModel['groupTag'], ...cells: CellModel[]): RowModel => ({ group, groupTag, cells });

/** The comparison's shape: a column per solution, groups opened by a row-group header, a row header per criterion. */
function comparison(cell: (group: number, r: number, c: number) => CellModel, groupHeader = (g: number) => th(`Groupe ${g}`, { scope: 'rowgroup', colspan: 3, id: `g${g}` })): TableModel {
  const rows = [row(0, 'thead', th('Critère', { scope: 'col', id: 'crit' }), th('A', { scope: 'col', id: 'a' }), th('B', { scope: 'col', id: 'b' }))];
  for (const g of [1, 2]) {
    rows.push(row(g, 'tbody', groupHeader(g)));
    for (const r of [1, 2]) rows.push(row(g, 'tbody', th(`Ligne ${g}.${r}`, { scope: 'row', id: `r${g}${r}` }), cell(g, r, 1), cell(g, r, 2)));
  }
  return { caption: 'Comparaison', rows };
}

describe('the HTML table algorithm', () => {
  it('reads scope: a simple table’s cells have their column and row headers', () => {
    const table: TableModel = {
      caption: 'Simple',
      rows: [row(0, 'thead', th('Indicateur', { scope: 'col' }), th('Avant', { scope: 'col' })), row(1, 'tbody', th('Délai', { scope: 'row' }), td('3 j'))],
    };
    expect(computedHeaders(table).get(table.rows[1]!.cells[1]!)!.map((c) => c.name)).toEqual(['Délai', 'Avant']);
    expect(headerProblems(table)).toEqual([]);
  });

  it('with scope alone, a grouped table still resolves (row group header, opaque blocks crossed)', () => {
    expect(headerProblems(comparison((g, r, c) => td(`${g}${r}${c}`)))).toEqual([]);
  });

  it('headers first: right ids pass, a wrong or missing one is reported with the cell’s place', () => {
    const ids = ['a', 'b'];
    expect(headerProblems(comparison((g, r, c) => td('x', { headers: `g${g} r${g}${r} ${ids[c - 1]}` })))).toEqual([]);
    const wrong = headerProblems(comparison((g, r, c) => td('x', { headers: g === 2 && r === 1 && c === 2 ? `g2 r21 a` : `g${g} r${g}${r} ${ids[c - 1]}` })));
    expect(wrong).toEqual(['Comparaison : la cellule (ligne 6, colonne 3) a pour en-têtes « A », « Groupe 2 », « Ligne 2.1 » au lieu de « B », « Groupe 2 », « Ligne 2.1 »']);
    // An empty headers attribute hides every header, scope included.
    expect(headerProblems(comparison((g, r, c) => td('x', { headers: g === 1 && r === 1 && c === 1 ? '' : undefined })))).toHaveLength(1);
  });

  it('a data cell with no header at all is reported', () => {
    const table: TableModel = { caption: 'Sans en-tête', rows: [row(0, 'tbody', td('a'), td('b'))] };
    expect(headerProblems(table)).toEqual(['Sans en-tête : la cellule (ligne 1, colonne 1) n’a aucun en-tête', 'Sans en-tête : la cellule (ligne 1, colonne 2) n’a aucun en-tête']);
  });
});
