/**
 * How the web editing interface (Decap CMS, /admin/) reads and writes a
 * content file: Markdown with a YAML front matter, edited in place. Decap's
 * own front-matter format rewrites the whole YAML on every save (its key
 * order, its quoting, its line folding, comments lost): an editor who fixes
 * one date would see the whole file change in review, and what a colleague
 * wrote by hand (comments, quoting) would be overwritten. This format keeps
 * the file as it was and changes only what the editor changed:
 *
 * - `fromFile` parses the file and keeps its text under SOURCE_KEY, a key the
 *   CMS carries untouched (it keeps fields it has no widget for);
 * - `toFile` parses that original again (the `yaml` library's document keeps
 *   styles, comments and order), sets the values that differ, deletes what
 *   the editor emptied, inserts new keys where the schema puts them, and
 *   writes the body back byte for byte when it did not change.
 *
 * Plain TypeScript, used in the browser by src/scripts/admin.ts and tested
 * in Node (format.test.ts: every file of the repository reads and writes
 * back identical).
 */
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/** The data key that carries a file's original text through the CMS (never written to a file). */
export const SOURCE_KEY = '__texteOriginal';

/** What the writer needs to know of a field: its name, how a new value is quoted, its default, its children. */
export interface FieldShape {
  name: string;
  /** `plain` for codes, dates and numbers' companions (enum values, slugs, AAAA-MM-JJ); text is double-quoted. */
  style?: 'plain' | 'quoted';
  /** The schema's default: a new file does not spell it out. */
  default?: unknown;
  /** A file next to the fiche: written `./images/…` (the CMS's media library writes `images/…`). */
  relativePath?: boolean;
  /** Children of a group, or of each item of a list. */
  fields?: readonly FieldShape[];
}

/** A field of the CMS configuration, as far as the writer reads it (CmsField in config.ts). */
export interface ConfigField {
  name: string;
  widget: string;
  default?: unknown;
  yaml_style?: 'plain' | 'quoted';
  fields?: readonly ConfigField[];
  field?: ConfigField;
}

/** The writer's field tree of a collection's configured fields: names in order, quoting, schema defaults. */
export function fieldShapes(fields: readonly ConfigField[]): FieldShape[] {
  return fields.map((f) => ({
    name: f.name,
    ...(f.yaml_style ? { style: f.yaml_style } : {}),
    // A hidden field's default is the collection's constant (the call): always written.
    ...(f.default !== undefined && f.widget !== 'hidden' ? { default: f.default } : {}),
    ...(f.widget === 'image' ? { relativePath: true } : {}),
    ...(f.fields ? { fields: fieldShapes(f.fields) } : f.field ? { fields: fieldShapes([f.field]) } : {}),
  }));
}

/** The stringify options: one line per value (no folding), `["a", "b"]` as editors and the ingestion write them. */
const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

const FENCE = /^---\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

interface Parts {
  frontMatter: string;
  /** What follows the closing fence, exactly. */
  rest: string;
}

function split(text: string): Parts {
  const m = FENCE.exec(text);
  return m ? { frontMatter: m[1] ?? '', rest: text.slice(m[0].length) } : { frontMatter: '', rest: text };
}

/** The body as the editor sees it: the file's text after the front matter, without the blank lines that separate them. */
const bodyOf = (rest: string) => rest.replace(/^(?:[ \t]*\r?\n)+/, '');

/** A file's data for the CMS: front matter, `body`, and the original text under SOURCE_KEY. */
export function fromFile(text: string): Record<string, unknown> {
  const { frontMatter, rest } = split(text);
  const doc = parseDocument(frontMatter);
  if (doc.errors.length > 0) throw new Error(`En-tête YAML illisible : ${doc.errors[0]!.message}`);
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  return { ...data, body: bodyOf(rest), [SOURCE_KEY]: text };
}

const isEmpty = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.values(v as object).every(isEmpty));

const sameValue = (a: unknown, b: unknown) => a === b || (a instanceof Date && typeof b === 'string' && a.toISOString().slice(0, 10) === b);

/** A value as the file writes it: text trimmed, a file next to the fiche as a relative path. */
function written(value: unknown, shape: FieldShape | undefined): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  return shape?.relativePath && !/^(?:\.{1,2}\/|\/|[a-z][a-z0-9+.-]*:)/i.test(text) ? `./${text}` : text;
}

