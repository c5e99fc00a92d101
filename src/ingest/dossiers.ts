/**
 * One dossier, whatever the export it came from (CSV, XLSX, GraphQL dump),
 * read only through the mapping: a column that is not mapped is never read.
 */
import { normaliseLabel } from '../schemas/enum.ts';
import { readDate, type DateReading } from './dates.ts';
import { IngestError } from './errors.ts';
import { idOf, labelsOf, type FieldSource, type Mapping } from './mapping.ts';
import { columnsOf, findColumn, firstOf, headerKey, recordsOf, type Table, type TableRecord } from './table.ts';

export type BlockKey = 'metrics' | 'references';

export interface Dossier {
  number: number;
  /** State as DS labels it in exports (`Accepté`, `Refusé`…). */
  state: string;
  /** Processing date as read, with the column it came from (for the report). */
  processedAt?: { column: string; reading: DateReading };
  source: string;
  value(source: FieldSource): string | undefined;
  /** For multiple choices read from the API: the values as a list. */
  values?(source: FieldSource): string[] | undefined;
  block(key: BlockKey): Array<{ value(source: FieldSource): string | undefined }>;
}

const API_STATES: Record<string, string> = {
  en_construction: 'En construction',
  en_instruction: 'En instruction',
  accepte: 'Accepté',
  refuse: 'Refusé',
  sans_suite: 'Classé sans suite',
};

function dateOf(column: string, text: string | undefined): Dossier['processedAt'] {
  const reading = readDate(text);
  return reading ? { column, reading } : undefined;
}

