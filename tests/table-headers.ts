/**
 * Which header cells a data cell has, computed as assistive technologies compute it: the HTML
 * table model's « forming relationships between data cells and header cells » — the `headers`
 * attribute when present, else the scan left along the row and up along the column (with `scope`,
 * opaque header blocks and auto-scoped headers), plus the row-group headers of its `tbody`.
 * https://html.spec.whatwg.org/multipage/tables.html#header-and-data-cell-semantics
 *
 * It works on a small serialisable model of a table, so that the static gates (parse5) and the
 * browser tests (a table drawn by a script) share it. `expectedHeaders` says what a reader needs
 * from the structure alone: the `th` of its row, the `thead` headers above it, its group's header.
 */

export interface CellModel {
  tag: 'td' | 'th';
  id?: string;
  headers?: string;
  scope?: string;
  colspan: number;
  rowspan: number;
  /** Its text, for messages and the empty-header rule. */
  name: string;
}

export interface RowModel {
  /** The row group it belongs to: the index of its `thead`/`tbody`/`tfoot` in the table. */
  group: number;
  groupTag: 'thead' | 'tbody' | 'tfoot';
  cells: CellModel[];
}

export interface TableModel {
  caption: string;
  rows: RowModel[];
}

interface Placed {
  cell: CellModel;
  x: number;
  y: number;
  width: number;
  height: number;
  row: RowModel;
}

/** Every cell with its slot coordinates (colspan and rowspan applied, as the table model forms them). */
export function placeCells(table: TableModel): Placed[] {
  const taken = new Set<string>();
  const placed: Placed[] = [];
  table.rows.forEach((row, y) => {
    let x = 0;
    for (const cell of row.cells) {
      while (taken.has(`${x},${y}`)) x++;
      const width = Math.max(1, cell.colspan);
      const height = Math.max(1, cell.rowspan);
      for (let dx = 0; dx < width; dx++) for (let dy = 0; dy < height; dy++) taken.add(`${x + dx},${y + dy}`);
      placed.push({ cell, x, y, width, height, row });
      x += width;
    }
  });
  return placed;
}

const scopeOf = (c: CellModel) => (['row', 'col', 'rowgroup', 'colgroup'].includes((c.scope ?? '').toLowerCase()) ? c.scope!.toLowerCase() : 'auto');

/** The header cells of each data cell, by the HTML table algorithm. */
export function computedHeaders(table: TableModel): Map<CellModel, CellModel[]> {
  const cells = placeCells(table);
  const at = new Map<string, Placed>();
  for (const p of cells) for (let dx = 0; dx < p.width; dx++) for (let dy = 0; dy < p.height; dy++) at.set(`${p.x + dx},${p.y + dy}`, p);
  const width = Math.max(0, ...cells.map((p) => p.x + p.width));
  const height = table.rows.length;
  const isData = (p: Placed) => p.cell.tag === 'td';
  const isColumnHeader = (p: Placed) =>
    p.cell.tag === 'th' &&
    (scopeOf(p.cell) === 'col' || (scopeOf(p.cell) === 'auto' && !cells.some((o) => isData(o) && o.y < p.y + p.height && o.y + o.height > p.y)));
  const isRowHeader = (p: Placed) =>
    p.cell.tag === 'th' &&
    (scopeOf(p.cell) === 'row' ||
      (scopeOf(p.cell) === 'auto' && !isColumnHeader(p) && !cells.some((o) => isData(o) && o.x < p.x + p.width && o.x + o.width > p.x)));

  function scan(principal: Placed, startX: number, startY: number, dx: number, dy: number, list: Placed[]) {
    const opaque: Placed[] = [];
    let inBlock = principal.cell.tag === 'th';
    let block: Placed[] = inBlock ? [principal] : [];
    for (let x = startX + dx, y = startY + dy; x >= 0 && y >= 0 && x < width && y < height; x += dx, y += dy) {
      const current = at.get(`${x},${y}`);
      if (!current) continue;
      if (current.cell.tag === 'th') {
        inBlock = true;
        block.push(current);
        let blocked = false;
        if (dx === 0) blocked = opaque.some((o) => o.x === current.x && o.width === current.width) || !isColumnHeader(current);
        if (dy === 0) blocked = opaque.some((o) => o.y === current.y && o.height === current.height) || !isRowHeader(current);
        if (!blocked) list.push(current);
      } else if (inBlock) {
        inBlock = false;
        opaque.push(...block);
        block = [];
      }
    }
  }

  const byId = new Map(cells.filter((p) => p.cell.id).map((p) => [p.cell.id!, p]));
  const result = new Map<CellModel, CellModel[]>();
  for (const p of cells.filter(isData)) {
    let list: Placed[] = [];
    if (p.cell.headers !== undefined) {
      list = p.cell.headers.split(/\s+/).filter(Boolean).map((id) => byId.get(id)).filter((h): h is Placed => !!h);
    } else {
      for (let y = p.y; y < p.y + p.height; y++) scan(p, p.x, y, -1, 0, list);
      for (let x = p.x; x < p.x + p.width; x++) scan(p, x, p.y, 0, -1, list);
      list.push(...cells.filter((h) => h.cell.tag === 'th' && scopeOf(h.cell) === 'rowgroup' && h.row.group === p.row.group && h.x < p.x + p.width && h.y < p.y + p.height));
    }
    const unique = [...new Set(list)].filter((h) => h !== p && h.cell.name.trim() !== '');
    result.set(p.cell, unique.map((h) => h.cell));
  }
  return result;
}