/** A new YAML node for a value, quoted as its field says. */
function newNode(doc: Document, value: unknown, shape: FieldShape | undefined): unknown {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    for (const item of value) if (!isEmpty(item)) seq.items.push(newNode(doc, item, shape) as never);
    return seq;
  }
  if (value !== null && typeof value === 'object') {
    const map = new YAMLMap();
    mergeMap(doc, map, value as Record<string, unknown>, shape?.fields);
    return map;
  }
  const scalar = new Scalar(written(value, shape));
  if (typeof value === 'string') scalar.type = shape?.style === 'plain' ? Scalar.PLAIN : Scalar.QUOTE_DOUBLE;
  return scalar;
}

/** The existing node updated to `value`, untouched when the value is the same. */
function mergeNode(doc: Document, node: unknown, value: unknown, shape: FieldShape | undefined): unknown {
  if (Array.isArray(value) && isSeq(node)) {
    const items = value.filter((v) => !isEmpty(v));
    node.items = items.map((item, i) => (i < node.items.length ? mergeNode(doc, node.items[i], item, shape) : newNode(doc, item, shape))) as never;
    return node;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && isMap(node)) {
    mergeMap(doc, node, value as Record<string, unknown>, shape?.fields);
    return node;
  }
  if (isScalar(node) && typeof value !== 'object') {
    const next = written(value, shape);
    if (!sameValue(node.value, next)) node.value = next;
    return node;
  }
  return newNode(doc, value, shape);
}

const keyOf = (pair: { key: unknown }) => String(isScalar(pair.key) ? pair.key.value : pair.key);

/**
 * Sets a mapping to an object's values: keys the editor emptied go, changed
 * values change in place, new keys go where the schema's order puts them
 * (after the fields that precede them), defaults are not spelled out.
 */
function mergeMap(doc: Document, map: YAMLMap, object: Record<string, unknown>, fields: readonly FieldShape[] | undefined): void {
  const rank = new Map((fields ?? []).map((f, i) => [f.name, i]));
  const shapeOf = (key: string) => fields?.find((f) => f.name === key);
  for (const pair of [...map.items]) {
    const key = keyOf(pair);
    const value = object[key];
    // An empty list written as `[]` stays as it is; anything else emptied is removed.
    if (isEmpty(value) && !(Array.isArray(value) && isSeq(pair.value) && pair.value.items.length === 0)) map.delete(pair.key);
  }
  for (const [key, value] of Object.entries(object)) {
    if (key === SOURCE_KEY || isEmpty(value)) continue;
    const shape = shapeOf(key);
    const existing = map.items.find((p) => keyOf(p) === key);
    if (existing) {
      existing.value = mergeNode(doc, existing.value, value, shape) as never;
      continue;
    }
    if (shape && 'default' in shape && sameValue(shape.default, value)) continue;
    const pair = doc.createPair(key, null);
    pair.value = newNode(doc, value, shape) as never;
    const mine = rank.get(key) ?? Number.POSITIVE_INFINITY;
    const at = map.items.findIndex((p) => (rank.get(keyOf(p)) ?? Number.POSITIVE_INFINITY) > mine);
    if (at === -1) map.items.push(pair as never);
    else map.items.splice(at, 0, pair as never);
  }
}

/**
 * A file's text from the CMS's data: the original file with the editor's
 * changes applied (see the module's comment), or a new file in the schema's
 * order. `fields` is the collection's field tree (src/lib/cms/config.ts).
 */
export function toFile(data: Record<string, unknown>, fields: readonly FieldShape[]): string {
  const { body, [SOURCE_KEY]: source, ...values } = data;
  const original = typeof source === 'string' ? split(source) : undefined;
  const doc = original ? parseDocument(original.frontMatter) : new Document({});
  if (!isMap(doc.contents)) doc.contents = new YAMLMap() as never;
  mergeMap(doc, doc.contents as YAMLMap, values, fields);
  const yaml = (doc.contents as YAMLMap).items.length === 0 ? '' : doc.toString(STRINGIFY);
  const text = typeof body === 'string' ? body : '';
  const rest = original && bodyOf(original.rest) === text ? original.rest : text.trim() === '' ? '' : `\n${text.replace(/\s+$/, '')}\n`;
  return `---\n${yaml}---\n${rest}`;
}
