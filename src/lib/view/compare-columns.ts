/**
 * The build's side of the comparison: each laureate's column (its values as
 * the fiche reads them, from the field registry) and the rows' spec, which
 * the pages hand to the browser so that it needs neither the registry nor
 * the taxonomy.
 */
import { comparisonGroups, fieldRow, type FieldPath } from '../../schemas/fields.ts';
import { EVIDENCE_LEVELS, METRIC_TYPES } from '../../schemas/taxonomy.ts';
import { formatQuantity, relativeChange } from './format.ts';
import { NOT_DECLARED, type ComparisonColumn, type ComparisonSpec, type MetricLine } from './compare.ts';
import { laureateHref, type CallLike, type LaureateLike } from './laureate.ts';

/** The rows of every comparison, from the registry and the taxonomy. */
export function comparisonSpec(): ComparisonSpec {
  return {
    groups: comparisonGroups(),
    metricTypes: METRIC_TYPES.options.map(({ value, label }) => ({ value, label })),
    evidence: [...EVIDENCE_LEVELS.values],
  };
}

function metricLines(l: LaureateLike['data']): MetricLine[] {
  return l.metrics.map((m) => {
    const change = relativeChange(m.before, m.after);
    return {
      type: m.type,
      label: m.label,
      evolution: m.before === undefined ? `${formatQuantity(m.after, m.unit)} (avant : ${NOT_DECLARED})` : `${formatQuantity(m.before, m.unit)} → ${formatQuantity(m.after, m.unit)}`,
      ...(change ? { change } : {}),
      evidence: EVIDENCE_LEVELS.label(m.evidence),
      evidenceLevel: m.evidence,
    };
  });
}

/** The number a ranking row compares: the field's own number, or the count of a list. */
function rankValue(path: FieldPath, l: LaureateLike['data']): number | undefined {
  let v: unknown = l;
  for (const key of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  if (typeof v === 'number') return v;
  if (Array.isArray(v)) return v.length;
  return undefined;
}

/** A laureate's column: every comparison row's value (as the fiche reads it) and its metrics. */
export function comparisonColumn(l: LaureateLike, call: CallLike): ComparisonColumn {
  const cells: ComparisonColumn['cells'] = {};
  for (const group of comparisonGroups()) {
    for (const { path, compare } of group.rows) {
      if (path === 'call') {
        cells.call = { text: call.data.title };
        continue;
      }
      const [r] = fieldRow(path, l.data);
      if (!r) continue;
      const ranks = compare === 'lower-is-better' || compare === 'higher-is-better';
      const value = ranks ? rankValue(path, l.data) : undefined;
      cells[path] = { text: r.value, ...(r.items ? { items: r.items } : {}), ...(r.href ? { href: r.href } : {}), ...(value !== undefined ? { value } : {}) };
    }
  }
  return { id: l.id, name: l.data.name, href: laureateHref(l.id), cells, metrics: metricLines(l.data) };
}
