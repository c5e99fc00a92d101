/**
 * Reads a zod schema as documentation: every field with its path, its
 * description (`.describe()`), whether it is required, its type and, for
 * enums, its values with their French labels. Feeds the editors' guide and
 * the `npm run new` template, so neither drifts from the schema.
 */
import { enumLabels } from '../schemas/enum-schema.ts';

export interface FieldDoc {
  /** Dotted path; `[]` marks the items of a list (`metrics[].unit`). */
  path: string;
  description?: string;
  required: boolean;
  type: 'texte' | 'nombre' | 'booléen' | 'date' | 'liste' | 'groupe' | 'valeur' | 'image' | 'adresse web';
  /** Allowed values, with their labels when the taxonomy has them. */
  values?: Array<{ value: string; label?: string }>;
  /** Children of a group, or of the items of a list. */
  children?: FieldDoc[];
  itemType?: FieldDoc['type'];
  /** A number's bounds (inclusive) and whether it is whole. */
  min?: number;
  max?: number;
  integer?: boolean;
  /** A text's longest length, when the schema bounds it. */
  maxLength?: number;
  /** The schema's default, when it has one. */
  default?: unknown;
  /** A web address that may also be a path of the site (`/documents/…`). */
  sitePath?: true;
}

type Def = { type: string; innerType?: unknown; in?: unknown; out?: unknown; shape?: Record<string, unknown>; element?: unknown; entries?: Record<string, string>; options?: unknown[]; format?: string };
const def = (s: unknown) => (s as { def?: Def }).def ?? ({ type: 'unknown' } as Def);
const descriptionOf = (s: unknown) => (s as { description?: string }).description;

/** Peels optional/default/pipe wrappers; tells whether the field may be left out. */
function unwrap(schema: unknown): { inner: unknown; optional: boolean; description?: string; default?: unknown } {
  let s = schema;
  let optional = false;
  let fallback: { default?: unknown } = {};
  let description = descriptionOf(s);
  for (let i = 0; i < 10; i++) {
    const d = def(s);
    if (d.type === 'optional' || d.type === 'default' || d.type === 'prefault') {
      optional = true;
      if (d.type === 'default' && !('default' in fallback)) fallback = { default: (d as { defaultValue?: unknown }).defaultValue };
      s = d.innerType;
    } else if (d.type === 'nullable' || d.type === 'readonly') s = d.innerType;
    else if (d.type === 'pipe') s = d.in;
    else break;
    description ??= descriptionOf(s);
  }
  return { inner: s, optional, description, ...fallback };
}

/** Bounds a zod number or string carries (zod 4 exposes them on the schema). */
function bounds(inner: unknown): Pick<FieldDoc, 'min' | 'max' | 'integer' | 'maxLength'> {
  const b = inner as { minValue?: number | null; maxValue?: number | null; isInt?: boolean; maxLength?: number | null };
  const safe = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined);
  const d = def(inner);
  if (d.type === 'number') {
    const min = safe(b.minValue);
    const max = safe(b.maxValue);
    return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), ...(b.isInt ? { integer: true } : {}) };
  }
  if (d.type === 'string' && safe(b.maxLength) !== undefined) return { maxLength: b.maxLength! };
  return {};
}

function typeOf(inner: unknown): FieldDoc['type'] {
  const d = def(inner);
  switch (d.type) {
    case 'string':
      return d.format === 'url' ? 'adresse web' : d.format === 'date' ? 'date' : 'texte';
    case 'number':
      return 'nombre';
    case 'boolean':
      return 'booléen';
    case 'enum':
      return 'valeur';
    case 'array':
      return 'liste';
    case 'object':
      return 'groupe';
    case 'union': {
      const kinds = (d.options ?? []).map((o) => def(o).type);
      if (kinds.includes('date')) return 'date';
      if ((d.options ?? []).some((o) => def(o).format === 'url')) return 'adresse web';
      return 'texte';
    }
    case 'date':
      return 'date';
    default:
      return 'texte';
  }
}

export function describeSchema(schema: unknown, prefix = ''): FieldDoc[] {
  const { inner } = unwrap(schema);
  const d = def(inner);
  if (d.type !== 'object' || !d.shape) return [];
  return Object.entries(d.shape).map(([key, field]) => docOf(field, prefix ? `${prefix}.${key}` : key));
}

/** An enum's values with the labels its own list gives them (never another list's). */
function enumValues(schema: unknown, entries: Record<string, string>): NonNullable<FieldDoc['values']> {
  const labels = enumLabels(schema);
  return Object.values(entries).map((value) => ({ value, ...(labels?.has(value) ? { label: labels.get(value) } : {}) }));
}

function docOf(field: unknown, path: string): FieldDoc {
  const { inner, optional, description, ...fallback } = unwrap(field);
  const d = def(inner);
  const doc: FieldDoc = { path, required: !optional, type: typeOf(inner), ...(description ? { description } : {}), ...bounds(inner), ...fallback };
  // A union of a web address and another text (siteOrWebUrl in common.ts): a path of the site is accepted too.
  if (doc.type === 'adresse web' && d.type === 'union' && (d.options ?? []).some((o) => def(o).type === 'string' && def(o).format !== 'url')) doc.sitePath = true;
  if (d.type === 'enum' && d.entries) doc.values = enumValues(inner, d.entries);
  if (d.type === 'object') doc.children = describeSchema(inner, path);
  if (d.type === 'array') {
    const item = unwrap(d.element);
    const itemDef = def(item.inner);
    doc.itemType = typeOf(item.inner);
    if (itemDef.type === 'enum' && itemDef.entries) doc.values = enumValues(item.inner, itemDef.entries);
    if (itemDef.type === 'object') doc.children = describeSchema(item.inner, `${path}[]`);
  }
  // The image field is a plain string outside Astro: name it for editors.
  if (/(^|\.)src$/.test(path)) doc.type = 'image';
  return doc;
}

/** Every field, depth first. */
export function flatten(fields: readonly FieldDoc[]): FieldDoc[] {
  return fields.flatMap((f) => [f, ...flatten(f.children ?? [])]);
}
