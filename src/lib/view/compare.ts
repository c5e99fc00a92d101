/**
 * The side-by-side comparison, as pure functions shared by the build and the
 * browser: the build turns each laureate into a column (its values as the
 * fiche reads them, from the field registry) and publishes it as JSON; the
 * table — rows grouped as on the fiche, impact metrics aligned by type,
 * « non renseigné » where a value is missing, which rows differ, which value
 * is the lowest or highest — is computed from the columns, at build time for
 * the thematic comparisons and in the browser for /comparer/.
 *
 * Browser code imports it: no zod, no Astro, not even the field registry —
 * the rows come as a `ComparisonSpec` (./compare-columns.ts builds it from
 * the registry, the page carries it), so the page ships none of the labels
 * it does not show.
 */
import type { Comparison, ComparisonGroupSpec, FieldPath } from '../../schemas/fields.ts';
import { plural } from './format.ts';

/** What a comparison cell shows for a missing value: never blank, never « non ». */
export const NOT_DECLARED = 'non renseigné';

/** One impact metric as the comparison shows it: the change first, so that changes face each other. */
export interface MetricLine {
  type: string;
  label: string;
  /** « 20 jours → 5 jours », or the value after when there is no before. */
  evolution: string;
  /** « −75 % », « +12 % », « stable »; absent when there is no before. */
  change?: string;
  evidence: string;
  evidenceLevel: string;
}

export interface Cell {
  /** The value as plain text: the CSV, the JSON and the difference test read it. */
  text: string;
  items?: string[];
  /** The value is this web address. */
  href?: string;
  /** A number to rank by (lower/higher is better). */
  value?: number;
  metrics?: MetricLine[];
  missing?: boolean;
  /** The lowest or highest of the declared values, on a row that ranks. */
  best?: 'lowest' | 'highest';
}

/** A laureate as the comparison reads it: its values by field path, the present ones only. */
export interface ComparisonColumn {
  id: string;
  name: string;
  href: string;
  cells: Partial<Record<FieldPath, Omit<Cell, 'missing' | 'best'>>>;
  metrics: MetricLine[];
}

/** A metric line in words: « Délai de traitement : 20 jours → 5 jours (−75 %, audité) ». */
export const metricText = (m: MetricLine) => `${m.label} : ${m.evolution} (${[m.change, m.evidence.toLocaleLowerCase('fr')].filter(Boolean).join(', ')})`;

/** The rows of a comparison: the groups of the registry, the metric types and evidence levels in order, with their labels. */
export interface ComparisonSpec {
  groups: ComparisonGroupSpec[];
  metricTypes: Array<{ value: string; label: string }>;
  /** Evidence levels, weakest first. */
  evidence: string[];
}

export interface TableRow {
  key: string;
  label: string;
  cells: Cell[];
  /** Whether the solutions differ on this row (« Afficher seulement les différences » hides the others). */
  differs: boolean;
}
export interface TableGroup {
  id: string;
  title: string;
  rows: TableRow[];
}
export interface ComparisonTable {
  columns: Array<Pick<ComparisonColumn, 'id' | 'name' | 'href'>>;
  groups: TableGroup[];
}

const missing = (): Cell => ({ text: NOT_DECLARED, missing: true });
const differs = (cells: Cell[]) => new Set(cells.map((c) => c.text)).size > 1;

/** Marks the lowest (or highest) declared value, when at least two are declared and they are not all equal. */
function markBest(cells: Cell[], compare: Comparison | undefined): Cell[] {
  if (compare !== 'lower-is-better' && compare !== 'higher-is-better') return cells;
  const values = cells.map((c) => c.value).filter((v): v is number => v !== undefined);
  if (values.length < 2 || new Set(values).size < 2) return cells;
  const best = compare === 'lower-is-better' ? Math.min(...values) : Math.max(...values);
  const mark = compare === 'lower-is-better' ? 'lowest' : 'highest';
  return cells.map((c) => (c.value === best ? { ...c, best: mark } : c));
}

/**
 * The impact rows: one per metric type any solution declares, in the
 * taxonomy's order; each cell lists that solution's metrics of the type,
 * strongest evidence first.
 */
export function alignMetrics(columns: readonly Pick<ComparisonColumn, 'metrics'>[], spec: Pick<ComparisonSpec, 'metricTypes' | 'evidence'>): TableRow[] {
  const rank = (m: MetricLine) => -spec.evidence.indexOf(m.evidenceLevel);
  return spec.metricTypes
    .filter(({ value }) => columns.some((c) => c.metrics.some((m) => m.type === value)))
    .map(({ value: type, label }) => {
      const cells = columns.map((c): Cell => {
        const lines = c.metrics.filter((m) => m.type === type).sort((a, b) => rank(a) - rank(b));
        return lines.length === 0 ? missing() : { text: lines.map(metricText).join(' ; '), metrics: lines };
      });
      return { key: `metrics.${type}`, label, cells, differs: differs(cells) };
    });
}

/** The comparison of these columns, in their order: groups as on the fiche, empty groups left out. */
export function comparisonTable(columns: readonly ComparisonColumn[], rowSpec: ComparisonSpec): ComparisonTable {
  const groups: TableGroup[] = [];
  for (const spec of rowSpec.groups) {
    const rows = spec.rows.map(({ path, label, compare }): TableRow => {
      const cells = markBest(
        columns.map((c) => c.cells[path] ?? missing()),
        compare,
      );
      return { key: path, label, cells, differs: differs(cells) };
    });
    // A row nobody declares says nothing: left out (the fiche leaves it out too).
    const declared = rows.filter((r) => r.cells.some((c) => !c.missing));
    if (declared.length > 0) groups.push({ id: spec.id, title: spec.title, rows: declared });
    if (spec.id === 'en-bref') {
      const impact = alignMetrics(columns, rowSpec);
      groups.push({
        id: 'impact',
        title: 'Impact mesuré',
        rows: impact.length > 0 ? impact : [{ key: 'metrics', label: 'Indicateurs d’impact', cells: columns.map(missing), differs: false }],
      });
    }
  }
  return { columns: columns.map(({ id, name, href }) => ({ id, name, href })), groups };
}

export const BEST_LABELS: Record<NonNullable<Cell['best']>, string> = { lowest: 'le plus bas', highest: 'le plus élevé' };

/** A cell as one line of text (CSV, JSON): the list joined, the ranking said. */
export function cellText(cell: Cell): string {
  const text = cell.items ? cell.items.join(' ; ') : cell.text;
  return cell.best ? `${text} (${BEST_LABELS[cell.best]})` : text;
}

/** The caption of a comparison: what is compared, in words. */
export function comparisonCaption(table: ComparisonTable): string {
  const names = table.columns.map((c) => c.name);
  return `Comparaison de ${plural(names.length, 'solution')} : ${names.join(', ')}`;
}