function parseNumber(text: string | undefined, where: string): number {
  const n = Number((text ?? '').replace(/\s/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new IngestError(`${where} : numéro de dossier invalide « ${text ?? ''} »`);
  return n;
}

/** The first non-empty value among the source's labels (else the first present, empty), with its label. */
function recordEntry(record: TableRecord, source: FieldSource): { label: string; value: string } | undefined {
  let present: { label: string; value: string } | undefined;
  for (const label of labelsOf(source)) {
    const value = record(headerKey(label));
    if (value !== undefined && value.trim() !== '') return { label, value };
    if (value !== undefined) present ??= { label, value };
  }
  return present;
}

const recordValue = (record: TableRecord, source: FieldSource) => recordEntry(record, source)?.value;

/** Every mapped source of the main table, for the header checks. */
function mappedSources(mapping: Mapping): Array<[string, FieldSource]> {
  return [
    ...Object.entries(mapping.fields).map(([k, s]) => [k, s] as [string, FieldSource]),
    ['dossier.number', mapping.dossier.number],
    ['dossier.state', mapping.dossier.state],
    ['rule.consent', mapping.rule.consent],
    ...(mapping.rule.decision ? [['rule.decision', mapping.rule.decision.field] as [string, FieldSource]] : []),
  ];
}

/**
 * Checks the headers against the mapping: a mapped column must be present
 * (one of its labels) and only once. Returns the problems, in French.
 */
export function headerProblems(tables: readonly Table[], mapping: Mapping): string[] {
  const problems: string[] = [];
  for (const [target, source] of mappedSources(mapping)) {
    const labels = labelsOf(source);
    const found = tables.map((t) => ({ t, col: findColumn(t, labels) })).filter((x) => x.col);
    if (found.length === 0) {
      if (target === 'rule.decision' && mapping.decisionsTable) continue;
      problems.push(
        `colonne manquante pour « ${target} » : ${labels.map((l) => `« ${l} »`).join(' ou ')} introuvable dans ${tables.map((t) => t.source).join(', ')} — corrigez le libellé dans mapping.yml ou vérifiez l’export`,
      );
    }
    for (const { t, col } of found) {
      if (col!.count > 1) {
        problems.push(
          `colonne en double pour « ${target} » : « ${col!.label} » apparaît ${col!.count} fois dans ${t.source} (plusieurs révisions du formulaire ?) — renommez le champ dans la démarche ou précisez un autre libellé dans mapping.yml`,
        );
      }
    }
  }
  return problems;
}

function processedAtOf(record: TableRecord, mapping: Mapping): Dossier['processedAt'] {
  if (!mapping.dossier.processedAt) return undefined;
  const entry = recordEntry(record, mapping.dossier.processedAt);
  return entry ? dateOf(entry.label, entry.value) : undefined;
}

/** Dossiers from a main table, plus optional joined tables (XLSX `Etablissements`) and block sheets. */
export function dossiersFromTables(
  main: Table,
  mapping: Mapping,
  joined: readonly Table[] = [],
  blocks: Partial<Record<BlockKey, Table>> = {},
): Dossier[] {
  const numberLabels = labelsOf(mapping.dossier.number);
  const joinedByNumber = new Map<number, TableRecord[]>();
  for (const table of joined) {
    const col = findColumn(table, ['Dossier ID', ...numberLabels]);
    if (!col) continue;
    recordsOf(table).forEach((record, i) => {
      const n = Number(table.rows[i]![col.index]);
      joinedByNumber.set(n, [...(joinedByNumber.get(n) ?? []), record]);
    });
  }
  const blockRows = new Map<BlockKey, Map<number, TableRecord[]>>();
  for (const [key, table] of Object.entries(blocks) as Array<[BlockKey, Table]>) {
    const col = findColumn(table, ['Dossier ID', ...numberLabels]);
    if (!col) throw new IngestError(`${table.source} : colonne « Dossier ID » introuvable`);
    const lineCol = columnsOf(table, 'Ligne')[0];
    const byNumber = new Map<number, Array<{ line: number; record: TableRecord }>>();
    recordsOf(table).forEach((record, i) => {
      const n = Number(table.rows[i]![col.index]);
      const line = lineCol === undefined ? i : Number(table.rows[i]![lineCol]);
      byNumber.set(n, [...(byNumber.get(n) ?? []), { line, record }]);
    });
    blockRows.set(key, new Map([...byNumber].map(([n, rows]) => [n, rows.sort((a, b) => a.line - b.line).map((r) => r.record)])));
  }

  const numberCol = findColumn(main, numberLabels)!;
  return recordsOf(main).map((own, i) => {
    const number = parseNumber(main.rows[i]![numberCol.index], `${main.source}, ligne ${i + 2}`);
    const extra = joinedByNumber.get(number);
    const record = extra ? firstOf([own, ...extra]) : own;
    const dossier: Dossier = {
      number,
      state: normaliseLabel(recordValue(record, mapping.dossier.state) ?? ''),
      processedAt: processedAtOf(record, mapping),
      source: main.source,
      value: (source) => recordValue(record, source),
      block: (key) => (blockRows.get(key)?.get(number) ?? []).map((r) => ({ value: (s: FieldSource) => recordValue(r, s) })),
    };
    return dossier;
  });
}

// ---------------------------------------------------------------------------
// GraphQL API v2 dump
// ---------------------------------------------------------------------------

interface ApiChamp {
  __typename?: string;
  champDescriptorId?: string;
  id?: string;
  label?: string;
  stringValue?: string | null;
  checked?: boolean | null;
  value?: unknown;
  values?: string[] | null;
  date?: string | null;
  rows?: Array<{ champs?: ApiChamp[] }> | null;
  files?: Array<{ filename?: string }> | null;
}

interface ApiDossier {
  number?: number;
  state?: string;
  dateTraitement?: string | null;
  demandeur?: { siret?: string; entreprise?: { raisonSociale?: string; nomCommercial?: string } };
  champs?: ApiChamp[];
  annotations?: ApiChamp[];
}

function champText(c: ApiChamp): string {
  if (c.files) return c.files.map((f) => f.filename ?? '').filter(Boolean).join(', ');
  if (typeof c.checked === 'boolean') return c.checked ? 'on' : 'off';
  if (c.date) return c.date.slice(0, 10);
  if (c.values) return c.values.join(', ');
  return c.stringValue ?? '';
}

function champIndex(champs: readonly ApiChamp[]) {
  const byLabel = new Map<string, ApiChamp>();
  const byId = new Map<string, ApiChamp>();
  for (const c of champs) {
    if (c.label && !byLabel.has(headerKey(c.label))) byLabel.set(headerKey(c.label), c);
    const id = c.champDescriptorId ?? c.id;
    if (id) byId.set(id, c);
  }
  const find = (source: FieldSource) => {
    const id = idOf(source);
    if (id && byId.has(id)) return byId.get(id);
    for (const label of labelsOf(source)) {
      const c = byLabel.get(headerKey(label));
      if (c) return c;
    }
    return undefined;
  };
  return find;
}

/** Accepts `{data:{demarche:{dossiers:{nodes}}}}`, `{demarche:…}`, `{nodes}` or a bare array. */
export function apiNodes(json: unknown): ApiDossier[] | undefined {
  const j = json as Record<string, any>;
  const candidates = [j?.data?.demarche?.dossiers?.nodes, j?.demarche?.dossiers?.nodes, j?.dossiers?.nodes, j?.nodes, json];
  const nodes = candidates.find((c) => Array.isArray(c) && c.every((n) => n && typeof n === 'object' && 'number' in n && ('champs' in n || 'state' in n)));
  return nodes as ApiDossier[] | undefined;
}

export function dossiersFromApi(nodes: readonly ApiDossier[], mapping: Mapping, source: string): Dossier[] {
  return nodes.map((node, i) => {
    const number = parseNumber(String(node.number ?? ''), `${source}, dossier n° ${i + 1}`);
    const find = champIndex([...(node.champs ?? []), ...(node.annotations ?? [])]);
    const demandeur: Record<string, string | undefined> = {
      [headerKey('Entreprise raison sociale')]: node.demandeur?.entreprise?.raisonSociale,
      [headerKey('Entreprise nom commercial')]: node.demandeur?.entreprise?.nomCommercial,
      [headerKey('Établissement SIRET')]: node.demandeur?.siret,
    };
    const blocks: Partial<Record<BlockKey, Array<{ value(s: FieldSource): string | undefined }>>> = {};
    for (const key of ['metrics', 'references'] as const) {
      const block = mapping.blocks[key];
      if (!block) continue;
      const champ = find(block.id ? { label: block.label, id: block.id } : block.label);
      blocks[key] = (champ?.rows ?? []).map((row) => {
        const findChild = champIndex(row.champs ?? []);
        return { value: (s: FieldSource) => { const c = findChild(s); return c ? champText(c) : undefined; } };
      });
    }
    return {
      number,
      state: API_STATES[node.state ?? ''] ?? node.state ?? '',
      processedAt: dateOf('dateTraitement', node.dateTraitement ?? undefined),
      source,
      value: (s) => {
        const c = find(s);
        if (c) return champText(c);
        for (const label of labelsOf(s)) {
          const v = demandeur[headerKey(label)];
          if (v) return v;
        }
        return undefined;
      },
      values: (s) => find(s)?.values ?? undefined,
      block: (key) => blocks[key] ?? [],
    } satisfies Dossier;
  });
}
