/**
 * One dossier, whatever the export it came from (CSV, XLSX, GraphQL dump),
 * read only through the mapping: a column that is not mapped is never read.
 */
import { normaliseLabel } from '../schemas/enum.ts';
import { readDate, type DateReading } from './dates.ts';
import type { ApiChamp, ApiDemandeur, ApiDossier } from './ds-api/query.ts';
import { API_STATES, champText } from './ds-rules.ts';
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
// GraphQL API v2 (src/ingest/ds-api/): a run against the API, or a saved response
// ---------------------------------------------------------------------------

function champIndex(champs: readonly ApiChamp[]) {
  const byLabel = new Map<string, ApiChamp>();
  const byId = new Map<string, ApiChamp>();
  for (const c of champs) {
    if (c.label && !byLabel.has(headerKey(c.label))) byLabel.set(headerKey(c.label), c);
    // Inside a repeatable block's rows a champ's own id is `<stable id>|<row id>`: only the descriptor id is stable.
    if (c.champDescriptorId) byId.set(c.champDescriptorId, c);
  }
  return (source: FieldSource) => {
    const id = idOf(source);
    if (id && byId.has(id)) return byId.get(id);
    for (const label of labelsOf(source)) {
      const c = byLabel.get(headerKey(label));
      if (c) return c;
    }
    return undefined;
  };
}

/**
 * The exports' `Entreprise …`, `Association …` and `Établissement SIRET`
 * columns, as the API's demandeur answers them: a company's names only through
 * `PersonneMorale` (a `PersonneMoraleIncomplete` has only its SIRET).
 */
const DEMANDEUR_COLUMNS: Record<string, (d: Extract<ApiDemandeur, { siret: string }>) => string | undefined> = {
  'Établissement SIRET': (d) => d.siret,
  'Entreprise raison sociale': (d) => ('entreprise' in d ? d.entreprise?.raisonSociale : undefined),
  'Entreprise nom commercial': (d) => ('entreprise' in d ? d.entreprise?.nomCommercial : undefined),
  'Association titre': (d) => ('association' in d ? d.association?.titre : undefined),
};

/** The labels an API dossier answers outside its champs (the demandeur's columns). */
export const DEMANDEUR_LABELS = Object.keys(DEMANDEUR_COLUMNS);

/** The demandeur's columns of a dossier, by header key. */
export function demandeurColumns(demandeur: ApiDemandeur | undefined): Map<string, string> {
  const columns = new Map<string, string>();
  if (!demandeur || !('siret' in demandeur)) return columns;
  for (const [label, read] of Object.entries(DEMANDEUR_COLUMNS)) {
    const value = read(demandeur);
    if (value) columns.set(headerKey(label), value);
  }
  return columns;
}

/**
 * A saved response of the documented query (`{data:{demarche:{dossiers:{nodes}}}}`,
 * `{demarche:…}`, `{nodes}` or a bare array of dossiers): the dossiers, or why
 * the file cannot be taken as a whole démarche; undefined when it is not an API response.
 */
export function apiNodes(json: unknown): { nodes: ApiDossier[] } | { problem: string } | undefined {
  const j = json as Record<string, any>;
  if (Array.isArray(j?.errors) && j.errors.length > 0) {
    return { problem: `réponse de l’API avec des erreurs (${j.errors.map((e: { message?: string }) => `« ${e?.message ?? ''} »`).join(', ')}) : elle ne peut pas être prise pour la démarche entière — relancez la requête, ou utilisez npm run ingest -- --api` };
  }
  const connection = [j?.data?.demarche?.dossiers, j?.demarche?.dossiers, j?.dossiers].find((c) => c && typeof c === 'object');
  const candidates = [connection?.nodes, j?.nodes, json];
  const nodes = candidates.find((c) => Array.isArray(c) && c.length > 0 && c.every((n) => n === null || (typeof n === 'object' && 'number' in n && ('champs' in n || 'state' in n))));
  if (!nodes) return undefined;
  if ((nodes as unknown[]).includes(null)) return { problem: 'réponse de l’API avec un dossier vide (null) : Démarches Simplifiées n’a pas pu le lire — relancez la requête, ou utilisez npm run ingest -- --api' };
  if (connection?.pageInfo?.hasNextPage === true) {
    return { problem: 'réponse de l’API qui n’est qu’une page (pageInfo.hasNextPage vaut true) : les dossiers des pages suivantes manqueraient — utilisez npm run ingest -- --api, qui lit toutes les pages' };
  }
  return { nodes: nodes as ApiDossier[] };
}

export function dossiersFromApi(nodes: readonly ApiDossier[], mapping: Mapping, source: string): Dossier[] {
  return nodes.map((node, i) => {
    const number = parseNumber(String(node.number ?? ''), `${source}, dossier n° ${i + 1}`);
    const find = champIndex([...(node.champs ?? []), ...(node.annotations ?? [])]);
    const demandeur = demandeurColumns(node.demandeur);
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
          const v = demandeur.get(headerKey(label));
          if (v) return v;
        }
        return undefined;
      },
      values: (s) => find(s)?.values ?? undefined,
      block: (key) => blocks[key] ?? [],
    } satisfies Dossier;
  });
}
