/**
 * The comparison table as DSFR markup (an element tree of ./markup.ts): the
 * build renders it for the thematic comparisons, the browser for /comparer/.
 * One column per solution whose header is its name; a `<tbody>` per group
 * headed by a `rowgroup` header; rows that do not differ carry
 * `data-identique` (« Afficher seulement les différences » hides them).
 * Headers on three levels (columns, groups, rows) make it a complex table: RGAA 5.7's technique
 * is an `id` on every header cell and `headers` on every data cell, which `tableHeaderIds` gives.
 */
import { BEST_LABELS, NOT_DECLARED, comparisonCaption, type Cell, type ComparisonTable } from './compare.ts';
import { EVIDENCE_BADGE } from './evidence.ts';
import { h, type El } from './markup.ts';

/** A DSFR badge; a `span` inside a paragraph (a `p` cannot hold a `p`). */
const badge = (text: string, colour = '', tag: 'p' | 'span' = 'p') => h(tag, { class: `fr-badge fr-badge--sm fr-badge--no-icon ${colour}`.trim() }, text);

function cellContent(cell: Cell): Array<El | string> {
  if (cell.missing) return [h('span', { class: 'comparaison__absent' }, NOT_DECLARED)];
  const best = cell.best ? [badge(BEST_LABELS[cell.best], 'fr-badge--success')] : [];
  if (cell.metrics) {
    return cell.metrics.map((m) =>
      h(
        'div',
        { class: 'comparaison__indicateur' },
        h('p', { class: 'fr-mb-0' }, m.change ? h('strong', {}, m.change) : 'évolution non calculable', ' ', badge(m.evidence, EVIDENCE_BADGE[m.evidenceLevel], 'span')),
        h('p', { class: 'fr-text--sm fr-mb-1v' }, `${m.label} : ${m.evolution}`),
      ),
    );
  }
  if (cell.items) return [h('ul', { class: 'comparaison__liste' }, cell.items.map((i) => h('li', {}, i))), ...best];
  if (cell.href) return [h('a', { href: cell.href, rel: 'noopener' }, cell.text), ...best];
  return [cell.text, ...best];
}

/** How the table reads: what its columns and its groups of rows are (RGAA 5.1). */
export function comparisonSummary(table: ComparisonTable): string {
  const groups = table.groups.map((g) => g.title);
  return `Une colonne par solution, dont l’en-tête mène à sa fiche ; les lignes sont groupées en rubriques, chacune ouverte par une ligne de titre : ${groups.join(', ')} ; « ${NOT_DECLARED} » quand la fiche ne renseigne pas le critère.`;
}

/** The ids of the header cells of a comparison table whose caption is `id` (unique in the page, whatever the solutions' names). */
export function tableHeaderIds(id: string) {
  return {
    criterion: `${id}-critere`,
    column: (index: number) => `${id}-col-${index + 1}`,
    group: (groupIndex: number) => `${id}-groupe-${groupIndex + 1}`,
    row: (groupIndex: number, rowIndex: number) => `${id}-ligne-${groupIndex + 1}-${rowIndex + 1}`,
  };
}

/** The table; `id` names its caption (and the scrollable region after it) and prefixes its header cells' ids. */
export function comparisonTableMarkup(table: ComparisonTable, id: string): El {
  const span = table.columns.length + 1;
  const ids = tableHeaderIds(id);
  return h(
    'div',
    { class: 'fr-table fr-table--bordered comparaison' },
    h(
      'div',
      { class: 'fr-table__wrapper' },
      h(
        'div',
        { class: 'fr-table__container', tabindex: 0, role: 'region', 'aria-labelledby': id },
        h(
          'div',
          { class: 'fr-table__content' },
          h(
            'table',
            { 'data-colonnes': table.columns.length },
            // RGAA 5.1: a complex table (rows grouped under rowgroup headers) has a summary, the DSFR caption's description.
            h('caption', { id }, comparisonCaption(table), h('div', { class: 'fr-table__caption__desc' }, comparisonSummary(table))),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col', id: ids.criterion, class: 'comparaison__critere' }, 'Critère'),
                table.columns.map((c, i) => h('th', { scope: 'col', id: ids.column(i) }, h('a', { href: c.href }, c.name))),
              ),
            ),
            table.groups.map((g, gi) =>
              h(
                'tbody',
                { 'data-groupe': g.id, 'data-identique': g.rows.every((r) => !r.differs) },
                h('tr', { class: 'comparaison__groupe' }, h('th', { scope: 'rowgroup', colspan: span, id: ids.group(gi) }, g.title)),
                g.rows.map((r, ri) =>
                  h(
                    'tr',
                    { 'data-identique': !r.differs },
                    h('th', { scope: 'row', id: ids.row(gi, ri), headers: `${ids.group(gi)} ${ids.criterion}` }, r.label),
                    r.cells.map((c, ci) => h('td', { headers: `${ids.group(gi)} ${ids.row(gi, ri)} ${ids.column(ci)}` }, ...cellContent(c))),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