/** What a reader needs for each data cell: the `th` of its row, the `thead` headers above it, its row group's header. */
export function expectedHeaders(table: TableModel): Map<CellModel, CellModel[]> {
  const cells = placeCells(table);
  const result = new Map<CellModel, CellModel[]>();
  for (const p of cells.filter((c) => c.cell.tag === 'td')) {
    const rowHeaders = cells.filter((h) => h.cell.tag === 'th' && h.row === p.row && h.x < p.x && scopeOf(h.cell) !== 'rowgroup');
    const columnHeaders = cells.filter((h) => h.cell.tag === 'th' && h.row.groupTag === 'thead' && h.x < p.x + p.width && h.x + h.width > p.x);
    const groupHeaders = cells.filter((h) => h.cell.tag === 'th' && scopeOf(h.cell) === 'rowgroup' && h.row.group === p.row.group);
    result.set(p.cell, [...groupHeaders, ...rowHeaders, ...columnHeaders].map((h) => h.cell));
  }
  return result;
}

/** Each data cell whose computed headers differ from what it needs, or that has none: one line each. */
export function headerProblems(table: TableModel): string[] {
  const computed = computedHeaders(table);
  const expected = expectedHeaders(table);
  const names = (list: CellModel[]) => list.map((c) => `« ${c.name.trim().slice(0, 40)} »`).sort();
  const problems: string[] = [];
  placeCells(table)
    .filter((p) => p.cell.tag === 'td')
    .forEach((p) => {
      const got = names(computed.get(p.cell) ?? []);
      const want = names(expected.get(p.cell) ?? []);
      if (want.length === 0) problems.push(`${table.caption} : la cellule (ligne ${p.y + 1}, colonne ${p.x + 1}) n’a aucun en-tête`);
      else if (JSON.stringify(got) !== JSON.stringify(want))
        problems.push(`${table.caption} : la cellule (ligne ${p.y + 1}, colonne ${p.x + 1}) a pour en-têtes ${got.join(', ') || 'aucun'} au lieu de ${want.join(', ')}`);
    });
  return problems;
}

/**
 * The model of every table of the current document, read in the browser (passed to
 * `page.evaluate`; it must stay self-contained).
 */
export function tablesInDocument(): TableModel[] {
  return [...document.querySelectorAll('table')].map((table) => {
    const rows: RowModel[] = [];
    [...table.children].forEach((section, group) => {
      const tag = section.tagName.toLowerCase();
      if (tag !== 'thead' && tag !== 'tbody' && tag !== 'tfoot') return;
      for (const tr of section.querySelectorAll(':scope > tr')) {
        rows.push({
          group,
          groupTag: tag,
          cells: [...tr.children].map((c) => ({
            tag: c.tagName.toLowerCase() as 'td' | 'th',
            id: c.id || undefined,
            headers: c.getAttribute('headers') ?? undefined,
            scope: c.getAttribute('scope') ?? undefined,
            colspan: Number(c.getAttribute('colspan') ?? 1),
            rowspan: Number(c.getAttribute('rowspan') ?? 1),
            name: c.textContent ?? '',
          })),
        });
      }
    });
    return { caption: (table.caption?.textContent ?? '(sans titre)').trim().slice(0, 80), rows };
  });
}
